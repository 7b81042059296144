/**
 * Fulfillment orders (issue 14, seed 003, reference/platform-webhooks.md §1.8): the part of an
 * order shipped from one location, by the merchant or by a fulfillment service (3PL), and the
 * state machine of Shopify's `status` × `request_status`. Pure: an action on a set of an order's
 * FOs answers the new set, or a refusal that names the state and the action and changes nothing
 * (the input is never mutated).
 */

import { refusalText } from './fulfillment-refusals.ts';
import { foActionWords, type FoRefusal, type FoRefusalCode, type FoAction, type FoActionKind, type FoFulfillment, type FoLine, type FoRequestStatus, type FoStep, type FulfillmentOrder, type merchantFoActions } from '../contract/index.ts';

export type { FoAction, FoActionKind, FoFulfillment, FoLine, FoRequestStatus, FoStatus, FulfillmentOrder } from '../contract/index.ts';

export type FoResult =
  | { ok: true; fos: FulfillmentOrder[]; changed: string[]; created: string[]; warning: string | null }
  | { ok: false; reason: string; refusal: FoRefusal };


/** Request statuses with a request a service is working on: the merchant must not move or fulfil around it. */
const activeRequest: ReadonlySet<FoRequestStatus> = new Set(['submitted', 'accepted', 'cancellation_requested', 'cancellation_rejected']);
/** From these a request may be sent (again): none yet, or the last one is over. */
const requestable: ReadonlySet<FoRequestStatus> = new Set(['unsubmitted', 'rejected', 'closed', 'cancellation_accepted']);

export const remaining = (fo: FulfillmentOrder): number => fo.lines.reduce((n, l) => n + l.quantity - l.fulfilled, 0);
const isDone = (fo: FulfillmentOrder) => fo.status === 'closed' || fo.status === 'cancelled';

/** An FO at another location: whose workflow that is, the platform's next read says (the connection's option names the services). */
function withoutWorkflow(fo: FulfillmentOrder): FulfillmentOrder {
  const { workflow: _workflow, ...rest } = fo;
  return rest;
}

/** A service on the legacy workflow (seed 003): it takes requests, never a cancellation from the app. */
const legacy = (fo: FulfillmentOrder) => fo.managedBy === 'service' && fo.workflow === 'legacy';
const legacyWhy = (fo: FulfillmentOrder): FoRefusalCode =>
  fo.requestStatus === 'unsubmitted' || fo.requestStatus === 'rejected' || fo.requestStatus === 'closed' ? 'legacy_before_request' : 'legacy_after_request';


function stateWords(fo: FulfillmentOrder): string {
  return `its status is ${fo.status.replace('_', ' ')}${fo.requestStatus !== 'unsubmitted' ? ` and its request ${fo.requestStatus.replace('_', ' ')}` : ''}`;
}

const refuse = (fo: FulfillmentOrder, action: FoAction, code: FoRefusalCode, args: Record<string, string> = {}): FoResult => ({
  ok: false,
  reason: `cannot ${foActionWords[action.kind]} on fulfillment order ${fo.id}: ${stateWords(fo)}; ${refusalText[code](args)}`,
  refusal: { code, args },
});

/** The lines an action names, checked against what is left to ship; all the remaining lines when none are named. */
function pick(fo: FulfillmentOrder, wanted: { lineId: string; quantity: number }[] | undefined): Map<string, number> | FoRefusal {
  const out = new Map<string, number>();
  if (!wanted || wanted.length === 0) {
    for (const l of fo.lines) if (l.quantity > l.fulfilled) out.set(l.id, l.quantity - l.fulfilled);
    return out.size > 0 ? out : { code: 'nothing_left', args: {} };
  }
  for (const w of wanted) {
    const line = fo.lines.find((l) => l.id === w.lineId);
    if (!line) return { code: 'no_line', args: { line: w.lineId } };
    const left = line.quantity - line.fulfilled - (out.get(w.lineId) ?? 0);
    if (!Number.isInteger(w.quantity) || w.quantity < 1) return { code: 'bad_quantity', args: { quantity: String(w.quantity) } };
    if (w.quantity > left) return { code: 'too_many', args: { line: w.lineId, left: String(left), quantity: String(w.quantity) } };
    out.set(w.lineId, (out.get(w.lineId) ?? 0) + w.quantity);
  }
  return out;
}

/** Splits an FO's unfulfilled remainder off: the lines `taken` stay, the rest goes to a new FO. */
function splitOff(fo: FulfillmentOrder, taken: Map<string, number>, newId: string): { kept: FulfillmentOrder; rest: FulfillmentOrder | null } {
  const restLines: FoLine[] = [];
  const keptLines: FoLine[] = fo.lines.map((l) => {
    const left = l.quantity - l.fulfilled;
    const take = taken.get(l.id) ?? 0;
    if (left - take > 0) restLines.push({ id: l.id, quantity: left - take, fulfilled: 0 });
    return { ...l, quantity: l.fulfilled + take };
  });
  const kept = { ...fo, lines: keptLines.filter((l) => l.quantity > 0) };
  const rest = restLines.length > 0 ? { ...fo, id: newId, status: 'open' as const, requestStatus: 'unsubmitted' as const, lines: restLines, holds: [], fulfillments: [], message: null } : null;
  return { kept, rest };
}

/**
 * The work an FO had not shipped, handed to a new open, unsubmitted FO (Shopify's replacement
 * FO): the original keeps only what it shipped (closed), or nothing (cancelled).
 */
function handOver(fo: FulfillmentOrder, newId: string): { original: FulfillmentOrder; replacement: FulfillmentOrder | null } {
  const lines = fo.lines.filter((l) => l.quantity > l.fulfilled).map((l) => ({ id: l.id, quantity: l.quantity - l.fulfilled, fulfilled: 0 }));
  const kept = fo.lines.map((l) => ({ ...l, quantity: l.fulfilled })).filter((l) => l.quantity > 0);
  return {
    original: { ...fo, lines: kept, status: kept.length > 0 ? 'closed' : 'cancelled', holds: [] },
    replacement: lines.length > 0 ? { ...fo, id: newId, status: 'open', requestStatus: 'unsubmitted', lines, holds: [], fulfillments: [], message: null } : null,
  };
}

/** The FO with what is left of it, after shipping `taken`: closed when nothing is left. */
function shipped(fo: FulfillmentOrder, taken: Map<string, number>, f: FoFulfillment): FulfillmentOrder {
  const lines = fo.lines.map((l) => ({ ...l, fulfilled: l.fulfilled + (taken.get(l.id) ?? 0) }));
  const next = { ...fo, lines, fulfillments: [...fo.fulfillments, f] };
  return { ...next, status: remaining(next) === 0 ? 'closed' : 'in_progress' };
}

/**
 * Applies one action to one of an order's FOs. `newId` names any FO the action creates (a
 * partial request's remainder, a replacement, a partial move) and any fulfillment it records.
 */
export function applyFoAction(fos: readonly FulfillmentOrder[], foId: string, action: FoAction, newId: () => string): FoResult {
  const fo = fos.find((f) => f.id === foId);
  if (!fo) return { ok: false, reason: `cannot ${foActionWords[action.kind]}: ${refusalText.no_such_fo({ fo: foId })}`, refusal: { code: 'no_such_fo', args: { fo: foId } } };
  const done = (next: FulfillmentOrder, created: FulfillmentOrder[] = [], warning: string | null = null): FoResult => ({
    ok: true,
    fos: [...fos.map((f) => (f.id === foId ? next : f)), ...created],
    changed: [foId],
    created: created.map((c) => c.id),
    warning,
  });
  const service = fo.managedBy === 'service';
  switch (action.kind) {
    case 'request_fulfillment': {
      if (!service) return refuse(fo, action, 'not_a_service');
      // An incomplete FO (the service gave up) is the merchant's again: it may be requested again.
      if ((fo.status !== 'open' && fo.status !== 'incomplete') || !requestable.has(fo.requestStatus)) return refuse(fo, action, 'request_not_possible');
      const taken = pick(fo, action.lines);
      if (!(taken instanceof Map)) return refuse(fo, action, taken.code, taken.args);
      const { kept, rest } = splitOff(fo, taken, newId());
      return done({ ...kept, status: 'open', requestStatus: 'submitted', message: action.message ?? null }, rest ? [rest] : []);
    }
    case 'accept_request':
      if (fo.status !== 'open' || fo.requestStatus !== 'submitted') return refuse(fo, action, 'not_submitted');
      return done({ ...fo, status: 'in_progress', requestStatus: 'accepted', message: action.message ?? null });
    case 'reject_request':
      if (fo.status !== 'open' || fo.requestStatus !== 'submitted') return refuse(fo, action, 'not_submitted');
      return done({ ...fo, status: 'open', requestStatus: 'rejected', message: action.message ?? null });
    case 'cancel_request': {
      if (isDone(fo)) return refuse(fo, action, 'finished');
      if (legacy(fo)) return refuse(fo, action, legacyWhy(fo));
      // A request the service has not accepted, or whose cancellation it has been asked for and
      // not yet answered, can be withdrawn at once (§1.8: fulfillmentOrderCancel from SUBMITTED
      // or CANCELLATION_REQUESTED).
      if (fo.requestStatus !== 'submitted' && fo.requestStatus !== 'cancellation_requested') {
        return refuse(fo, action, fo.requestStatus === 'accepted' ? 'accepted_request_cancellation' : 'no_request_waiting');
      }
      const { original, replacement } = handOver(fo, newId());
      return done({ ...original, requestStatus: 'closed' }, replacement ? [replacement] : []);
    }
    case 'request_cancellation':
      if (legacy(fo)) return refuse(fo, action, legacyWhy(fo));
      if (fo.status !== 'in_progress' || fo.requestStatus !== 'accepted') {
        return refuse(fo, action, fo.requestStatus === 'submitted' ? 'not_accepted_yet' : 'only_accepted_cancellable');
      }
      // The note goes to the service, never to the customer.
      return done({ ...fo, requestStatus: 'cancellation_requested', message: action.note ?? null });
    case 'accept_cancellation': {
      if (fo.status !== 'in_progress' || fo.requestStatus !== 'cancellation_requested') return refuse(fo, action, 'no_cancellation_requested');
      const { original, replacement } = handOver(fo, newId());
      return done({ ...original, requestStatus: 'cancellation_accepted', message: action.message ?? null }, replacement ? [replacement] : []);
    }
    case 'reject_cancellation':
      if (fo.status !== 'in_progress' || fo.requestStatus !== 'cancellation_requested') return refuse(fo, action, 'no_cancellation_requested');
      return done({ ...fo, requestStatus: 'cancellation_rejected', message: action.message ?? null });
    case 'close_incomplete':
      if (!service || fo.status !== 'in_progress' || fo.requestStatus !== 'accepted') return refuse(fo, action, 'close_incomplete_not_possible');
      return done({ ...fo, status: 'incomplete', requestStatus: 'closed', message: action.message ?? null });
    case 'move': {
      if (isDone(fo)) return refuse(fo, action, 'finished');
      if (activeRequest.has(fo.requestStatus)) return refuse(fo, action, 'service_has_request');
      if (fo.status === 'on_hold') return refuse(fo, action, 'release_hold_first');
      if (action.locationId === fo.locationId) return refuse(fo, action, 'already_there');
      if (remaining(fo) === 0) return refuse(fo, action, 'nothing_left');
      const shippedLines = fo.lines.some((l) => l.fulfilled > 0);
      const at = { locationId: action.locationId, locationName: action.locationName ?? null, managedBy: action.managedBy };
      if (!shippedLines) {
        return done({ ...withoutWorkflow(fo), ...at, requestStatus: 'unsubmitted', message: action.reason ?? null });
      }
      // Lines already shipped never move: the rest goes to a new FO at the destination, and this one closes.
      const { original, replacement } = handOver(fo, newId());
      return done(original, [{ ...withoutWorkflow(replacement!), ...at, message: action.reason ?? null }]);
    }
    case 'hold':
      // A held FO can take another hold (Shopify keeps one per reason and app; each is released with the FO).
      if ((fo.status !== 'open' && fo.status !== 'on_hold') || activeRequest.has(fo.requestStatus)) return refuse(fo, action, 'hold_not_possible');
      return done({ ...fo, status: 'on_hold', holds: [...fo.holds, { reason: action.reason, note: action.note ?? null }] });
    case 'release_hold':
      if (fo.status !== 'on_hold') return refuse(fo, action, 'not_on_hold');
      return done({ ...fo, status: fo.fulfillAt ? 'scheduled' : 'open', holds: [] });
    case 'reschedule':
      if (fo.status !== 'scheduled') return refuse(fo, action, 'not_scheduled');
      return done({ ...fo, fulfillAt: action.fulfillAt });
    case 'open_scheduled':
      if (fo.status !== 'scheduled') return refuse(fo, action, 'not_scheduled');
      return done({ ...fo, status: 'open', fulfillAt: null });
    case 'fulfil': {
      if (action.by === 'merchant') {
        if (fo.status !== 'open' && fo.status !== 'in_progress') return refuse(fo, action, 'fulfil_not_possible');
        // Marking as fulfilled sends nothing to the service: a request it is working on must be cancelled first (seed 003).
        if (activeRequest.has(fo.requestStatus)) return refuse(fo, action, 'cancel_request_first');
      } else if (!service || fo.status !== 'in_progress' || !['accepted', 'cancellation_requested', 'cancellation_rejected'].includes(fo.requestStatus)) {
        return refuse(fo, action, 'service_fulfils_accepted_only');
      }
      const taken = pick(fo, action.lines);
      if (!(taken instanceof Map)) return refuse(fo, action, taken.code, taken.args);
      const f: FoFulfillment = {
        id: newId(), lines: [...taken].map(([lineId, quantity]) => ({ lineId, quantity })), trackingNumber: action.trackingNumber ?? null, carrier: action.carrier ?? null, trackingUrl: action.trackingUrl ?? null, status: 'success', by: action.by,
      };
      return done(shipped(fo, taken, f));
    }
    case 'revert_fulfillment': {
      const f = fo.fulfillments.find((x) => x.id === action.fulfillmentId);
      if (!f) return refuse(fo, action, 'no_such_fulfillment', { fulfillment: action.fulfillmentId });
      if (f.status === 'cancelled') return refuse(fo, action, 'already_reverted');
      const lines = fo.lines.map((l) => ({ ...l, fulfilled: l.fulfilled - f.lines.filter((x) => x.lineId === l.id).reduce((n, x) => n + x.quantity, 0) }));
      const anyShipped = lines.some((l) => l.fulfilled > 0);
      const next: FulfillmentOrder = {
        ...fo,
        lines,
        fulfillments: fo.fulfillments.map((x) => (x.id === f.id ? { ...x, status: 'cancelled' } : x)),
        status: anyShipped ? 'in_progress' : 'open',
        // A service's request is over once it is reverted: the merchant takes the work back.
        requestStatus: fo.managedBy === 'service' ? 'closed' : fo.requestStatus,
      };
      return done(next, [], 'reverting does not stop the fulfillment service, and does not restock: check the inventory and tell the service if it should not ship');
    }
  }
}

/** The order's fulfillment status from its FOs: fulfilled only when every item of every FO still standing has shipped (seed 003). */
export function orderFulfillment(fos: readonly FulfillmentOrder[]): 'unfulfilled' | 'partial' | 'fulfilled' {
  const standing = fos.filter((f) => f.status !== 'cancelled');
  const ordered = standing.reduce((n, f) => n + f.lines.reduce((m, l) => m + l.quantity, 0), 0);
  const shippedQty = standing.reduce((n, f) => n + f.lines.reduce((m, l) => m + l.fulfilled, 0), 0);
  if (ordered === 0 || shippedQty === 0) return 'unfulfilled';
  return shippedQty >= ordered ? 'fulfilled' : 'partial';
}

/** How an order's FO reads in the product's words (seed 003): "Unfulfilled", "In progress — Requested"… */
export function foDisplay(fo: FulfillmentOrder): { state: 'unfulfilled' | 'in_progress' | 'on_hold' | 'scheduled' | 'fulfilled' | 'cancelled' | 'incomplete'; detail: FoRequestStatus | null } {
  if (fo.status === 'closed') return { state: 'fulfilled', detail: null };
  if (fo.status === 'cancelled') return { state: 'cancelled', detail: null };
  if (fo.status === 'incomplete') return { state: 'incomplete', detail: null };
  if (fo.status === 'on_hold') return { state: 'on_hold', detail: null };
  if (fo.status === 'scheduled') return { state: 'scheduled', detail: null };
  if (fo.requestStatus === 'submitted') return { state: 'in_progress', detail: 'submitted' };
  if (fo.status === 'in_progress') return { state: 'in_progress', detail: fo.requestStatus === 'unsubmitted' ? null : fo.requestStatus };
  return { state: 'unfulfilled', detail: fo.requestStatus === 'rejected' ? 'rejected' : null };
}

/** The timeline's step for an action taken on an FO (by the merchant, a flow, or the service). */
export const foStepOf: Record<FoActionKind, FoStep> = {
  request_fulfillment: 'request_submitted',
  accept_request: 'request_accepted',
  reject_request: 'request_rejected',
  cancel_request: 'request_cancelled',
  request_cancellation: 'cancellation_requested',
  accept_cancellation: 'cancellation_accepted',
  reject_cancellation: 'cancellation_rejected',
  close_incomplete: 'failed_to_complete',
  move: 'moved',
  hold: 'placed_on_hold',
  release_hold: 'hold_released',
  reschedule: 'rescheduled',
  open_scheduled: 'opened',
  fulfil: 'fulfilled',
  revert_fulfillment: 'reverted',
};

/**
 * The action as the state machine is asked whether it is allowed now, for those that need
 * arguments: a representative one (another location, a hold's reason, the last shipment).
 */
export function probeAction(fo: FulfillmentOrder, kind: (typeof merchantFoActions)[number]): FoAction {
  switch (kind) {
    case 'move':
      return { kind, locationId: `${fo.locationId}#elsewhere`, managedBy: 'merchant' };
    case 'hold':
      return { kind, reason: 'other' };
    case 'fulfil':
      return { kind, by: 'merchant' };
    case 'revert_fulfillment':
      return { kind, fulfillmentId: [...fo.fulfillments].reverse().find((f) => f.status === 'success')?.id ?? '' };
    default:
      return { kind } as FoAction;
  }
}
