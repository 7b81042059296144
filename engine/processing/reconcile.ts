import { platformLabels, type ReconcileProgress } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { Queue } from '../queue/queue.ts';
import type { Clock } from '../shared/clock.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Logger } from '../shared/logger.ts';
import type { StoreApis } from '../connectors/store-api/store-apis.ts';
import type { ChangedOrder } from '../connectors/store-api/store-client.ts';
import { versionMs } from '../domain/order-state.ts';
import { notFound } from '../shared/errors.ts';

/** The lists overlap the last run by this much: platforms' updated_at windows are known to miss edges (reference §1.7). */
export const OVERLAP_MS = 5 * 60_000;
/** A run never reads more pages than this (a runaway cursor); the next run goes on from what it saw. */
const MAX_PAGES = 10_000;

export type ReconcileTrigger = NonNullable<ReconcileProgress['trigger']>;

export interface ReconcilerDeps {
  repos: Repositories;
  queue: Queue;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  storeApis: StoreApis;
  /** The job kind that processes a delivery (the listener's own). */
  deliveryJob: string;
}

const idle = (connectionId: string): ReconcileProgress => ({
  connectionId, state: 'idle', trigger: null, since: null, fetched: 0, upToDate: 0, queued: 0, pages: 0, startedAt: null, finishedAt: null, error: null,
});

/**
 * Reconciliation (issue 13): the orders a platform changed since the last one Flowdesk saw are
 * listed through its API and fed, as deliveries of source "reconciled" (or "polled"), through
 * the same processing as webhooks. An order Flowdesk already has at that version is counted
 * and left alone, so reconciling after a normal day queues nothing and starts no run. One run
 * per connection at a time; asking again while one runs answers the running one.
 */
export function createReconciler(d: ReconcilerDeps) {
  const { repos, clock } = d;
  const running = new Map<string, { progress: ReconcileProgress; done: Promise<ReconcileProgress> }>();
  const iso = (ms: number) => new Date(ms).toISOString();

  function publish(p: ReconcileProgress): void {
    if (d.bus.listening()) d.bus.emit('reconcile.progress', { ...p });
  }

  /** Where to start: the newest updated_at listed before, else the last delivery, else when the connection was made; less the overlap. */
  function startFrom(c: ConnectionRow): string {
    const state = repos.reconcile.get(c.id);
    const from = state?.seenUntil ?? repos.reconcile.lastDeliveryAt(c.id) ?? c.createdAt;
    return iso(Math.max(0, Date.parse(from) - OVERLAP_MS));
  }

  /** Queues one page's orders that are newer than what Flowdesk has, in one transaction. */
  function queuePage(c: ConnectionRow, orders: readonly ChangedOrder[], source: 'reconciled' | 'polled', p: ReconcileProgress): void {
    const receivedAt = iso(clock.now());
    repos.tx(() => {
      for (const o of orders) {
        const stored = repos.orders.getByPlatformId(c.id, o.platformOrderId);
        if (stored && stored.platformUpdatedMs >= versionMs(o.updatedAt)) {
          p.upToDate++;
          continue;
        }
        const deliveryKey = `api:${o.platformOrderId}@${o.updatedAt}`;
        if (repos.inbox.findAccepted(c.id, deliveryKey) !== undefined) {
          // Listed again before its delivery was processed (an overlapping page, a second run).
          p.upToDate++;
          continue;
        }
        const inboxId = repos.inbox.insert({
          receivedAt, connectionId: c.id, platform: c.platform, method: 'GET', path: `/api/${c.platform}/orders/${o.platformOrderId}`, headers: o.headers, body: o.body, bodySize: o.body.length,
          topic: o.topic, deliveryKey, resourceVersion: o.updatedAt, verdict: 'accepted',
          reason: `fetched through the ${platformLabels[c.platform]} API (${source}): no signature to verify`, duplicateOf: null, httpStatus: 200, processing: 'pending', source,
        });
        d.queue.enqueue(d.deliveryJob, { inboxId });
        p.queued++;
      }
    });
  }

  async function run(c: ConnectionRow, trigger: ReconcileTrigger, since: string, p: ReconcileProgress): Promise<ReconcileProgress> {
    const source = trigger === 'poll' ? 'polled' : 'reconciled';
    let newest = repos.reconcile.get(c.id)?.seenUntil ?? null;
    try {
      const client = d.storeApis.client(c);
      let cursor: string | null = null;
      do {
        const page = await client.listChanged(since, cursor);
        p.pages++;
        p.fetched += page.orders.length;
        for (const o of page.orders) if (!newest || versionMs(o.updatedAt) > versionMs(newest)) newest = o.updatedAt;
        queuePage(c, page.orders, source, p);
        publish(p);
        cursor = page.next;
      } while (cursor !== null && p.pages < MAX_PAGES);
      p.state = 'done';
    } catch (error) {
      p.state = 'failed';
      p.error = `${platformLabels[c.platform]}: ${(error as Error).message}`;
      d.logger.warn(`reconciling ${c.name} failed: ${p.error}`);
    }
    p.finishedAt = iso(clock.now());
    // Only a run that read every page moves the start of the next: some lists are not in time
    // order across the whole run (KiotViet's orders then invoices, Sapo's statuses one by one),
    // so a failed run's newest time could skip what its unread pages held.
    const before = repos.reconcile.get(c.id)?.seenUntil ?? null;
    repos.reconcile.save({ connectionId: c.id, seenUntil: p.state === 'done' ? newest : before, lastRunAt: p.finishedAt, lastResult: p });
    publish(p);
    return p;
  }

  return {
    /** Starts a run (or answers the one running) and returns its state at once. */
    start(connectionId: string, opts: { trigger: ReconcileTrigger; since?: string | undefined }): { progress: ReconcileProgress; done: Promise<ReconcileProgress> } {
      const now = running.get(connectionId);
      if (now) return now;
      const c = repos.connections.get(connectionId);
      if (!c) throw notFound('connection', connectionId);
      const since = opts.since ?? startFrom(c);
      const p: ReconcileProgress = { ...idle(connectionId), state: 'running', trigger: opts.trigger, since, startedAt: iso(clock.now()) };
      const entry = { progress: p, done: run(c, opts.trigger, since, p).finally(() => running.delete(connectionId)) };
      running.set(connectionId, entry);
      publish(p);
      return entry;
    },
    status(connectionId: string): ReconcileProgress {
      const now = running.get(connectionId);
      if (now) return { ...now.progress };
      if (!repos.connections.get(connectionId)) throw notFound('connection', connectionId);
      return repos.reconcile.get(connectionId)?.lastResult ?? idle(connectionId);
    },
    /** Runs in progress finish (their pages already queued stay queued); for a clean stop. */
    async settle(): Promise<void> {
      await Promise.allSettled([...running.values()].map((r) => r.done));
    },
  };
}
export type Reconciler = ReturnType<typeof createReconciler>;
