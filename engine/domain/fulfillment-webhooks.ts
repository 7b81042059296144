/**
 * A platform's fulfillment webhook merged into the FOs Flowdesk stored (issue 14). Pure: the
 * webhook carries part of an FO (its status, request status, sometimes its location or holds);
 * what it leaves out stays as stored. Deliveries arrive out of order and more than once, so a
 * step that would move an FO backwards, or leaves it as it is, is not applied (and goes on the
 * timeline only once, the first time).
 */

import type { FoRequestStatus, FoState, FulfillmentOrder } from '../contract/index.ts';
import type { FoMention, FulfillmentDelivery } from '../platforms/adapter.ts';

/** How far a request has gone in one round (request → answer → cancellation → its answer). */
const requestRank: Record<FoRequestStatus, number> = {
  unsubmitted: 0,
  submitted: 1,
  accepted: 2,
  rejected: 2,
  cancellation_requested: 3,
  cancellation_accepted: 4,
  cancellation_rejected: 4,
  closed: 5,
};
/** A round is over: a new request starts the next one (so `submitted` after these is not a step back). */
const roundOver: ReadonlySet<FoRequestStatus> = new Set(['unsubmitted', 'rejected', 'closed', 'cancellation_accepted']);
const finished = (s: FulfillmentOrder['status']) => s === 'closed' || s === 'cancelled';

export const foState = (fo: FulfillmentOrder): FoState => ({ status: fo.status, requestStatus: fo.requestStatus });

/** An FO known only from a webhook: what it says, the rest empty until the platform's API is read. */
export function foFromMention(m: FoMention, managedBy: FulfillmentOrder['managedBy'] = 'merchant'): FulfillmentOrder {
  const requestStatus = m.requestStatus ?? 'unsubmitted';
  return {
    id: m.id,
    locationId: m.locationId ?? '',
    managedBy: requestStatus !== 'unsubmitted' ? 'service' : managedBy,
    status: m.status ?? 'open',
    requestStatus,
    lines: m.lines ?? [],
    holds: m.holds ?? [],
    fulfillAt: m.fulfillAt ?? null,
    fulfillments: [],
    message: null,
  };
}

/** Whether `next` is `stored` moved backwards: a late copy of an earlier step. */
export function isStepBack(stored: FulfillmentOrder, next: FulfillmentOrder): boolean {
  if (finished(stored.status) && !finished(next.status)) return true;
  if (next.requestStatus === stored.requestStatus) return false;
  if (next.requestStatus === 'submitted' && roundOver.has(stored.requestStatus)) return false;
  return requestRank[next.requestStatus] < requestRank[stored.requestStatus];
}

/** Whether a step leaves the FO as it was (a repeated delivery, or the echo of Flowdesk's own action). */
export function sameState(a: FulfillmentOrder, b: FulfillmentOrder): boolean {
  return a.status === b.status && a.requestStatus === b.requestStatus && a.locationId === b.locationId && a.fulfillAt === b.fulfillAt && a.holds.length === b.holds.length;
}

export type FoMergeResult =
  | { applied: true; fo: FulfillmentOrder; from: FoState | null; created: FulfillmentOrder[] }
  | { applied: false; why: string };

/**
 * The FO a webhook's step leaves: the stored one (or one from the payload, or read from the
 * platform: `fetched`) with the webhook's words over it; the FOs it made, when new to Flowdesk.
 */
export function mergeFoDelivery(
  stored: FulfillmentOrder | null,
  d: FulfillmentDelivery,
  known: (id: string) => FulfillmentOrder | null,
  fetched: ReadonlyMap<string, FulfillmentOrder> = new Map(),
): FoMergeResult {
  const m = d.subject;
  if (!m) return { applied: false, why: 'the delivery names no fulfillment order' };
  const base = stored ?? fetched.get(m.id) ?? foFromMention(m, d.by === 'service' ? 'service' : 'merchant');
  const status = m.status ?? base.status;
  const next: FulfillmentOrder = {
    ...base,
    status,
    requestStatus: m.requestStatus ?? base.requestStatus,
    locationId: m.locationId ?? base.locationId,
    fulfillAt: m.fulfillAt !== undefined ? m.fulfillAt : base.fulfillAt,
    // A released hold is gone, whether or not the payload still lists it (§1.5: holds are deleted on release).
    holds: status === 'on_hold' ? (m.holds ?? base.holds) : [],
    lines: m.lines ?? base.lines,
    message: d.message ?? base.message,
  };
  if (next.requestStatus !== 'unsubmitted') next.managedBy = 'service';
  if (stored && isStepBack(stored, next)) {
    return { applied: false, why: `an older step: fulfillment order ${m.id} is already ${stored.status.replace('_', ' ')} / ${stored.requestStatus.replace('_', ' ')}` };
  }
  const created = d.created.filter((c) => !known(c.id)).map((c) => fetched.get(c.id) ?? { ...foFromMention(c, next.managedBy), lines: c.lines ?? [] });
  if (stored && sameState(stored, next) && created.length === 0) {
    return { applied: false, why: `fulfillment order ${m.id} is already ${stored.status.replace('_', ' ')} / ${stored.requestStatus.replace('_', ' ')}` };
  }
  return { applied: true, fo: next, from: stored ? foState(stored) : null, created };
}
