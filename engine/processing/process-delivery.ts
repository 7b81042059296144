import type { CanonicalEvent, Order, OrderSummaryDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { ConnectionView, PlatformAdapter } from '../platforms/adapter.ts';
import type { Queue, Job } from '../queue/queue.ts';
import type { Clock } from '../shared/clock.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import { PermanentJobError } from '../queue/worker.ts';
import { upsertCustomerFromOrder } from '../domain/customers.ts';
import { statusChanges, statusOf, versionMs } from '../domain/order-state.ts';
import { newId } from '../shared/ids.ts';

export const RUN_JOB = 'run.execute';

export interface ProcessDeps {
  repos: Repositories;
  platforms: PlatformRegistry;
  queue: Queue;
  clock: Clock;
  bus: EventBus;
  activeFlows: ActiveFlows;
  connections: ConnectionService;
  nodes: NodeRegistry;
  fetch: typeof fetch;
}

/**
 * Turns one accepted delivery into state: the canonical order (last write wins on the
 * platform's updated_at), the customer, the timeline, the canonical events, and a queued run
 * for each active flow they trigger. All of it, and the job's completion, in one transaction:
 * a crash leaves either nothing or everything.
 */
export function createDeliveryProcessor(deps: ProcessDeps) {
  const { repos, platforms, queue, clock, bus, activeFlows } = deps;

  /** Reads the verified bytes and, where the platform sends ids only, fetches the rest (retried on failure). */
  async function readPayload(raw: Parameters<PlatformAdapter['parse']>[0], adapter: PlatformAdapter, view: ConnectionView, topic: string) {
    let payload: unknown;
    try {
      payload = adapter.parse(raw);
    } catch (error) {
      throw new PermanentJobError(`could not read the order: ${(error as Error).message}`);
    }
    if (!adapter.enrich) return payload;
    return adapter.enrich(payload, { topic, connection: view, fetch: deps.fetch, clock });
  }

  return async function processDelivery(job: Job): Promise<void> {
    const { inboxId } = job.payload as { inboxId: number };
    const delivery = repos.inbox.get(inboxId);
    if (!delivery || !delivery.body || !delivery.connectionId || !delivery.topic) {
      throw new PermanentJobError(`inbox entry ${inboxId} is missing or incomplete`);
    }
    const connection = repos.connections.get(delivery.connectionId);
    const adapter = connection && platforms.get(connection.platform);
    if (!connection || !adapter) {
      repos.inbox.setProcessing(inboxId, 'dead', `connection ${delivery.connectionId} was removed before processing`);
      throw new PermanentJobError('connection removed');
    }
    const raw = { method: delivery.method, path: delivery.path, headers: delivery.headers, body: delivery.body };
    const nowMs = clock.now();
    const now = new Date(nowMs).toISOString();
    const receivedMs = Date.parse(delivery.receivedAt);
    const emitted: TimelineEntryDto[] = [];
    let changedOrder: string | null = null;

    const view = deps.connections.view(connection, adapter);
    const topic = delivery.topic;
    let normalized;
    try {
      const payload = await readPayload(raw, adapter, view, topic);
      const ctx = { topic, connectionId: connection.id, storeId: connection.storeId, settings: view.settings };
      // The order as stored, when there is one, lets adapters derive events from a transition.
      const first = adapter.normalize(payload, { ...ctx, previous: null });
      const stored = repos.orders.getByPlatformId(connection.id, first.order.platformOrderId);
      normalized = stored ? adapter.normalize(payload, { ...ctx, previous: stored.order }) : first;
    } catch (error) {
      const permanent = !(error instanceof Error) || error instanceof PermanentJobError || !adapter.enrich || error.name === 'ZodError';
      const reason = (error as Error).message.startsWith('could not read') ? (error as Error).message : `could not read the order: ${(error as Error).message}`;
      const lastTry = permanent || job.attempts >= job.maxAttempts;
      repos.inbox.setProcessing(inboxId, lastTry ? 'dead' : 'failed', lastTry ? reason : `${reason} (will retry)`);
      throw permanent ? new PermanentJobError(reason) : new Error(reason);
    }

    repos.tx(() => {
      const incoming: Order = normalized.order;
      const existing = repos.orders.getByPlatformId(connection.id, incoming.platformOrderId);
      const incomingMs = versionMs(incoming.updatedAt);
      const stale = existing !== undefined && incomingMs < existing.platformUpdatedMs;
      const orderId = existing?.id ?? newId('ord');
      const append = (e: Parameters<typeof repos.timeline.append>[0]) => emitted.push(repos.timeline.append(e));

      let customerId = existing?.customerId ?? null;
      let customerChange: 'created' | 'updated' | 'unchanged' | null = null;
      if (!stale) {
        const customer = upsertCustomerFromOrder(repos.customers, incoming, now);
        customerId = customer?.customer.id ?? customerId;
        customerChange = customer?.change ?? null;
        repos.orders.save(orderId, connection.id, incoming, customerId, incomingMs, now);
      }
      append({
        orderId, atMs: receivedMs, kind: 'delivery', inboxId,
        title: `${delivery.topic} received from ${connection.name}: ${delivery.reason}`,
        detail: { topic: delivery.topic, verdict: delivery.verdict, signature: delivery.reason, deliveryKey: delivery.deliveryKey, inboxId },
      });
      if (stale) {
        append({
          orderId, atMs: nowMs, kind: 'stale_delivery', inboxId,
          title: `Older than what Flowdesk has (updated ${incoming.updatedAt}, stored ${existing!.order.updatedAt}): not applied`,
          detail: { incomingUpdatedAt: incoming.updatedAt, storedUpdatedAt: existing!.order.updatedAt },
        });
      } else if (!existing) {
        append({ orderId, atMs: nowMs, kind: 'order_created', inboxId, title: `Order ${incoming.number} recorded`, detail: { ...statusOf(incoming) } });
      } else {
        const changes = statusChanges(statusOf(existing.order), statusOf(incoming));
        if (Object.keys(changes).length > 0) {
          const text = Object.entries(changes).map(([k, v]) => `${k} ${v.from ?? '—'} → ${v.to ?? '—'}`).join(', ');
          append({ orderId, atMs: nowMs, kind: 'status_change', inboxId, title: `Status changed: ${text} (from ${delivery.topic})`, detail: { changes, source: delivery.topic } });
        }
      }

      // A stale orders/updated says nothing new; other topics still record that the thing happened.
      const current = stale ? existing!.order : incoming;
      const previous = existing ? statusOf(existing.order) : null;
      const events = normalized.events.filter((t) => !(stale && t === 'order.updated'));
      if (customerChange === 'created' || customerChange === 'updated') {
        events.push(customerChange === 'created' ? 'customer.created' : 'customer.updated');
        const who = incoming.customer?.email ?? incoming.customer?.phone ?? incoming.shippingAddress?.phone ?? '';
        append({ orderId, atMs: nowMs, kind: 'customer', inboxId, title: `Customer ${who} ${customerChange} from this order`, detail: { customerId, change: customerChange } });
      }
      const storePlatforms = repos.connections.platformsOf(connection.store);
      let runs = 0;
      for (const type of events) {
        const event: CanonicalEvent = { type, platform: connection.platform, connectionId: connection.id, occurredAt: incoming.updatedAt, order: current, previous: stale ? null : previous };
        const eventId = repos.events.insert(inboxId, orderId, event, now);
        for (const flow of activeFlows.matching(type, connection.platform)) {
          const runId = newId('run');
          const unmet = unmetRequirements(flow.requirements, storePlatforms);
          const skipReason = unmet.length > 0 ? `store "${connection.store}" has no ${unmet.join(', no ')} connection, which this flow uses` : null;
          const created = repos.runs.insert({ id: runId, flowId: flow.id, flowVersion: flow.version, eventId, eventType: type, inboxId, orderId, dryRun: false, createdAt: now, skipReason });
          if (!created) continue;
          runs++;
          if (skipReason) {
            append({ orderId, atMs: nowMs, kind: 'run', runId, title: `Flow "${flow.name}" not run: ${skipReason}`, detail: { status: 'skipped', reason: skipReason } });
          } else {
            queue.enqueue(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` });
          }
        }
      }
      const outcome = [
        stale ? `stale: order ${incoming.number} not overwritten` : `${existing ? 'updated' : 'created'} order ${incoming.number}`,
        events.length > 0 ? `events ${events.join(', ')}` : 'no event',
        `${runs} run${runs === 1 ? '' : 's'}`,
      ].join('; ');
      repos.inbox.setProcessing(inboxId, 'processed', outcome, orderId);
      queue.complete(job.id);
      changedOrder = orderId;
    });

    for (const e of emitted) bus.emit('timeline.appended', e);
    const summary = repos.inbox.summary(inboxId);
    if (summary) bus.emit('delivery.received', summary);
    if (changedOrder) {
      const order: OrderSummaryDto | undefined = repos.orders.summary(changedOrder);
      if (order) bus.emit('order.changed', order);
    }
  };
}
