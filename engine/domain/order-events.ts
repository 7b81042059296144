import type { CanonicalEventType, FinancialStatus, Order } from '../contract/index.ts';
import { versionMs } from './order-state.ts';
import { newTags } from './tags.ts';

export interface DeriveOptions {
  /** The platform is a marketplace (Lazada): its own status word, first seen or changed, is an event of its own. */
  marketplace?: boolean;
}

/** Money received, in whole or in part: leaving `pending` for any of these is not a new payment. */
const paidOrAfter: ReadonlySet<FinancialStatus> = new Set(['paid', 'partially_refunded', 'refunded']);
const refunds: ReadonlySet<FinancialStatus> = new Set(['refunded', 'partially_refunded']);

/**
 * The canonical events one delivery stands for, from the order as Flowdesk last stored it
 * (`before`, null on first sight) and the order as the delivery says it now is (`after`).
 * Every platform alike: adapters only map their raw statuses into canonical state, and an event
 * fires on the delivery that first shows its transition, whichever topic carried it. So a
 * Shopify `orders/updated` that arrives before `orders/paid` fires `order.paid`, and the late
 * `orders/paid` fires nothing; nothing fires twice for one change.
 *
 * - Older than what is stored: nothing (deliveries are unordered; only newer state applies).
 * - First sight: `order.created`, plus every state the order is already in (a POS sale arrives
 *   paid and fulfilled at once).
 * - Deleted: only `order.deleted`, once.
 * - A known order, newer or changed: `order.updated`, plus each transition.
 * - A known order whose platform tags gained some: `order.tag_added` (which ones: `addedPlatformTags`).
 */
export function deriveOrderEvents(before: Order | null, after: Order, options: DeriveOptions = {}): CanonicalEventType[] {
  if (before && versionMs(after.updatedAt) < versionMs(before.updatedAt)) return [];
  // A deletion is the last thing that happens to an order: it says only that.
  if (after.deletedAt) return before?.deletedAt ? [] : ['order.deleted'];
  const events: CanonicalEventType[] = [];
  if (!before) events.push('order.created');
  else if (versionMs(after.updatedAt) > versionMs(before.updatedAt) || changed(before, after)) events.push('order.updated');
  else return [];

  const was = before;
  const financial = after.financialStatus;
  if (financial === 'paid' && !(was && paidOrAfter.has(was.financialStatus))) events.push('order.paid');
  if (financial === 'failed' && was?.financialStatus !== 'failed') events.push('order.payment_failed');
  if (refunds.has(financial) && was?.financialStatus !== financial) events.push('order.refunded');

  const fulfilment = after.fulfillmentStatus;
  if (fulfilment === 'fulfilled' && was?.fulfillmentStatus !== 'fulfilled') events.push('order.fulfilled');
  else if (fulfilment === 'partial' && was?.fulfillmentStatus !== 'partial' && was?.fulfillmentStatus !== 'fulfilled') {
    events.push('order.partially_fulfilled');
  }

  const delivery = after.deliveryStatus ?? 'none';
  const wasDelivery = was?.deliveryStatus ?? 'none';
  if (delivery !== wasDelivery) {
    if (delivery === 'delivered') events.push('order.delivered');
    else if (delivery === 'delivery_failed') events.push('order.delivery_failed');
    else if (delivery === 'returned') events.push('order.returned');
  }

  if (after.cancelledAt && !was?.cancelledAt) events.push('order.cancelled');
  if (was && addedPlatformTags(was, after).length > 0) events.push('order.tag_added');
  // A marketplace order's first status is news too: its store status is set from it (seed 002).
  if (options.marketplace && (!was || after.platformStatus !== was.platformStatus || after.storeStatus !== was.storeStatus)) {
    events.push('marketplace.status_changed');
  }
  return events;
}

/**
 * The platform tags `after` has that `before` did not, compared without case ("VIP" and "vip"
 * are one tag), each once, in `after`'s order. An order seen for the first time adds none: its
 * tags arrive with `order.created` (a flow for "orders that come in tagged pre-order" is that
 * trigger with an activation condition on `order.tags`), so one new order never starts a flow
 * twice. Tags Flowdesk's own flows added (`localTags`) are left out by processing, which knows
 * them (apply-order.ts); the flow that added one fired its own event (in-app-intents.ts).
 */
export function addedPlatformTags(before: Order | null, after: Order): string[] {
  if (!before) return [];
  const added = newTags(before.tags, after.tags);
  return added.filter((t, i) => added.findIndex((u) => u.toLowerCase() === t.toLowerCase()) === i);
}

/**
 * Whether a delivery with the same `updatedAt` says something new (platforms whose time has
 * coarse resolution, or that do not move it for every change). Only reached when the times tie.
 */
function changed(before: Order, after: Order): boolean {
  return JSON.stringify({ ...before, updatedAt: '' }) !== JSON.stringify({ ...after, updatedAt: '' });
}
