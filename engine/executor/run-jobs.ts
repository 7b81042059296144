import { setImmediate } from 'node:timers/promises';
import type { BatchHandler, BatchResult } from '../queue/worker.ts';
import type { Job, Queue } from '../queue/queue.ts';
import type { RunStart } from '../nodes/node-type.ts';
import type { Executor } from './execute-run.ts';

/**
 * Run jobs, many at a time: each run is done on its own (a failure fails only its job), and
 * the last writes of all of them, with their jobs completed, are committed together.
 */
export function runJobs(executor: Executor, queue: Queue, size: BatchHandler['size'] = 32): BatchHandler {
  return {
    size,
    async handle(jobs: Job[]): Promise<BatchResult> {
      const group = executor.group();
      const failures: BatchResult['failures'] = [];
      const done: Job[] = [];
      for (const job of jobs) {
        // Steps settle as microtasks: without this, a batch would hold the event loop (and
        // the webhook listener's answers) for all its runs.
        await setImmediate();
        const attempt = { attempts: job.attempts, maxAttempts: job.maxAttempts, complete: () => queue.complete(job.id) };
        try {
          await executor.execute((job.payload as { runId: string }).runId, attempt, job.memo as RunStart | undefined, group);
          done.push(job);
        } catch (error) {
          failures.push({ job, error });
        }
      }
      try {
        await executor.commit(group);
      } catch (error) {
        failures.push(...done.map((job) => ({ job, error })));
      }
      return { failures };
    },
  };
}
