import type { WriteRequest } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteTarget } from '../store-client.ts';
import { shopifyFoCheck } from './shopify-fo-actions.ts';
import type { ShopifySession } from './shopify-graphql.ts';
import { fulfillable, hasTag, hasTracking, readCustomerTags, readOrder } from './shopify-order.ts';

const done = (answer: string): CheckAnswer => ({ applied: true, answer });
const notYet: CheckAnswer = { applied: false };

/**
 * Whether Shopify already shows the action's effect (reference §9.2), read before anything is
 * resent after a dropped answer: the tags are there, the note carries the action's marker,
 * `cancelledAt` is set, the tracking number is among the fulfilments or nothing is left to fulfil.
 */
export async function shopifyCheck(s: ShopifySession, req: WriteRequest, target: WriteTarget): Promise<CheckAnswer> {
  const n = target.orderNumber;
  if (req.action === 'customer.tags.add') {
    if (!target.platformCustomerId) return notYet;
    const tags = await readCustomerTags(s, target.platformCustomerId, n);
    return req.tags.every((t) => hasTag(tags, t)) ? done(`the customer of order ${n} already has the tags ${req.tags.join(', ')} on Shopify`) : notYet;
  }
  if (req.action === 'marketplace.ready_to_ship' || req.action === 'marketplace.cancel') {
    throw new StoreApiError('final', `Shopify cannot do "${req.action}": it is a marketplace action (Lazada)`);
  }
  if (req.action === 'fulfillment_order.act') return shopifyFoCheck(s, req, target);
  const o = await readOrder(s, target);
  switch (req.action) {
    case 'order.tags.add':
      return req.tags.every((t) => hasTag(o.tags, t)) ? done(`order ${n} already has the tags ${req.tags.join(', ')} on Shopify`) : notYet;
    case 'order.tags.remove':
      return req.tags.some((t) => hasTag(o.tags, t)) ? notYet : done(`order ${n} no longer has the tags ${req.tags.join(', ')} on Shopify`);
    case 'order.note.set':
      if (req.mode === 'append') return (o.note ?? '').includes(actionMarker(target.key)) ? done(`the note of order ${n} already has this line on Shopify`) : notYet;
      return o.note === req.note ? done(`the note of order ${n} is already set on Shopify`) : notYet;
    case 'order.attribute.set':
      return o.customAttributes.some((a) => a.key === req.key && (a.value ?? '') === req.value) ? done(`order ${n} already has "${req.key}" = "${req.value}" on Shopify`) : notYet;
    case 'order.mark_paid':
      return o.displayFinancialStatus === 'PAID' ? done(`order ${n} is paid on Shopify`) : notYet;
    case 'order.cancel':
      return o.cancelledAt ? done(`order ${n} was cancelled on Shopify (${o.cancelledAt})`) : notYet;
    case 'order.close':
      return o.closedAt ? done(`order ${n} is closed on Shopify (${o.closedAt})`) : notYet;
    case 'order.fulfil':
      if (req.trackingNumber && hasTracking(o, req.trackingNumber)) return done(`order ${n} has a shipment with tracking number ${req.trackingNumber} on Shopify`);
      return fulfillable(o).length === 0 ? done(`Shopify has nothing left to fulfil on order ${n}`) : notYet;
  }
}
