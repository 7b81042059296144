import type { ApiHandlers } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { StorageService } from '../storage/storage-service.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Queue } from '../queue/queue.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';

export interface HandlerDeps {
  repos: Repositories;
  connections: ConnectionService;
  storage: StorageService;
  flows: FlowService;
  nodes: NodeRegistry;
  queue: Queue;
  clock: Clock;
  /** Where the listener is, for webhook URLs and the status; known once it has started. */
  info(): { version: string; dataDir: string; apiUrl: string; webhookBaseUrl: string; startedAt: string };
}

/** The engine API: one function per method, arguments already validated by dispatch. */
export function createHandlers(d: HandlerDeps): ApiHandlers {
  const { repos } = d;

  return {
    'connections.create': (a) => d.connections.create(a),
    'connections.update': (a) => d.connections.update(a),
    'connections.remove': (a) => d.connections.remove(a.id, a.dryRun),
    'connections.list': () => repos.connections.list().map(d.connections.toDto),
    'connections.get'(a) {
      const c = repos.connections.get(a.id);
      if (!c) throw notFound('connection', a.id);
      return d.connections.toDto(c);
    },
    'connections.platforms': () => d.connections.platforms(),

    'inbox.list': (a) => repos.inbox.list(a),
    'inbox.get'(a) {
      const r = repos.inbox.get(a.id);
      if (!r) throw notFound('delivery', a.id);
      const body = r.body ?? Buffer.alloc(0);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
      const utf8 = Buffer.from(text, 'utf8').equals(body);
      const { resourceVersion: _rv, ...rest } = r;
      // (bodyPrunedAt says when retention removed the bytes, if it did.)
      return { ...rest, body: utf8 ? text : body.toString('base64'), bodyEncoding: utf8 ? 'utf8' : 'base64' };
    },

    'orders.list': (a) => repos.orders.search(a.query, a.limit),
    'orders.get'(a) {
      const rec = repos.orders.get(a.ref) ?? repos.orders.findByNumber(a.ref);
      if (!rec) throw notFound('order', a.ref);
      return {
        summary: repos.orders.summary(rec.id)!,
        order: rec.order,
        customer: rec.customerId ? (repos.customers.get(rec.customerId) ?? null) : null,
        timeline: repos.timeline.forOrder(rec.id),
      };
    },
    'customers.list': (a) => repos.customers.search(a.query, a.limit),
    'customers.get'(a) {
      const c = repos.customers.get(a.id);
      if (!c) throw notFound('customer', a.id);
      return c;
    },

    'flows.list': () => d.flows.list(),
    'flows.get': (a) => d.flows.get(a.id, a.version),
    'flows.save': (a) => d.flows.save(a.id, a.document, a.expectedVersion),
    'flows.validate': (a) => d.flows.validate(a.document),
    'flows.activate': (a) => d.flows.activate(a.id, a.version),
    'flows.deactivate': (a) => d.flows.deactivate(a.id),
    'flows.delete': (a) => d.flows.delete(a.id),
    'flows.import': (a) => d.flows.import(a.file, a.activate),
    'flows.export': (a) => d.flows.export(a.id, a.version),
    'runs.list': (a) => repos.runs.list(a),
    'runs.get'(a) {
      const run = repos.runs.get(a.id);
      if (!run) throw notFound('run', a.id);
      const { eventId: _e, ...summary } = run;
      const document = repos.flows.getVersion(run.flowId, run.flowVersion) ?? { name: run.flowName, nodes: [], edges: [] };
      return { ...summary, steps: repos.runs.steps(run.id), document };
    },
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
