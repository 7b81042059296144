import type { FoAction, FulfillmentOrder, TimelineEntryDto, WriteRequestOf } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import { applyFoAction, foStepOf } from '../domain/fulfillment-orders.ts';
import { foState } from '../domain/fulfillment-webhooks.ts';
import { newId } from '../shared/ids.ts';

/** An FO action the platform has done (the merchant's from the order page, or a flow's step). */
export interface DoneFoAction {
  connectionId: string;
  orderId: string;
  foId: string;
  action: FoAction;
  /** The FOs as the platform answered after the action; absent: Flowdesk's own state machine says. */
  answered?: FulfillmentOrder[] | undefined;
  by: 'merchant' | 'flow';
  flowName: string | null;
  runId: string | null;
  atMs: number;
}

const wordsOf = (a: FoAction): { message: string | null; reason: string | null } => {
  switch (a.kind) {
    case 'request_fulfillment':
      return { message: a.message ?? null, reason: null };
    case 'request_cancellation':
      return { message: a.note ?? null, reason: null };
    case 'move':
      return { message: null, reason: a.reason ?? null };
    case 'hold':
      return { message: a.note ?? null, reason: a.reason };
    default:
      return { message: null, reason: null };
  }
};

/**
 * Stores the FOs an action left and puts its step on the order's timeline; call inside a
 * transaction, after the platform did it. The platform's answer is what is stored; when it
 * gave none, the local state machine's result (the action was checked against it first).
 */
export function recordFoAction(repos: Repositories, timeline: Timeline, a: DoneFoAction): TimelineEntryDto[] {
  const before = repos.fulfillmentOrders.forOrder(a.orderId).map((s) => s.fo);
  const local = applyFoAction(before, a.foId, a.action, () => newId('fo'));
  const after = a.answered && a.answered.length > 0 ? a.answered : local.ok ? local.fos : before;
  for (const fo of after) repos.fulfillmentOrders.put(a.connectionId, a.orderId, fo, a.atMs);
  const was = before.find((f) => f.id === a.foId);
  const now = after.find((f) => f.id === a.foId);
  const created = after.filter((f) => !before.some((b) => b.id === f.id)).map((f) => f.id);
  const { message, reason } = wordsOf(a.action);
  const fulfil = a.action.kind === 'fulfil' ? a.action : null;
  return [timeline.append(a.orderId, a.atMs, {
    kind: 'fulfillment', foId: a.foId, step: foStepOf[a.action.kind], by: a.by,
    from: was ? foState(was) : null, to: now ? foState(now) : null, message, reason,
    locationName: now?.locationName ?? null,
    trackingNumber: fulfil?.trackingNumber ?? null, carrier: fulfil?.carrier ?? null, trackingUrl: fulfil?.trackingUrl ?? null,
    warning: local.ok ? local.warning : null,
    ...(created.length > 0 ? { created } : {}),
    flowName: a.flowName,
  }, { runId: a.runId })];
}

/** The request a flow's FO step sends, when it is one. */
export function foRequestOf(request: { action: string }): WriteRequestOf<'fulfillment_order.act'> | null {
  return request.action === 'fulfillment_order.act' ? (request as WriteRequestOf<'fulfillment_order.act'>) : null;
}

/**
 * The write-back handler's hook for a flow's FO step (`onFulfillment` of
 * writeBackIntentHandlers): after the platform did it, the stored FOs and the order's
 * timeline say so, as for the merchant's own action, with the flow's name.
 */
export function recordFlowFoWrite(repos: Repositories, timeline: Timeline) {
  return (
    intent: { orderId: string; connectionId: string; request: { action: string } },
    result: { written: boolean; fulfillmentOrders?: FulfillmentOrder[] | undefined } | undefined,
    ctx: { runId: string | null; flowName: string | null; atMs: number },
  ): TimelineEntryDto[] => {
    const request = foRequestOf(intent.request);
    if (!request || !result?.written) return [];
    return recordFoAction(repos, timeline, {
      connectionId: intent.connectionId, orderId: intent.orderId, foId: request.foId, action: request.fo, answered: result.fulfillmentOrders,
      by: 'flow', flowName: ctx.flowName, runId: ctx.runId, atMs: ctx.atMs,
    });
  };
}

/** The order's stored FOs on which the action is allowed now: what a flow's FO step acts on when its trigger names no FO. */
export function allowedFoIds(repos: Repositories, orderId: string, action: FoAction): string[] {
  const fos = repos.fulfillmentOrders.forOrder(orderId).map((s) => s.fo);
  return fos.filter((fo) => applyFoAction(fos, fo.id, action, () => 'probe').ok).map((fo) => fo.id);
}
