import type { CanonicalEvent, InboxEntryDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { Normalized } from '../platforms/adapter.ts';
import type { Job, Queue } from '../queue/queue.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import { upsertCustomerFromOrder } from '../domain/customers.ts';
import { statusChanges, statusOf, versionMs } from '../domain/order-state.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import { newId } from '../shared/ids.ts';
import type { RunStart } from '../nodes/node-executor.ts';

export const RUN_JOB = 'run.execute';

export interface ApplyContext {
  repos: Repositories;
  queue: Queue;
  activeFlows: ActiveFlows;
  connection: ConnectionRow;
  delivery: Pick<InboxEntryDto, 'id' | 'topic' | 'reason' | 'verdict' | 'deliveryKey' | 'receivedAt'>;
  nowMs: number;
  /** Timeline entries written, to announce once the transaction commits. */
  emitted: TimelineEntryDto[];
  /** Run jobs created already leased, for this worker to run right after the commit. */
  runJobs: Job[];
}

/**
 * Applies one normalized order from a delivery: the canonical order (last write wins on the
 * platform's updated_at), the customer, the timeline, the canonical events, and a queued run
 * for each active flow they trigger. Call inside the delivery's transaction.
 */
export function applyOrder(c: ApplyContext, normalized: Normalized): { orderId: string; outcome: string } {
  const { repos, connection, delivery, nowMs } = c;
  const now = new Date(nowMs).toISOString();
  const inboxId = delivery.id;
  const incoming = normalized.order;
  const existing = repos.orders.getByPlatformId(connection.id, incoming.platformOrderId);
  const incomingMs = versionMs(incoming.updatedAt);
  const stale = existing !== undefined && incomingMs < existing.platformUpdatedMs;
  const orderId = existing?.id ?? newId('ord');
  const append = (e: Parameters<typeof repos.timeline.append>[0]) => c.emitted.push(repos.timeline.append(e));

  let customerId = existing?.customerId ?? null;
  let customerChange: 'created' | 'updated' | 'unchanged' | null = null;
  if (!stale) {
    const customer = upsertCustomerFromOrder(repos.customers, incoming, now);
    customerId = customer?.customer.id ?? customerId;
    customerChange = customer?.change ?? null;
    repos.orders.save(orderId, connection.id, incoming, customerId, incomingMs, now);
  }
  append({
    orderId, atMs: Date.parse(delivery.receivedAt), kind: 'delivery', inboxId,
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
    for (const flow of c.activeFlows.matching(type, connection.platform)) {
      const runId = newId('run');
      const unmet = unmetRequirements(flow.requirements, storePlatforms);
      const skipReason = unmet.length > 0 ? `store "${connection.store}" has no ${unmet.join(', no ')} connection, which this flow uses` : null;
      const created = repos.runs.insert({ id: runId, flowId: flow.id, flowVersion: flow.version, eventId, eventType: type, inboxId, orderId, dryRun: false, createdAt: now, skipReason });
      if (!created) continue;
      runs++;
      if (skipReason) {
        append({ orderId, atMs: nowMs, kind: 'run', runId, title: `Flow "${flow.name}" not run: ${skipReason}`, detail: { status: 'skipped', reason: skipReason } });
      } else {
        const start: RunStart = {
          runId, flowId: flow.id, flowName: flow.name, flowVersion: flow.version, document: flow.document, customerId,
          data: { event: { type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId }, order: { ...current, id: orderId }, previous: event.previous },
        };
        c.runJobs.push(c.queue.enqueueLeased(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` }, start));
      }
    }
  }
  const outcome = [
    stale ? `stale: order ${incoming.number} not overwritten` : `${existing ? 'updated' : 'created'} order ${incoming.number}`,
    events.length > 0 ? `events ${events.join(', ')}` : 'no event',
    `${runs} run${runs === 1 ? '' : 's'}`,
  ].join('; ');
  return { orderId, outcome };
}
