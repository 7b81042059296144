import type { ApiArgs, ApiHandlers, BatchSummaryDto, ReconcileProgress, ReplayResultDto, ReverifyDto, RunBatchDto, RunDiffDto } from '../contract/index.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { OrderService } from '../domain/orders.ts';
import type { InboxService } from '../domain/inbox.ts';
import type { CustomerService } from '../domain/customers.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { Sequences } from '../domain/sequences.ts';
import type { StorageService } from '../storage/storage-service.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { GalleryService } from '../flows/gallery-service.ts';
import type { RunService } from '../executor/run-service.ts';
import type { ManualRuns } from '../executor/manual-runs.ts';
import type { Reruns } from '../executor/reruns.ts';
import type { TemplatePreviewService } from '../executor/template-preview-service.ts';
import type { AccountsService } from '../connectors/accounts-service.ts';
import type { TaskService } from '../domain/tasks.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Queue } from '../queue/queue.ts';
import { notFound } from '../shared/errors.ts';

/** Reconciliation, as the API starts and reads it (processing/reconcile.ts). */
export interface ReconcileControl {
  start(connectionId: string, opts: { trigger: 'manual'; since?: string | undefined }): { progress: ReconcileProgress };
  status(connectionId: string): ReconcileProgress;
}

/** Replays of stored deliveries, as the API starts them (processing/replay.ts: it reads payloads through the adapters). */
export interface ReplayControl {
  verify(inboxId: number): ReverifyDto;
  replay(a: ApiArgs<'deliveries.replay'>): Promise<ReplayResultDto>;
  diff(a: ApiArgs<'deliveries.diff'>): Promise<RunDiffDto>;
  replayBulk(a: ApiArgs<'deliveries.replayBulk'>): Promise<RunBatchDto>;
}

export interface HandlerDeps {
  connections: ConnectionService;
  reconcile: ReconcileControl;
  orders: OrderService;
  customers: CustomerService;
  /** Order timelines a page at a time (issue 14). */
  timeline: Timeline;
  sequences: Sequences;
  deliveries: InboxService;
  flows: FlowService;
  gallery: GalleryService;
  manualRuns: ManualRuns;
  reruns: Reruns;
  replays: ReplayControl;
  batchSummary(id: string): BatchSummaryDto;
  runs: RunService;
  templates: TemplatePreviewService;
  accounts: AccountsService;
  tasks: TaskService;
  /** Fulfillment orders and order-level shipping actions (issue 14). */
  fulfillment: Pick<ApiHandlers, 'fulfillment.get' | 'fulfillment.act' | 'fulfillment.orderAct' | 'fulfillment.locations' | 'timeline.addNote'>;
  /** The first-run guide's test delivery (issue 16: processing/test-delivery.ts). */
  testDeliveries: Pick<ApiHandlers, 'connections.sendTestDelivery'>;
  /** Marketplace orders: stock, returns, "Process at the store" (issue 14, seed 002). */
  marketplace: Pick<ApiHandlers, 'marketplace.get' | 'marketplace.setProcessAtStore' | 'marketplace.recordReturn' | 'inventory.set' | 'inventory.list'>;
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
    'connections.reconcile': (a) => ({ ...d.reconcile.start(a.id, { trigger: 'manual', since: a.since }).progress }),
    'connections.reconcileStatus': (a) => d.reconcile.status(a.id),
    'connections.sendTestDelivery': (a) => d.testDeliveries['connections.sendTestDelivery'](a),
    // The tester's bench (issue 15).
    'inbox.search': (a) => d.deliveries.search(a.filter, a.limit, a.beforeId),
    // Fulfillment (issue 14).
    'fulfillment.get': (a) => d.fulfillment['fulfillment.get'](a),
    'fulfillment.act': (a) => d.fulfillment['fulfillment.act'](a),
    'fulfillment.orderAct': (a) => d.fulfillment['fulfillment.orderAct'](a),
    // Marketplace orders (issue 14, seed 002).
    'marketplace.get': (a) => d.marketplace['marketplace.get'](a),
    'marketplace.setProcessAtStore': (a) => d.marketplace['marketplace.setProcessAtStore'](a),
    'marketplace.recordReturn': (a) => d.marketplace['marketplace.recordReturn'](a),
    'inventory.set': (a) => d.marketplace['inventory.set'](a),
    'inventory.list': (a) => d.marketplace['inventory.list'](a),
    'fulfillment.locations': (a) => d.fulfillment['fulfillment.locations'](a),
    'inbox.verify': (a) => d.replays.verify(a.id),
    'inbox.export': (a) => d.deliveries.export(a),
    'inbox.import': (a) => d.deliveries.import(a),
    'connections.sign': (a) => d.deliveries.sign(a.id, a.delivery),
    'deliveries.replay': (a) => d.replays.replay(a),
    'deliveries.diff': (a) => d.replays.diff(a),
    'deliveries.replayBulk': (a) => d.replays.replayBulk(a),
    'runs.batchSummary': (a) => d.batchSummary(a.id),
    'runs.rerun': (a) => d.reruns.rerun(a),
    'runs.rerunFailed': (a) => d.reruns.rerunFailed(a),

    'inbox.list': (a) => d.deliveries.list(a),
    'inbox.get': (a) => d.deliveries.get(a.id),

    'orders.list': (a) => d.orders.list(a),
    'orders.get': (a) => d.orders.detail(a.ref),
    'customers.list': (a) => d.customers.search(a.query, a.limit),
    'customers.get': (a) => d.customers.get(a.id),
    'customers.page': (a) => d.customers.page(a.id),
    // The timeline a page at a time, by kind (issue 14).
    'timeline.forOrder'(a) {
      if (!d.orders.summary(a.orderId)) throw notFound('order', a.orderId);
      return d.timeline.page([a.orderId], a);
    },
    'timeline.forCustomer': (a) => d.customers.timeline(a.customerId, a),
    // A manual note by the merchant (issue 14).
    'timeline.addNote': (a) => d.fulfillment['timeline.addNote'](a),
    'customers.fields': () => d.sequences.customFields(),
    'customers.enrolments': (a) => d.sequences.enrolments(a.customerId),
    'sequences.list': () => d.sequences.list(),

    'flows.list': () => d.flows.list(),
    'flows.get': (a) => d.flows.get(a.id, a.version),
    'flows.save': (a) => d.flows.save(a.id, a.document, a.expectedVersion),
    'flows.validate': (a) => d.flows.validate(a.document),
    'flows.activate': (a) => d.flows.activate(a.id, a.version),
    'flows.deactivate': (a) => d.flows.deactivate(a.id),
    'flows.delete': (a) => d.flows.delete(a.id),
    'flows.import': (a) => d.flows.import(a.file, a.activate),
    'flows.export': (a) => d.flows.export(a.id, a.version),
    'flows.versions': (a) => d.flows.versions(a.id),
    'flows.diff': (a) => d.flows.diff(a.id, a.from, a.to),
    'flows.rollback': (a) => d.flows.rollback(a.id, a.version, a.activate),
    'runs.list': (a) => d.runs.list(a),
    'runs.get': (a) => d.runs.get(a.id),
    'runs.dryRun': (a) => d.runs.dryRun(a),
    'runs.manual': (a) => d.manualRuns.start(a),
    'runs.batch': (a) => d.manualRuns.batch(a.id),
    'runs.cancelBatch': (a) => d.manualRuns.cancel(a.id),
    'nodes.list': () => d.nodes.toDtos(),
    'gallery.list': () => d.gallery.list(),
    'gallery.get': (a) => d.gallery.get(a.id, a.locale),
    'templates.preview': (a) => d.templates.preview(a),
    'templates.check': (a) => d.templates.check(a.template),
    'templates.variables': (a) => d.templates.variables(a),
    'accounts.connectors': () => d.accounts.connectors(),
    'accounts.list': (a) => d.accounts.list(a.connector),
    'accounts.create': (a) => d.accounts.create(a),
    'accounts.update': (a) => d.accounts.update(a),
    'accounts.remove': (a) => d.accounts.remove(a.id, a.dryRun),
    'accounts.test': (a) => d.accounts.test(a.id),
    'tasks.forOrder': (a) => d.tasks.forOrder(a.orderId),
    'tasks.open': (a) => d.tasks.open(a.limit),
    'tasks.setDone': (a) => d.tasks.setDone(a.id, a.done),
    'tasks.update': (a) => d.tasks.update(a.id, a),
    'tasks.delete': (a) => d.tasks.remove(a.id),

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
