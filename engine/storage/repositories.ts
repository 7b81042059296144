import type { Db } from './database.ts';
import { createConnectionsRepo, type SecretsCodec } from './repos/connections-repo.ts';
import { createCustomersRepo } from './repos/customers-repo.ts';
import { createEventsRepo } from './repos/events-repo.ts';
import { createFlowsRepo } from './repos/flows-repo.ts';
import { createInboxRepo } from './repos/inbox-repo.ts';
import { createJobsRepo } from './repos/jobs-repo.ts';
import { createOrdersRepo } from './repos/orders-repo.ts';
import { createRunsRepo } from './repos/runs-repo.ts';
import { createTimelineRepo } from './repos/timeline-repo.ts';
import { createSettingsRepo } from './repos/settings-repo.ts';

/** Every repository over one open database, with its statements prepared once. */
export function createRepositories(db: Db, secrets?: SecretsCodec) {
  return {
    db,
    /** Runs `fn` in one synchronous transaction; never pass an async function. */
    tx<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    connections: createConnectionsRepo(db, secrets),
    inbox: createInboxRepo(db),
    jobs: createJobsRepo(db),
    orders: createOrdersRepo(db),
    customers: createCustomersRepo(db),
    timeline: createTimelineRepo(db),
    flows: createFlowsRepo(db),
    runs: createRunsRepo(db),
    events: createEventsRepo(db),
    settings: createSettingsRepo(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
