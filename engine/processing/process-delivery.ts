import { setImmediate } from 'node:timers/promises';
import type { OrderSummaryDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { ConnectionView, Normalized, PlatformAdapter, RawDelivery } from '../platforms/adapter.ts';

type NormalizeResult = Normalized | { ignore: string };
import type { Queue, Job } from '../queue/queue.ts';
import type { Clock } from '../shared/clock.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { OrderService } from '../domain/orders.ts';
import type { BatchResult, HandlerResult } from '../queue/worker.ts';
import { PermanentJobError } from '../shared/errors.ts';
import { applyOrder } from './apply-order.ts';
import { applyFulfillment, prepareFulfillment, type PreparedFulfillment } from './apply-fulfillment.ts';
import type { StoreApis } from '../connectors/store-api/store-apis.ts';
import { StoreApiError } from '../connectors/store-api/store-api-error.ts';


export interface ProcessDeps {
  repos: Repositories;
  timeline: Timeline;
  orders: OrderService;
  platforms: PlatformRegistry;
  queue: Queue;
  clock: Clock;
  bus: EventBus;
  activeFlows: ActiveFlows;
  connections: ConnectionService;
  nodes: NodeRegistry;
  fetch: typeof fetch;
  /** The platforms' APIs: a fulfillment delivery names an FO, and the API says which order it belongs to. */
  storeApis?: StoreApis;
  /** Every run a delivery starts is a dry run (an engine started by `flowdesk test`). */
  dryRunsOnly?: boolean;
}

/**
 * Turns one accepted delivery into state. The platform's payload is read (and enriched where
 * the platform sends ids only) outside any transaction; then every order it carries is
 * applied, and the job completed, in one transaction: a crash leaves all or nothing.
 */
export function createDeliveryProcessor(deps: ProcessDeps) {
  const { repos, platforms, queue, clock, bus, activeFlows } = deps;

  /** Each order the delivery carries, normalized against what Flowdesk stored for it. */
  async function normalizeAll(raw: RawDelivery, adapter: PlatformAdapter, view: ConnectionView, topic: string): Promise<NormalizeResult[]> {
    let payload: unknown;
    try {
      payload = adapter.parse(raw);
    } catch (error) {
      const what = error instanceof SyntaxError ? `the body is not valid JSON: ${error.message}` : (error as Error).message;
      throw new PermanentJobError(`could not read the order: ${what}`);
    }
    const parts = adapter.split ? adapter.split(payload) : [payload];
    const out: NormalizeResult[] = [];
    for (const part of parts) {
      const enriched = adapter.enrich ? await adapter.enrich(part, { topic, connection: view, fetch: deps.fetch, clock }) : part;
      const ctx = { topic, connectionId: view.id, storeId: view.storeId, settings: view.settings };
      // The order as stored, when there is one, lets adapters derive events from a transition.
      const first = adapter.normalize(enriched, { ...ctx, previous: null });
      const stored = repos.orders.getByPlatformId(view.id, first.order.platformOrderId);
      const ignore = adapter.skip?.(enriched, { ...ctx, previous: stored?.order ?? null });
      if (ignore) out.push({ ignore });
      else out.push(stored ? adapter.normalize(enriched, { ...ctx, previous: stored.order }) : first);
    }
    return out;
  }

  interface Prepared {
    job: Job;
    delivery: NonNullable<ReturnType<Repositories['inbox']['get']>>;
    connection: NonNullable<ReturnType<Repositories['connections']['get']>>;
    results: NormalizeResult[];
    marketplace: boolean;
    /** A delivery about fulfillment (Shopify's fulfillment_orders/*), not an order. */
    fulfillment?: PreparedFulfillment;
  }

  /** A fulfillment delivery read and linked to its order; null when the topic is an order's. */
  async function prepareFulfillmentOf(job: Job, p: Omit<Prepared, 'results' | 'marketplace'>, adapter: PlatformAdapter, raw: RawDelivery): Promise<Prepared | null> {
    const topic = p.delivery.topic!;
    let read;
    try {
      read = adapter.readFulfillment!(topic, adapter.parse(raw), raw.body);
    } catch (error) {
      const what = error instanceof SyntaxError ? `the body is not valid JSON: ${error.message}` : (error as Error).message;
      const reason = `could not read the fulfillment: ${what}`;
      repos.inbox.setProcessing(p.delivery.id, 'dead', reason);
      throw new PermanentJobError(reason);
    }
    if (!read) return null;
    try {
      return { ...p, results: [], marketplace: false, fulfillment: await prepareFulfillment(repos, deps.storeApis!, p.connection, read) };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const permanent = error instanceof PermanentJobError || (error instanceof StoreApiError && error.failure === 'final') || !deps.storeApis;
      const lastTry = permanent || job.attempts >= job.maxAttempts;
      const reason = `could not link the fulfillment to an order: ${message}`;
      repos.inbox.setProcessing(p.delivery.id, lastTry ? 'dead' : 'failed', lastTry ? (permanent ? reason : `${reason}; gave up after ${job.attempts} attempts`) : `${reason} (will retry)`);
      throw lastTry ? new PermanentJobError(reason) : new Error(reason);
    }
  }

  /** Everything a delivery needs before its transaction: its payload read, enriched, normalized. */
  async function prepare(job: Job): Promise<Prepared> {
    const { inboxId } = job.payload as { inboxId: number };
    const delivery = repos.inbox.get(inboxId);
    if (!delivery || !delivery.body || !delivery.connectionId || !delivery.topic) {
      throw new PermanentJobError(`inbox entry ${inboxId} is missing or incomplete`);
    }
    if (delivery.processing === 'dead' && delivery.verdict === 'accepted' && delivery.deliveryKey) {
      // Retried by hand after a later copy of it was accepted: that copy is the one processed.
      const live = repos.inbox.findAccepted(delivery.connectionId, delivery.deliveryKey);
      if (live !== undefined) {
        const reason = `delivery ${live}, a later copy of this one, was accepted and is processed instead; this one is not processed again`;
        repos.inbox.setProcessing(inboxId, 'dead', reason);
        throw new PermanentJobError(reason);
      }
    }
    const connection = repos.connections.get(delivery.connectionId);
    const adapter = connection && platforms.get(connection.platform);
    if (!connection || !adapter) {
      repos.inbox.setProcessing(inboxId, 'dead', `connection ${delivery.connectionId} was removed before processing`);
      throw new PermanentJobError('connection removed');
    }
    const raw = { method: delivery.method, path: delivery.path, headers: delivery.headers, body: delivery.body };
    const view = deps.connections.view(connection, adapter);
    if (adapter.readFulfillment && adapter.fulfillmentTopic?.(delivery.topic) !== false) {
      const fulfillment = await prepareFulfillmentOf(job, { job, delivery, connection }, adapter, raw);
      if (fulfillment) return fulfillment;
    }
    try {
      return { job, delivery, connection, results: await normalizeAll(raw, adapter, view, delivery.topic), marketplace: adapter.marketplace === true };
    } catch (error) {
      const permanent = !(error instanceof Error) || error instanceof PermanentJobError || !adapter.enrich || error.name === 'ZodError';
      const message = (error as Error).message;
      const reason = message.startsWith('could not read') ? message : `could not read the order: ${message}`;
      const lastTry = permanent || job.attempts >= job.maxAttempts;
      repos.inbox.setProcessing(inboxId, lastTry ? 'dead' : 'failed', lastTry ? reason : `${reason} (will retry)`);
      throw permanent ? new PermanentJobError(reason) : new Error(reason);
    }
  }

  /** Applies a prepared delivery and completes its job; call inside the transaction. */
  function apply(p: Prepared, out: { emitted: TimelineEntryDto[]; changed: string[]; runJobs: Job[] }): void {
    const outcomes: string[] = [];
    const changed: string[] = [];
    if (p.fulfillment?.kind === 'unlinked') outcomes.push(p.fulfillment.why);
    if (p.fulfillment?.kind === 'linked') {
      const applied = applyFulfillment({ repos, timeline: deps.timeline, queue, activeFlows, connection: p.connection, delivery: p.delivery, nowMs: clock.now(), marketplace: false, emitted: out.emitted, runJobs: out.runJobs, dryRun: deps.dryRunsOnly ?? false }, p.fulfillment);
      outcomes.push(applied.outcome);
      changed.push(applied.orderId);
    }
    for (const result of p.results) {
      if ('ignore' in result) {
        outcomes.push(`nothing to apply: ${result.ignore}`);
        continue;
      }
      const applied = applyOrder({ repos, timeline: deps.timeline, queue, activeFlows, connection: p.connection, delivery: p.delivery, nowMs: clock.now(), marketplace: p.marketplace, emitted: out.emitted, runJobs: out.runJobs, dryRun: deps.dryRunsOnly ?? false }, result);
      outcomes.push(applied.outcome);
      changed.push(applied.orderId);
    }
    repos.inbox.setProcessing(p.delivery.id, 'processed', outcomes.join(' | ') || 'nothing to apply', changed[0] ?? null);
    queue.complete(p.job.id);
    out.changed.push(...changed);
  }

  function announce(inboxIds: number[], out: { emitted: TimelineEntryDto[]; changed: string[] }): void {
    if (!bus.listening()) return;
    for (const e of out.emitted) bus.emit('timeline.appended', e);
    for (const id of inboxIds) {
      const summary = repos.inbox.summary(id);
      if (summary) bus.emit('delivery.received', summary);
    }
    for (const orderId of new Set(out.changed)) {
      const order: OrderSummaryDto | undefined = deps.orders.summary(orderId);
      if (order) bus.emit('order.changed', order);
    }
  }

  type Out = { emitted: TimelineEntryDto[]; changed: string[]; runJobs: Job[] };
  const newOut = (): Out => ({ emitted: [], changed: [], runJobs: [] });

  /**
   * Applies one prepared delivery in its own transaction. When storing what it carries fails
   * (a bug, a constraint), the delivery says so where the user sees it (the inbox), as a retry
   * or, on the last attempt, for good; the error goes on to fail its job.
   */
  function applyAlone(p: Prepared, out: Out): void {
    // What a rolled-back transaction emitted or queued never happened: only a commit adds to `out`.
    const own = newOut();
    try {
      repos.tx(() => apply(p, own));
      out.emitted.push(...own.emitted);
      out.changed.push(...own.changed);
      out.runJobs.push(...own.runJobs);
    } catch (error) {
      const lastTry = error instanceof PermanentJobError || p.job.attempts >= p.job.maxAttempts;
      const reason = `could not store what the delivery carries: ${(error as Error).message ?? String(error)}`;
      repos.inbox.setProcessing(p.delivery.id, lastTry ? 'dead' : 'failed', lastTry ? reason : `${reason} (will retry)`);
      throw error;
    }
  }

  return {
    /** One delivery: prepared, then applied in its own transaction. */
    async one(job: Job): Promise<HandlerResult> {
      const p = await prepare(job);
      const out = newOut();
      applyAlone(p, out);
      announce([p.delivery.id], out);
      return { completed: true, next: out.runJobs };
    },
    /**
     * A batch of deliveries (a backlog after downtime, a burst): each prepared on its own (a
     * failure fails only its job), then all applied in one transaction, so the cost of a
     * commit is shared. The runs they make come back leased, to run next.
     */
    async batch(jobs: Job[]): Promise<BatchResult> {
      const prepared: Prepared[] = [];
      const failures: BatchResult['failures'] = [];
      for (const job of jobs) {
        // Let waiting webhook requests in between deliveries (reading one is synchronous work).
        await setImmediate();
        try {
          prepared.push(await prepare(job));
        } catch (error) {
          failures.push({ job, error });
        }
      }
      let out = newOut();
      let applied = prepared;
      try {
        if (prepared.length > 0) repos.tx(() => prepared.forEach((p) => apply(p, out)));
      } catch {
        // One delivery that cannot be stored must not hold the others back (they would fail and
        // retry together until all were dead): each is applied on its own, and only it fails.
        out = newOut();
        applied = [];
        for (const p of prepared) {
          try {
            applyAlone(p, out);
            applied.push(p);
          } catch (error) {
            failures.push({ job: p.job, error });
          }
        }
      }
      announce(applied.map((p) => p.delivery.id), out);
      return { failures, next: out.runJobs };
    },
  };
}
