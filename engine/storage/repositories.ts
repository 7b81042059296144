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
import { createAccountsRepo } from './repos/accounts-repo.ts';
import { createTasksRepo } from './repos/tasks-repo.ts';
import { createSequencesRepo } from './repos/sequences-repo.ts';
import { createOutboxRepo } from './repos/outbox-repo.ts';
import { createReconcileRepo } from './repos/reconcile-repo.ts';
import { createFulfillmentOrdersRepo } from './repos/fulfillment-orders-repo.ts';
import { createInventoryRepo } from './repos/inventory-repo.ts';

/** Every repository over one open database, with its statements prepared once. */
export function createRepositories(db: Db, secrets?: SecretsCodec) {
  return {
    db,
    /**
     * Runs `fn` in one synchronous transaction; never pass an async function. It begins
     * IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before anything is
     * read, so another connection (the checkpoint thread, a backup) can delay it but never
     * make it fail half-way with SQLITE_BUSY.
     */
    tx<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
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
    accounts: createAccountsRepo(db, secrets),
    tasks: createTasksRepo(db),
    sequences: createSequencesRepo(db),
    outbox: createOutboxRepo(db),
    reconcile: createReconcileRepo(db),
    fulfillmentOrders: createFulfillmentOrdersRepo(db),
    inventory: createInventoryRepo(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
