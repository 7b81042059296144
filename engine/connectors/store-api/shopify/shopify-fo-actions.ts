import { foActionWords, type FoAction, type FoActionKind, type WriteRequestOf } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import { forOrder, readFoNode, readOrderFoNodes, type ShopifyFoNode } from './shopify-fulfillment-orders.ts';
import { SMALL_READ_COST, shopifyGraphql, type ShopifySession } from './shopify-graphql.ts';
import { foName, foStateWords, holdHandle, sendFoMutation, words } from './shopify-fo-mutations.ts';
import { hasTracking, readOrder } from './shopify-order.ts';

/**
 * The merchant's actions on one fulfillment order (issue 14) as Shopify's mutations
 * (reference/platform-apis.md §1.5). Every write reads the FO first and sends nothing when
 * Shopify's own `supportedActions` does not list the action (§1.8: Shopify's word is the
 * authority); after it, the order's FOs are read again, since an action may split, replace or
 * move them.
 */
export type FoRequest = WriteRequestOf<'fulfillment_order.act'>;


/**
 * The `supportedActions` entry each merchant action needs (§1.8). Rescheduling has none (it
 * needs a scheduled FO); reverting acts on a fulfillment, not on the FO.
 */
const needs: Partial<Record<FoActionKind, string>> = {
  request_fulfillment: 'REQUEST_FULFILLMENT',
  cancel_request: 'CANCEL_FULFILLMENT_ORDER',
  request_cancellation: 'REQUEST_CANCELLATION',
  move: 'MOVE',
  hold: 'HOLD',
  release_hold: 'RELEASE_HOLD',
  open_scheduled: 'MARK_AS_OPEN',
  fulfil: 'CREATE_FULFILLMENT',
};

/** The service's own steps: Flowdesk acts for the merchant, and these reach it through the service's webhooks. */
const serviceKinds: ReadonlySet<FoActionKind> = new Set(['accept_request', 'reject_request', 'accept_cancellation', 'reject_cancellation', 'close_incomplete']);
const isServiceStep = (fo: FoAction): boolean => serviceKinds.has(fo.kind) || (fo.kind === 'fulfil' && fo.by === 'service');

/** Refuses, before anything is sent, what Flowdesk must not or Shopify will not do now. */
function refusal(n: ShopifyFoNode | null, fo: FoAction, foId: string, target: WriteTarget): StoreApiError | null {
  const what = `${foActionWords[fo.kind]} on fulfillment order ${foName(foId)} of order ${target.orderNumber}`;
  if (isServiceStep(fo)) {
    return new StoreApiError('final', `cannot ${what}: only the fulfillment service can do that (Shopify tells Flowdesk when it does)`);
  }
  if (!n) return new StoreApiError('final', `cannot ${what}: Shopify has no such fulfillment order (it may have been replaced or the order deleted)`);
  if (n.order && n.order.legacyResourceId !== target.platformOrderId) {
    return new StoreApiError('final', `cannot ${what}: Shopify says it belongs to another order (${n.order.legacyResourceId})`);
  }
  const need = needs[fo.kind];
  const allowed = n.supportedActions.map((a) => a.action);
  if (need && !allowed.includes(need)) {
    const now = allowed.length > 0 ? `; it allows now: ${allowed.map(words).join(', ')}` : '; it allows nothing now';
    return new StoreApiError('final', `cannot ${what}: it is ${foStateWords(n)} on Shopify, which does not allow that${now}`);
  }
  if (fo.kind === 'reschedule' && n.status !== 'SCHEDULED') {
    return new StoreApiError('final', `cannot ${what}: it is ${foStateWords(n)} on Shopify, and only a scheduled fulfillment order can be rescheduled`);
  }
  return null;
}

/** The order's FOs after the action; a failed read does not undo a done action, so it is left out (the webhooks and the next read tell). */
async function fresh(s: ShopifySession, target: WriteTarget): Promise<WriteAnswer['fulfillmentOrders']> {
  try {
    return await forOrder(s, target.platformOrderId);
  } catch {
    return undefined;
  }
}

export async function shopifyFoWrite(s: ShopifySession, req: FoRequest, target: WriteTarget): Promise<WriteAnswer> {
  const { fo } = req;
  // The service's steps are refused before anything is read.
  if (isServiceStep(fo)) throw refusal(null, fo, req.foId, target)!;
  const node = await readFoNode(s, req.foId);
  // A hold this step already placed (its answer lost): said done, nothing sent again.
  if (fo.kind === 'hold' && node?.fulfillmentHolds.some((h) => h.handle === holdHandle(target.key))) {
    return { answer: `fulfillment order ${foName(req.foId)} of order ${target.orderNumber} was already on hold on Shopify from this step`, fulfillmentOrders: await fresh(s, target) };
  }
  const refused = refusal(node, fo, req.foId, target);
  if (refused) throw refused;
  const answer = await sendFoMutation(s, req, node!, target);
  return { answer, fulfillmentOrders: await fresh(s, target) };
}

const done = (answer: string): CheckAnswer => ({ applied: true, answer });
const notYet: CheckAnswer = { applied: false };

async function fulfillmentCancelled(s: ShopifySession, id: string): Promise<boolean> {
  const data = await shopifyGraphql(s, {
    query: 'query FlowdeskFulfillment($id: ID!) { fulfillment(id: $id) { id status } }',
    variables: { id },
    changes: false,
    cost: SMALL_READ_COST,
    scope: 'read_orders',
    what: `read fulfillment ${id}`,
  });
  return (data['fulfillment'] as { status: string } | null)?.status === 'CANCELLED';
}

/**
 * Whether the action already happened (a lost answer, a crash), from Shopify's state: the FO
 * reached the action's target state, the hold with this step's handle is there, the tracking
 * number is among the order's fulfillments.
 */
export async function shopifyFoCheck(s: ShopifySession, req: FoRequest, target: WriteTarget): Promise<CheckAnswer> {
  const { fo, foId } = req;
  const about = `fulfillment order ${foName(foId)} of order ${target.orderNumber}`;
  if (fo.kind === 'revert_fulfillment') return (await fulfillmentCancelled(s, fo.fulfillmentId)) ? done(`fulfillment ${fo.fulfillmentId} of order ${target.orderNumber} is already reverted on Shopify`) : notYet;
  if (fo.kind === 'fulfil' && fo.trackingNumber) {
    return hasTracking(await readOrder(s, target), fo.trackingNumber) ? done(`order ${target.orderNumber} has a shipment with tracking number ${fo.trackingNumber} on Shopify`) : notYet;
  }
  const n = await readFoNode(s, foId);
  if (!n) return notYet;
  const is = (...statuses: string[]) => statuses.includes(n.status);
  const request = (...statuses: string[]) => statuses.includes(n.requestStatus);
  switch (fo.kind) {
    case 'request_fulfillment':
      return request('SUBMITTED', 'ACCEPTED') ? done(`the fulfillment request for ${about} is already ${words(n.requestStatus)} on Shopify`) : notYet;
    case 'cancel_request':
      return is('CLOSED', 'CANCELLED') ? done(`the fulfillment request for ${about} is already cancelled on Shopify`) : notYet;
    case 'request_cancellation':
      return request('CANCELLATION_REQUESTED', 'CANCELLATION_ACCEPTED', 'CANCELLATION_REJECTED') ? done(`cancellation of ${about} was already requested on Shopify (${words(n.requestStatus)})`) : notYet;
    case 'move': {
      if (n.assignedLocation?.location?.id === fo.locationId) return done(`${about} is already at location ${fo.locationId} on Shopify`);
      // A move of an FO with shipped lines closes it and recreates the rest at the destination.
      const moved = is('CLOSED') && (await readOrderFoNodes(s, target.platformOrderId)).some((x) => x.id !== n.id && x.assignedLocation?.location?.id === fo.locationId);
      return moved ? done(`the rest of ${about} is already at location ${fo.locationId} on Shopify`) : notYet;
    }
    case 'hold':
      return n.fulfillmentHolds.some((h) => h.handle === holdHandle(target.key)) ? done(`${about} is already on hold from this step on Shopify`) : notYet;
    case 'release_hold':
      return is('ON_HOLD') ? notYet : done(`${about} is no longer on hold on Shopify (${foStateWords(n)})`);
    case 'open_scheduled':
      return is('SCHEDULED') ? notYet : done(`${about} is already open on Shopify (${foStateWords(n)})`);
    case 'reschedule':
      return n.fulfillAt && Date.parse(n.fulfillAt) === Date.parse(fo.fulfillAt) ? done(`${about} is already scheduled for ${fo.fulfillAt} on Shopify`) : notYet;
    case 'fulfil':
      // Without a tracking number only a whole-FO fulfilment can be told apart: nothing left to ship.
      return !fo.lines?.length && is('CLOSED') ? done(`Shopify has nothing left to fulfil on ${about}`) : notYet;
    default:
      throw refusal(null, fo, foId, target)!;
  }
}
