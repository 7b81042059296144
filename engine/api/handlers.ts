import type { ApiHandlers } from '../contract/index.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { OrderService } from '../domain/orders.ts';
import type { InboxService } from '../domain/inbox.ts';
import type { CustomerService } from '../domain/customers.ts';
import type { StorageService } from '../storage/storage-service.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { RunService } from '../executor/run-service.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Queue } from '../queue/queue.ts';
import { notFound } from '../shared/errors.ts';

export interface HandlerDeps {
  connections: ConnectionService;
  orders: OrderService;
  customers: CustomerService;
  deliveries: InboxService;
  flows: FlowService;
  runs: RunService;
  storage: StorageService;
  nodes: NodeRegistry;
  queue: Queue;
  /** Where the listener is, for webhook URLs and the status; known once it has started. */
  info(): { version: string; dataDir: string; apiUrl: string; webhookBaseUrl: string; startedAt: string };
}

/** The engine API: one function per method, over the engine's services; arguments already validated by dispatch. */
export function createHandlers(d: HandlerDeps): ApiHandlers {
  return {
    'connections.create': (a) => d.connections.create(a),
    'connections.update': (a) => d.connections.update(a),
    'connections.remove': (a) => d.connections.remove(a.id, a.dryRun),
    'connections.list': () => d.connections.list(),
    'connections.get': (a) => d.connections.getDto(a.id),
    'connections.platforms': () => d.connections.platforms(),

    'inbox.list': (a) => d.deliveries.list(a),
    'inbox.get': (a) => d.deliveries.get(a.id),

    'orders.list': (a) => d.orders.search(a.query, a.limit),
    'orders.get': (a) => d.orders.detail(a.ref),
    'customers.list': (a) => d.customers.search(a.query, a.limit),
    'customers.get': (a) => d.customers.get(a.id),

    'flows.list': () => d.flows.list(),
    'flows.get': (a) => d.flows.get(a.id, a.version),
    'flows.save': (a) => d.flows.save(a.id, a.document, a.expectedVersion),
    'flows.validate': (a) => d.flows.validate(a.document),
    'flows.activate': (a) => d.flows.activate(a.id, a.version),
    'flows.deactivate': (a) => d.flows.deactivate(a.id),
    'flows.delete': (a) => d.flows.delete(a.id),
    'flows.import': (a) => d.flows.import(a.file, a.activate),
    'flows.export': (a) => d.flows.export(a.id, a.version),
    'runs.list': (a) => d.runs.list(a),
    'runs.get': (a) => d.runs.get(a.id),
    'runs.dryRun': (a) => d.runs.dryRun(a),
    'nodes.list': () => d.nodes.toDtos(),

    'engine.status': () => ({ ...d.info(), queue: d.queue.counts() }),
    'jobs.list': (a) => d.queue.list(a.state ?? null, a.limit),
    'storage.status': () => d.storage.status(),
    'storage.settings': (a) => d.storage.updateSettings(a),
    'storage.maintain': () => d.storage.maintain(),
    'storage.backup': () => d.storage.backup(),
    'storage.restore': (a) => d.storage.restore(a.file),
    'jobs.retry'(a) {
      const job = d.queue.retryDead(a.id);
      if (!job) throw notFound('job', a.id);
      return job;
    },
  };
}
