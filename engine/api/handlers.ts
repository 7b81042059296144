import type { ApiHandlers, ConnectionDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Queue } from '../queue/queue.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';

export interface HandlerDeps {
  repos: Repositories;
  platforms: PlatformRegistry;
  flows: FlowService;
  nodes: NodeRegistry;
  queue: Queue;
  clock: Clock;
  /** Where the listener is, for webhook URLs and the status; known once it has started. */
  info(): { version: string; dataDir: string; apiUrl: string; webhookBaseUrl: string; startedAt: string };
}

export function maskSecret(secret: string): string {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}

/** The engine API: one function per method, arguments already validated by dispatch. */
export function createHandlers(d: HandlerDeps): ApiHandlers {
  const { repos } = d;
  const connectionDto = (c: ConnectionRow): ConnectionDto => ({
    id: c.id,
    platform: c.platform,
    storeId: c.storeId,
    name: c.name,
    webhookPath: `/hooks/${c.id}`,
    webhookUrl: `${d.info().webhookBaseUrl}/hooks/${c.id}`,
    secretHint: maskSecret(Object.values(c.secrets)[0] ?? ''),
    createdAt: c.createdAt,
  });

  return {
    'connections.create'(a) {
      const adapter = d.platforms.get(a.platform);
      if (!adapter) throw new EngineError('unsupported_platform', `${a.platform} connections are not supported yet; Shopify is`);
      const row: ConnectionRow = {
        id: newId('con'),
        platform: a.platform,
        storeId: a.storeId,
        name: a.name || a.storeId,
        secrets: { [adapter.secrets[0]?.name ?? 'webhookSecret']: a.secret },
        createdAt: new Date(d.clock.now()).toISOString(),
      };
      repos.connections.insert(row);
      return connectionDto(row);
    },
    'connections.list': () => repos.connections.list().map(connectionDto),
    'connections.get'(a) {
      const c = repos.connections.get(a.id);
      if (!c) throw notFound('connection', a.id);
      return connectionDto(c);
    },

    'inbox.list': (a) => repos.inbox.list(a),
    'inbox.get'(a) {
      const r = repos.inbox.get(a.id);
      if (!r) throw notFound('delivery', a.id);
      const body = r.body ?? Buffer.alloc(0);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
      const utf8 = Buffer.from(text, 'utf8').equals(body);
      const { resourceVersion: _rv, ...rest } = r;
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
    'jobs.retry'(a) {
      const job = d.queue.retryDead(a.id);
      if (!job) throw notFound('job', a.id);
      return job;
    },
  };
}
