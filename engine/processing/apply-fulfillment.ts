import { apiInUse, type CanonicalEvent, type FulfillmentOrder, type TimelineDataOf } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { FulfillmentDelivery } from '../platforms/adapter.ts';
import type { StoreApis } from '../connectors/store-api/store-apis.ts';
import type { RunStart } from '../nodes/node-type.ts';
import { RUN_JOB } from '../executor/sqlite-run-store.ts';
import { mergeFoDelivery, foState } from '../domain/fulfillment-webhooks.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import { runReasonFields } from '../contract/index.ts';
import { PermanentJobError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { ApplyContext } from './apply-order.ts';

/** A fulfillment delivery with its order found, and what the platform's API said (read before the transaction). */
export type PreparedFulfillment =
  | { kind: 'linked'; delivery: FulfillmentDelivery; orderId: string; fetched: Map<string, FulfillmentOrder> }
  | { kind: 'unlinked'; why: string };

const tail = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/**
 * Finds the order a fulfillment delivery is about, outside any transaction: by the FO Flowdesk
 * stored, by the order the payload names, or by reading the FO from the platform. Without API
 * access an unknown FO cannot be linked (said in words, nothing else changes). An order not
 * stored yet (deliveries arrive in any order) throws a plain error, so the job is retried.
 */
export async function prepareFulfillment(repos: Repositories, storeApis: StoreApis, connection: ConnectionRow, d: FulfillmentDelivery): Promise<PreparedFulfillment> {
  const fetched = new Map<string, FulfillmentOrder>();
  const api = apiInUse(connection.api) ? storeApis.client(connection).fulfillmentOrders : undefined;
  let orderId: string | null = null;
  let platformOrderId = d.platformOrderId;
  if (d.subject) orderId = repos.fulfillmentOrders.get(connection.id, d.subject.id)?.orderId ?? null;
  if (!orderId && !platformOrderId && d.subject) {
    if (!api) {
      return { kind: 'unlinked', why: `fulfillment order ${d.subject.id} cannot be linked to an order without API access: turn on API access for this connection so Flowdesk can read which order it belongs to` };
    }
    const read = await api.get(d.subject.id);
    if (!read) throw new PermanentJobError(`fulfillment order ${d.subject.id} does not exist on the platform`);
    platformOrderId = read.platformOrderId;
    fetched.set(read.fo.id, read.fo);
  }
  if (!orderId && platformOrderId) {
    orderId = repos.orders.getByPlatformId(connection.id, platformOrderId)?.id ?? null;
    if (!orderId) throw new Error(`order ${platformOrderId} is not stored yet (its order delivery has not arrived); trying again`);
  }
  if (!orderId) throw new PermanentJobError('the delivery names no fulfillment order and no order');
  // FOs the step made that Flowdesk does not know: read them whole when the API is there.
  if (api) {
    const unknown = d.created.filter((c) => !repos.fulfillmentOrders.get(connection.id, c.id));
    if (d.platformOrderId || unknown.length > 0) {
      const order = repos.orders.get(orderId);
      if (order) for (const fo of await api.forOrder(order.order.platformOrderId)) fetched.set(fo.id, fo);
    }
  }
  return { kind: 'linked', delivery: d, orderId, fetched };
}

/** A shipment's FO: the order's FO at the fulfillment's location still shipping, else its first one still shipping. */
function shipmentFo(fos: FulfillmentOrder[], fetched: Map<string, FulfillmentOrder>): FulfillmentOrder | null {
  const live = fos.filter((f) => f.status !== 'cancelled');
  const read = live.map((f) => fetched.get(f.id) ?? f);
  return read.find((f) => f.fulfillments.length > 0) ?? read[0] ?? null;
}

/**
 * Applies a linked fulfillment delivery inside the delivery's transaction: the FOs stored, one
 * `fulfillment` timeline entry for the step, and the canonical `fulfillment.*` event with a run
 * for each active flow it triggers. Answers the inbox outcome.
 */
export function applyFulfillment(c: ApplyContext, p: Extract<PreparedFulfillment, { kind: 'linked' }>): { orderId: string; outcome: string } {
  const { repos, connection, delivery, nowMs } = c;
  const { orderId, delivery: d, fetched } = p;
  const append = (data: TimelineDataOf<'fulfillment'> | Parameters<ApplyContext['timeline']['append']>[2], atMs = nowMs, runId: string | null = null) =>
    c.emitted.push(c.timeline.append(orderId, atMs, data, { inboxId: delivery.id, runId }));
  append({ kind: 'delivery', topic: delivery.topic, verdict: delivery.verdict, signature: delivery.reason, deliveryKey: delivery.deliveryKey, connectionName: connection.name }, Date.parse(delivery.receivedAt));
  const stored = repos.fulfillmentOrders.forOrder(orderId).map((s) => s.fo);
  const known = (id: string) => stored.find((f) => f.id === id) ?? null;

  let fo: FulfillmentOrder | null;
  let from: ReturnType<typeof foState> | null;
  let created: FulfillmentOrder[] = [];
  if (d.subject) {
    const merged = mergeFoDelivery(known(d.subject.id), d, known, fetched);
    if (!merged.applied) return { orderId, outcome: `nothing to apply: ${merged.why}` };
    ({ fo, from, created } = merged);
  } else {
    // A shipment (fulfillments/*) names its order: the FO is the platform's fresh copy, when read.
    const before = shipmentFo(stored, new Map());
    const after = shipmentFo(stored.length > 0 ? stored : [...fetched.values()], fetched);
    const s = d.shipment;
    const already = before?.fulfillments.find((f) => (s?.id && tail(f.id) === tail(s.id)) || (s?.trackingNumber && f.trackingNumber === s.trackingNumber));
    if (already && (d.step !== 'reverted' || already.status === 'cancelled')) return { orderId, outcome: `nothing to apply: shipment ${s?.trackingNumber ?? s?.id ?? ''} is already on the timeline` };
    if (d.step === 'progress_reported') return { orderId, outcome: `shipment ${s?.id ?? ''} updated (${s?.status ?? 'no status'}); nothing to record` };
    fo = after;
    from = before ? foState(before) : null;
    for (const f of fetched.values()) if (!known(f.id) && f.id !== fo?.id) created.push(f);
  }
  if (fo) repos.fulfillmentOrders.put(connection.id, orderId, fo, nowMs);
  for (const n of created) repos.fulfillmentOrders.put(connection.id, orderId, n, nowMs);
  // The rest of the order's FOs, as the platform now has them (a fulfillment's other FOs, a replacement's original).
  for (const f of fetched.values()) if (f.id !== fo?.id && !created.includes(f) && known(f.id)) repos.fulfillmentOrders.put(connection.id, orderId, f, nowMs);

  const s = d.shipment;
  append({
    kind: 'fulfillment', foId: fo?.id ?? s?.id ?? '', step: d.step, by: d.step === 'fulfilled' && fo?.managedBy === 'service' ? 'service' : d.by,
    from, to: fo ? foState(fo) : null, message: d.message, locationName: fo?.locationName ?? null, reason: d.reason,
    trackingNumber: s?.trackingNumber ?? null, carrier: s?.carrier ?? null, trackingUrl: s?.trackingUrl ?? null,
    ...(created.length > 0 ? { created: created.map((f) => f.id) } : {}),
  });

  const type = d.event;
  let runs = 0;
  const order = repos.orders.get(orderId);
  if (type && fo && order) {
    const now = new Date(nowMs).toISOString();
    const fulfillment = { step: d.step, fulfillmentOrder: fo, message: d.message, trackingNumber: s?.trackingNumber ?? null, carrier: s?.carrier ?? null, trackingUrl: s?.trackingUrl ?? null };
    const event: CanonicalEvent = { type, platform: connection.platform, connectionId: connection.id, occurredAt: now, order: order.order, previous: null, fulfillment };
    const eventId = repos.events.insert(delivery.id, orderId, event, now);
    const storePlatforms = repos.connections.platformsOf(connection.store);
    for (const flow of c.activeFlows.matching(type, connection.platform)) {
      const runId = newId('run');
      const unmet = unmetRequirements(flow.requirements, storePlatforms);
      const skip = unmet.length > 0 ? runReasonFields({ code: 'missing_connection', args: { store: connection.store, platforms: unmet.join(', ') } }) : null;
      const inserted = repos.runs.insert({ id: runId, flowId: flow.id, flowVersion: flow.version, eventId, eventType: type, inboxId: delivery.id, orderId, dryRun: c.dryRun ?? false, createdAt: now, skipReason: skip?.reason ?? null });
      if (!inserted) continue;
      runs++;
      if (skip) {
        append({ kind: 'run', status: 'skipped', flowId: flow.id, flowName: flow.name, flowVersion: flow.version, eventType: type, ...skip }, nowMs, runId);
        continue;
      }
      const start: RunStart = {
        runId, flowId: flow.id, flowName: flow.name, flowVersion: flow.version, document: flow.document, customerId: order.customerId, dryRun: c.dryRun ?? false,
        data: {
          // `event.fulfillment` for the flow's steps (which FO, the service's message).
          event: { type, platform: connection.platform, occurredAt: now, connectionId: connection.id, fulfillment } as RunStart['data']['event'],
          order: { ...order.order, id: orderId },
          previous: null,
        },
      };
      c.runJobs.push(c.queue.enqueueLeased(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` }, start));
    }
  }
  const state = fo ? `${fo.status} / ${fo.requestStatus}` : 'no fulfillment order';
  return { orderId, outcome: [`fulfillment ${d.step} on ${fo?.id ?? 'the order'} (${state})`, type && fo ? `event ${type}` : 'no event', `${runs} run${runs === 1 ? '' : 's'}`].join('; ') };
}
