import type { CancelReason, WriteRequest, WriteRequestOf } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { WriteAnswer, WriteTarget } from '../store-client.ts';
import { MUTATION_COST, customerGid, orderGid, shopifyGraphql, userErrorsFailure, type ShopifySession, type UserError } from './shopify-graphql.ts';
import { shopifyFoWrite } from './shopify-fo-actions.ts';
import { fulfillable, hasTracking, list, readOrder, type ShopifyFulfillmentOrder } from './shopify-order.ts';

/**
 * Each Flowdesk action as Shopify's Admin GraphQL mutation (reference/platform-apis.md §1.3–1.5).
 * Tags are sets (tagsAdd/tagsRemove); note and custom attributes are overwritten whole by
 * orderUpdate, so appending and setting one attribute read, merge and write; cancel and fulfil
 * read first, so a resend after a crash finds the order already done and sends nothing.
 */

const TAGS_ADD = `mutation FlowdeskTagsAdd($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id ... on Order { tags } ... on Customer { tags } } userErrors { field message } }
}`;
const TAGS_REMOVE = `mutation FlowdeskTagsRemove($id: ID!, $tags: [String!]!) {
  tagsRemove(id: $id, tags: $tags) { node { id ... on Order { tags } ... on Customer { tags } } userErrors { field message } }
}`;
const ORDER_UPDATE = `mutation FlowdeskOrderUpdate($input: OrderInput!) {
  orderUpdate(input: $input) { order { id note customAttributes { key value } } userErrors { field message } }
}`;
const MARK_PAID = `mutation FlowdeskMarkAsPaid($input: OrderMarkAsPaidInput!) {
  orderMarkAsPaid(input: $input) { order { id displayFinancialStatus canMarkAsPaid } userErrors { field message } }
}`;
// refundMethod replaced `refund: Boolean!` in 2025-07; its input type's name is [UNVERIFIED] (from the changelog, not the schema).
const CANCEL = `mutation FlowdeskOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String, $refundMethod: OrderCancelRefundMethodInput) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: $notifyCustomer, staffNote: $staffNote, refundMethod: $refundMethod) {
    job { id done } orderCancelUserErrors { field message code }
  }
}`;
// orderClose(input: {id}) is [UNVERIFIED] in the reference (§1.4: REST close.json is the documented one).
const CLOSE = `mutation FlowdeskOrderClose($input: OrderCloseInput!) {
  orderClose(input: $input) { order { id closedAt } userErrors { field message } }
}`;
const FULFIL = `mutation FlowdeskFulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status trackingInfo(first: 10) { number company url } } userErrors { field message } }
}`;

/** Shopify's own "Order cannot be marked as paid." on an order already PAID means the action is done (reference §9.2). */
const ALREADY_PAID = 'Order cannot be marked as paid.';

/** Financial states in which a cancel gives the money back (with the `cancelRefund` option on). */
const REFUNDABLE = new Set(['PAID', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED']);

export interface ShopifyOptions {
  /** `original`: a cancelled paid order is refunded to its payment methods (as the admin's Cancel does by default); `none`: not refunded. */
  cancelRefund: 'original' | 'none';
}

async function mutate<T>(s: ShopifySession, field: string, query: string, variables: Record<string, unknown>, scope: string, what: string): Promise<T> {
  const data = await shopifyGraphql(s, { query, variables, changes: true, cost: MUTATION_COST, scope, what });
  const payload = data[field] as T | null;
  if (!payload) throw new StoreApiError('final', `Shopify gave no answer to ${what}`);
  return payload;
}

interface TagsPayload {
  node: { tags?: string[] } | null;
  userErrors: UserError[];
}

async function tags(s: ShopifySession, req: { tags: string[] }, id: string, remove: boolean, scope: string, whose: string): Promise<WriteAnswer> {
  const what = `${remove ? 'remove' : 'add'} the tags ${req.tags.join(', ')} ${remove ? 'from' : 'to'} ${whose}`;
  const p = await mutate<TagsPayload>(s, remove ? 'tagsRemove' : 'tagsAdd', remove ? TAGS_REMOVE : TAGS_ADD, { id, tags: req.tags }, scope, what);
  if (p.userErrors.length > 0) throw userErrorsFailure(what, p.userErrors);
  return { answer: `Shopify ${remove ? 'removed' : 'added'} the tags ${req.tags.join(', ')} on ${whose}; it now has ${list(p.node?.tags ?? [])}` };
}

interface UpdatePayload {
  order: { note: string | null; customAttributes: { key: string; value: string | null }[] } | null;
  userErrors: UserError[];
}

async function updateOrder(s: ShopifySession, target: WriteTarget, input: Record<string, unknown>, what: string): Promise<UpdatePayload['order']> {
  const p = await mutate<UpdatePayload>(s, 'orderUpdate', ORDER_UPDATE, { input: { id: orderGid(target.platformOrderId), ...input } }, 'write_orders', what);
  if (p.userErrors.length > 0) throw userErrorsFailure(what, p.userErrors);
  return p.order;
}

/** `append` adds a line carrying the action's marker, so a resend finds it and adds nothing. */
async function note(s: ShopifySession, req: WriteRequestOf<'order.note.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const what = `${req.mode === 'append' ? 'add to' : 'set'} the note of order ${target.orderNumber}`;
  if (req.mode === 'replace') {
    await updateOrder(s, target, { note: req.note }, what);
    return { answer: `Shopify replaced the note of order ${target.orderNumber}` };
  }
  const marker = actionMarker(target.key);
  const current = (await readOrder(s, target)).note ?? '';
  if (current.includes(marker)) return { answer: `the note of order ${target.orderNumber} already has this line on Shopify` };
  const line = `${req.note} ${marker}`;
  await updateOrder(s, target, { note: current ? `${current}\n${line}` : line }, what);
  return { answer: `Shopify added a line to the note of order ${target.orderNumber}` };
}

async function attribute(s: ShopifySession, req: WriteRequestOf<'order.attribute.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const current = (await readOrder(s, target)).customAttributes.map((a) => ({ key: a.key, value: a.value ?? '' }));
  const merged = current.some((a) => a.key === req.key) ? current.map((a) => (a.key === req.key ? { key: a.key, value: req.value } : a)) : [...current, { key: req.key, value: req.value }];
  await updateOrder(s, target, { customAttributes: merged }, `set the attribute "${req.key}" of order ${target.orderNumber}`);
  return { answer: `Shopify set "${req.key}" to "${req.value}" on order ${target.orderNumber} (${merged.length} attribute${merged.length === 1 ? '' : 's'} in all)` };
}

interface MarkPaidPayload {
  order: { displayFinancialStatus: string | null } | null;
  userErrors: UserError[];
}

async function markPaid(s: ShopifySession, target: WriteTarget): Promise<WriteAnswer> {
  const what = `mark order ${target.orderNumber} as paid`;
  const p = await mutate<MarkPaidPayload>(s, 'orderMarkAsPaid', MARK_PAID, { input: { id: orderGid(target.platformOrderId) } }, 'write_orders', what);
  const status = p.order?.displayFinancialStatus ?? null;
  if (p.userErrors.length > 0) {
    if (status === 'PAID' && p.userErrors.every((e) => e.message === ALREADY_PAID)) return { answer: `order ${target.orderNumber} was already paid on Shopify` };
    throw userErrorsFailure(what, p.userErrors);
  }
  return { answer: `Shopify marked order ${target.orderNumber} as paid; its payment status is now ${(status ?? 'PAID').toLowerCase().replaceAll('_', ' ')}` };
}

const cancelReasons: Record<CancelReason, string> = { customer: 'CUSTOMER', inventory: 'INVENTORY', fraud: 'FRAUD', declined: 'DECLINED', other: 'OTHER' };

interface CancelPayload {
  job: { id: string; done: boolean } | null;
  orderCancelUserErrors: UserError[];
}

async function cancel(s: ShopifySession, req: WriteRequestOf<'order.cancel'>, target: WriteTarget, options: ShopifyOptions): Promise<WriteAnswer> {
  const order = await readOrder(s, target);
  if (order.cancelledAt) return { answer: `order ${target.orderNumber} was already cancelled on Shopify (${order.cancelledAt})` };
  const refund = options.cancelRefund === 'original' && REFUNDABLE.has(order.displayFinancialStatus ?? '');
  const what = `cancel order ${target.orderNumber}`;
  const p = await mutate<CancelPayload>(s, 'orderCancel', CANCEL, {
    orderId: orderGid(target.platformOrderId),
    reason: cancelReasons[req.reason],
    restock: req.restock,
    notifyCustomer: req.notifyCustomer,
    ...(req.staffNote ? { staffNote: req.staffNote } : {}),
    ...(refund ? { refundMethod: { originalPaymentMethodsRefund: true } } : {}),
  }, 'write_orders', what);
  if (p.orderCancelUserErrors.length > 0) throw userErrorsFailure(what, p.orderCancelUserErrors);
  const how = [req.restock ? 'items restocked' : 'no restock', refund ? 'refunded to the original payment' : null, req.notifyCustomer ? 'customer notified' : 'customer not notified'].filter(Boolean).join(', ');
  // orderCancel is a job: the order shows as cancelled once it is done.
  const when = p.job?.done ? 'done' : 'Shopify finishes it in the background';
  return { answer: `Shopify is cancelling order ${target.orderNumber} (${how}); ${when}` };
}

interface ClosePayload {
  order: { closedAt: string | null } | null;
  userErrors: UserError[];
}

async function close(s: ShopifySession, target: WriteTarget): Promise<WriteAnswer> {
  const what = `close (archive) order ${target.orderNumber}`;
  const p = await mutate<ClosePayload>(s, 'orderClose', CLOSE, { input: { id: orderGid(target.platformOrderId) } }, 'write_orders', what);
  if (p.userErrors.length > 0) throw userErrorsFailure(what, p.userErrors);
  return { answer: `Shopify closed (archived) order ${target.orderNumber}` };
}

interface FulfilPayload {
  fulfillment: { id: string; status: string } | null;
  userErrors: UserError[];
}

/** fulfillmentCreate takes fulfilment orders of one location per call (reference §1.5). */
function byLocation(fos: ShopifyFulfillmentOrder[]): ShopifyFulfillmentOrder[][] {
  const groups = new Map<string, ShopifyFulfillmentOrder[]>();
  for (const fo of fos) {
    const at = fo.assignedLocation?.location?.id ?? '';
    groups.set(at, [...(groups.get(at) ?? []), fo]);
  }
  return [...groups.values()];
}

async function fulfil(s: ShopifySession, req: WriteRequestOf<'order.fulfil'>, target: WriteTarget): Promise<WriteAnswer> {
  const order = await readOrder(s, target);
  if (req.trackingNumber && hasTracking(order, req.trackingNumber)) {
    return { answer: `order ${target.orderNumber} already has a shipment with tracking number ${req.trackingNumber} on Shopify` };
  }
  const open = fulfillable(order);
  if (open.length === 0) throw new StoreApiError('final', `Shopify has nothing left to fulfil on order ${target.orderNumber} (it is fulfilled, cancelled, on hold or with a fulfilment service)`);
  const trackingInfo = req.trackingNumber
    ? { number: req.trackingNumber, ...(req.carrier ? { company: req.carrier } : {}), ...(req.trackingUrl ? { url: req.trackingUrl } : {}) }
    : null;
  const what = `fulfil order ${target.orderNumber}`;
  for (const group of byLocation(open)) {
    const p = await mutate<FulfilPayload>(s, 'fulfillmentCreate', FULFIL, {
      fulfillment: {
        // No line items: each fulfilment order is fulfilled whole.
        lineItemsByFulfillmentOrder: group.map((fo) => ({ fulfillmentOrderId: fo.id })),
        notifyCustomer: req.notifyCustomer,
        ...(trackingInfo ? { trackingInfo } : {}),
      },
    }, 'write_merchant_managed_fulfillment_orders', what);
    if (p.userErrors.length > 0) throw userErrorsFailure(what, p.userErrors);
  }
  const tracking = trackingInfo ? ` with tracking number ${req.trackingNumber}${req.carrier ? ` (${req.carrier})` : ''}` : ' without a tracking number';
  return { answer: `Shopify fulfilled order ${target.orderNumber}${tracking}; the customer was ${req.notifyCustomer ? '' : 'not '}notified` };
}

export async function shopifyWrite(s: ShopifySession, req: WriteRequest, target: WriteTarget, options: ShopifyOptions): Promise<WriteAnswer> {
  const order = `order ${target.orderNumber}`;
  switch (req.action) {
    case 'order.tags.add':
      return tags(s, req, orderGid(target.platformOrderId), false, 'write_orders', order);
    case 'order.tags.remove':
      return tags(s, req, orderGid(target.platformOrderId), true, 'write_orders', order);
    case 'customer.tags.add':
      if (!target.platformCustomerId) throw new StoreApiError('final', `order ${target.orderNumber} has no customer on Shopify, so no customer tags can be added`);
      return tags(s, req, customerGid(target.platformCustomerId), false, 'write_customers', `the customer of ${order}`);
    case 'order.note.set':
      return note(s, req, target);
    case 'order.attribute.set':
      return attribute(s, req, target);
    case 'order.mark_paid':
      return markPaid(s, target);
    case 'order.cancel':
      return cancel(s, req, target, options);
    case 'order.close':
      return close(s, target);
    case 'order.fulfil':
      return fulfil(s, req, target);
    case 'marketplace.ready_to_ship':
    case 'marketplace.cancel':
      throw new StoreApiError('final', `Shopify cannot do "${req.action}": it is a marketplace action (Lazada)`);
    case 'fulfillment_order.act':
      return shopifyFoWrite(s, req, target);
  }
}
