import { createHash } from 'node:crypto';
import type { WriteRequestOf } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { WriteTarget } from '../store-client.ts';
import type { ShopifyFoNode } from './shopify-fulfillment-orders.ts';
import { MUTATION_COST, shopifyGraphql, userErrorsFailure, type ShopifySession, type UserError } from './shopify-graphql.ts';

/**
 * One fulfillment-order action as its Shopify mutation (reference/platform-apis.md §1.5,
 * platform-webhooks.md §1.8), sent after shopify-fo-actions.ts has read the FO and found the
 * action allowed. Each answers a sentence for the order's timeline; `userErrors` are final, in
 * Shopify's own words, except a duplicate hold handle, which means this step's hold is there.
 */
const FO_STATE = 'id status requestStatus';
const ERRORS = 'userErrors { field message }';

const SUBMIT_REQUEST = `mutation FlowdeskFoRequest($id: ID!, $message: String, $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: $message, fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {
    originalFulfillmentOrder { ${FO_STATE} } submittedFulfillmentOrder { ${FO_STATE} } unsubmittedFulfillmentOrder { ${FO_STATE} } ${ERRORS}
  }
}`;
const CANCEL = `mutation FlowdeskFoCancel($id: ID!) {
  fulfillmentOrderCancel(id: $id) { fulfillmentOrder { ${FO_STATE} } replacementFulfillmentOrder { ${FO_STATE} } ${ERRORS} }
}`;
const SUBMIT_CANCELLATION = `mutation FlowdeskFoCancellationRequest($id: ID!, $message: String) {
  fulfillmentOrderSubmitCancellationRequest(id: $id, message: $message) { fulfillmentOrder { ${FO_STATE} } ${ERRORS} }
}`;
const MOVE = `mutation FlowdeskFoMove($id: ID!, $newLocationId: ID!) {
  fulfillmentOrderMove(id: $id, newLocationId: $newLocationId) { movedFulfillmentOrder { ${FO_STATE} } originalFulfillmentOrder { ${FO_STATE} } ${ERRORS} }
}`;
const HOLD = `mutation FlowdeskFoHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) { fulfillmentOrder { ${FO_STATE} } userErrors { field message code } }
}`;
const RELEASE = `mutation FlowdeskFoRelease($id: ID!) {
  fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { ${FO_STATE} } ${ERRORS} }
}`;
const OPEN = `mutation FlowdeskFoOpen($id: ID!) {
  fulfillmentOrderOpen(id: $id) { fulfillmentOrder { ${FO_STATE} } ${ERRORS} }
}`;
const RESCHEDULE = `mutation FlowdeskFoReschedule($id: ID!, $fulfillAt: DateTime!) {
  fulfillmentOrderReschedule(id: $id, fulfillAt: $fulfillAt) { fulfillmentOrder { ${FO_STATE} fulfillAt } ${ERRORS} }
}`;
const FULFIL = `mutation FlowdeskFoFulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } ${ERRORS} }
}`;
const REVERT = `mutation FlowdeskFulfillmentCancel($id: ID!) {
  fulfillmentCancel(id: $id) { fulfillment { id status } ${ERRORS} }
}`;

/** Shopify's hold reasons (`FulfillmentHoldReason`); any other reason is sent as OTHER with its words in the notes. */
const holdReasons = new Set(['AWAITING_PAYMENT', 'HIGH_RISK_OF_FRAUD', 'INCORRECT_ADDRESS', 'INVENTORY_OUT_OF_STOCK', 'UNKNOWN_DELIVERY_DATE', 'AWAITING_RETURN_ITEMS', 'OTHER']);

export const words = (v: string): string => v.toLowerCase().replaceAll('_', ' ');
export const foStateWords = (n: ShopifyFoNode): string => `${words(n.status)}${n.requestStatus === 'UNSUBMITTED' ? '' : ` with its request ${words(n.requestStatus)}`}`;

/** A hold's handle: the outbox key, so a second send of the same step is Shopify's duplicate (≤64 characters, reference §1.5). */
export function holdHandle(key: string): string {
  const handle = `fd-${key}`;
  return handle.length <= 64 ? handle : `fd-${createHash('sha256').update(key).digest('hex').slice(0, 61)}`;
}

/**
 * Shopify's refusal of a second hold with the same handle ("the second hold will be rejected
 * with a duplicate hold user error", reference §1.5). The code's name is [UNVERIFIED]: the
 * message is read too.
 */
export const isDuplicateHold = (errors: readonly UserError[]): boolean =>
  errors.length > 0 && errors.every((e) => e.code === 'DUPLICATE_FULFILLMENT_HOLD_HANDLE' || (/handle/i.test(e.message) && /already|duplicate|in use/i.test(e.message)));

interface Payload {
  userErrors: UserError[];
  unsubmittedFulfillmentOrder?: { id: string } | null;
  replacementFulfillmentOrder?: { id: string } | null;
  movedFulfillmentOrder?: { id: string } | null;
  fulfillmentOrder?: { status: string } | null;
}

type Sent = { field: string; query: string; variables: Record<string, unknown>; answer: (p: Payload) => string };

function mutationOf(req: WriteRequestOf<'fulfillment_order.act'>, n: ShopifyFoNode, target: WriteTarget): Sent {
  const id = n.id;
  const fo = req.fo;
  const where = n.assignedLocation?.name ?? n.assignedLocation?.location?.name ?? 'its location';
  const about = `fulfillment order ${foName(id)} of order ${target.orderNumber}`;
  const lineItems = (lines: { lineId: string; quantity: number }[] | undefined) => (lines?.length ? lines.map((l) => ({ id: l.lineId, quantity: l.quantity })) : undefined);
  switch (fo.kind) {
    case 'request_fulfillment': {
      const items = lineItems(fo.lines);
      return {
        field: 'fulfillmentOrderSubmitFulfillmentRequest', query: SUBMIT_REQUEST,
        variables: { id, ...(fo.message ? { message: fo.message } : {}), ...(items ? { fulfillmentOrderLineItems: items } : {}) },
        answer: (p) => `Shopify sent the fulfillment request for ${about} to ${where}${p.unsubmittedFulfillmentOrder ? `; the items not requested stay in fulfillment order ${foName(p.unsubmittedFulfillmentOrder.id)}` : ''}`,
      };
    }
    case 'cancel_request':
      return { field: 'fulfillmentOrderCancel', query: CANCEL, variables: { id }, answer: (p) => `Shopify withdrew the fulfillment request for ${about} from ${where}${p.replacementFulfillmentOrder ? `; the items are in fulfillment order ${foName(p.replacementFulfillmentOrder.id)} again` : ''}` };
    case 'request_cancellation':
      return { field: 'fulfillmentOrderSubmitCancellationRequest', query: SUBMIT_CANCELLATION, variables: { id, ...(fo.note ? { message: fo.note } : {}) }, answer: () => `Shopify asked ${where} to cancel ${about}; the service accepts or rejects it` };
    case 'move':
      return { field: 'fulfillmentOrderMove', query: MOVE, variables: { id, newLocationId: fo.locationId }, answer: (p) => `Shopify moved ${about} from ${where} to location ${fo.locationId}${p.movedFulfillmentOrder && p.movedFulfillmentOrder.id !== id ? ` (now fulfillment order ${foName(p.movedFulfillmentOrder.id)})` : ''}` };
    case 'hold': {
      const reason = fo.reason.toUpperCase().replaceAll(/[\s-]+/g, '_');
      const known = holdReasons.has(reason);
      const notes = known ? fo.note : [fo.reason, fo.note].filter(Boolean).join(': ');
      return {
        field: 'fulfillmentOrderHold', query: HOLD,
        variables: { id, fulfillmentHold: { reason: known ? reason : 'OTHER', ...(notes ? { reasonNotes: notes } : {}), handle: holdHandle(target.key) } },
        answer: () => `Shopify put ${about} on hold (${fo.reason}${fo.note ? `: ${fo.note}` : ''})`,
      };
    }
    case 'release_hold':
      return { field: 'fulfillmentOrderReleaseHold', query: RELEASE, variables: { id }, answer: (p) => `Shopify released the hold on ${about}; it is ${words(p.fulfillmentOrder?.status ?? 'OPEN')} now` };
    case 'open_scheduled':
      return { field: 'fulfillmentOrderOpen', query: OPEN, variables: { id }, answer: () => `Shopify opened ${about} before its scheduled date` };
    case 'reschedule':
      return { field: 'fulfillmentOrderReschedule', query: RESCHEDULE, variables: { id, fulfillAt: fo.fulfillAt }, answer: () => `Shopify rescheduled ${about} to ${fo.fulfillAt}` };
    case 'fulfil': {
      const items = lineItems(fo.lines);
      const trackingInfo = fo.trackingNumber ? { number: fo.trackingNumber, ...(fo.carrier ? { company: fo.carrier } : {}), ...(fo.trackingUrl ? { url: fo.trackingUrl } : {}) } : null;
      const notify = fo.notifyCustomer ?? false;
      return {
        field: 'fulfillmentCreate', query: FULFIL,
        variables: { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: id, ...(items ? { fulfillmentOrderLineItems: items } : {}) }], notifyCustomer: notify, ...(trackingInfo ? { trackingInfo } : {}) } },
        answer: () => `Shopify fulfilled ${items ? 'part of ' : ''}${about}${trackingInfo ? ` with tracking number ${fo.trackingNumber}${fo.carrier ? ` (${fo.carrier})` : ''}` : ' without a tracking number'}; the customer was ${notify ? '' : 'not '}notified`,
      };
    }
    case 'revert_fulfillment':
      return { field: 'fulfillmentCancel', query: REVERT, variables: { id: fo.fulfillmentId }, answer: () => `Shopify cancelled fulfillment ${fo.fulfillmentId} of order ${target.orderNumber}: its items are unfulfilled again` };
    default:
      throw new StoreApiError('final', `cannot ${fo.kind.replaceAll('_', ' ')} on ${about}: only the fulfillment service can do that`);
  }
}

/** An FO as a merchant reads it: the number at the end of its GID ("#1046000801"), not the GID. */
export const foName = (gid: string): string => `#${gid.split('/').pop() ?? gid}`;

/** Sends the action's mutation; resolves with the timeline's sentence. */
export async function sendFoMutation(s: ShopifySession, req: WriteRequestOf<'fulfillment_order.act'>, n: ShopifyFoNode, target: WriteTarget): Promise<string> {
  const m = mutationOf(req, n, target);
  const scope = n.assignedLocation?.location?.fulfillmentService ? 'write_third_party_fulfillment_orders' : 'write_merchant_managed_fulfillment_orders';
  const what = `${req.fo.kind.replaceAll('_', ' ')} on fulfillment order ${foName(n.id)} of order ${target.orderNumber}`;
  const data = await shopifyGraphql(s, { query: m.query, variables: m.variables, changes: true, cost: MUTATION_COST, scope, what });
  const p = data[m.field] as Payload | null;
  if (!p) throw new StoreApiError('final', `Shopify gave no answer to ${what}`);
  if (p.userErrors.length > 0) {
    if (req.fo.kind === 'hold' && isDuplicateHold(p.userErrors)) return `fulfillment order ${foName(n.id)} of order ${target.orderNumber} was already on hold on Shopify from this step`;
    throw userErrorsFailure(what, p.userErrors);
  }
  return m.answer(p);
}
