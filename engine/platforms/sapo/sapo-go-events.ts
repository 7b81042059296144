import type { CanonicalEventType, Order } from '../../contract/index.ts';
import { versionMs } from '../../domain/order-state.ts';
import type { SapoSettings } from './sapo-settings.ts';
import { goMeaning } from './sapo-go-normalize.ts';

/**
 * Sapo GO's order topics. Captured deliveries are all `orders/update` (singular) with the
 * state in status fields (§3.2); the other names come from an [UNVERIFIED] summary of the GO
 * API and are handled the same way, so whichever of them a store subscribes to, an event
 * fires once, on the delivery that first shows the transition.
 */
export const sapoGoOrderTopics: readonly string[] = [
  'orders/create',
  'orders/update',
  'orders/updated',
  'orders/cancelled',
  'orders/finalized',
  'orders/fulfilled',
  'orders/paid',
  'orders/received',
];

function cancelled(o: Order, settings: SapoSettings): boolean {
  return Boolean(o.cancelledAt) || goMeaning(o.platformStatus, settings) === 'cancelled';
}

const refunds = ['refunded', 'partially_refunded'];

/**
 * The canonical events a Sapo GO delivery stands for, from the order as it now is and as
 * Flowdesk last stored it (`previous`): an event fires on the transition only.
 * - First sight of the order: `order.created` (GO sends no separate create in the captures),
 *   plus the states it is already in (a POS sale arrives paid and completed at once).
 * - Later `orders/update`/`orders/create`: `order.updated`, plus any transition.
 * - Older than what is stored: `order.updated` only, which the engine drops for stale deliveries.
 */
export function sapoGoEvents(topic: string, order: Order, previous: Order | null, settings: SapoSettings): CanonicalEventType[] {
  const events: CanonicalEventType[] = [];
  const isChange = topic === 'orders/update' || topic === 'orders/updated' || topic === 'orders/create';
  if (!previous) events.push('order.created');
  else if (isChange) events.push('order.updated');
  if (previous && versionMs(order.updatedAt) < versionMs(previous.updatedAt)) return isChange ? ['order.updated'] : [];

  const was = previous;
  if (order.financialStatus === 'paid' && was?.financialStatus !== 'paid') events.push('order.paid');
  if (order.fulfillmentStatus === 'fulfilled' && was?.fulfillmentStatus !== 'fulfilled') events.push('order.fulfilled');
  else if (order.fulfillmentStatus === 'partial' && (!was || was.fulfillmentStatus === 'unfulfilled' || was.fulfillmentStatus === 'unknown')) {
    events.push('order.partially_fulfilled');
  }
  if (cancelled(order, settings) && !(was && cancelled(was, settings))) events.push('order.cancelled');
  if (refunds.includes(order.financialStatus) && was?.financialStatus !== order.financialStatus) events.push('order.refunded');
  return events;
}
