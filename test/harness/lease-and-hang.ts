// A process that leases one job and then hangs, to be killed with SIGKILL by a test.
import { openDatabase } from '../../engine/storage/database.ts';
import { createJobsRepo } from '../../engine/storage/repos/jobs-repo.ts';
import { createQueue } from '../../engine/queue/queue.ts';
import { systemClock } from '../../engine/shared/clock.ts';

const db = openDatabase(process.argv[2] as string);
const queue = createQueue(createJobsRepo(db), systemClock, { owner: 'doomed-process', leaseMs: 60 * 60_000 });
const job = queue.lease();
process.stdout.write(`${JSON.stringify({ leased: job?.id ?? null })}\n`);
setInterval(() => {}, 1_000);
