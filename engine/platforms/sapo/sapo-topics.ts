/**
 * The Sapo topics whose body is the order. Each only carries the order's state: the events come
 * from the change of that state (domain/order-events.ts), whichever topic shows it first.
 */

/** Sapo Web's order topics (reference §3.1, the `SapoWebhookTopic` union). */
export const sapoWebOrderTopics: ReadonlySet<string> = new Set([
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/delete',
]);

/**
 * Sapo GO's order topics. Captured deliveries are all `orders/update` (singular) with the state
 * in status fields (§3.2); the other names come from an [UNVERIFIED] summary of the GO API and
 * are read the same way, so whichever of them a store subscribes to, an event fires once, on the
 * delivery that first shows the transition.
 */
export const sapoGoOrderTopics: ReadonlySet<string> = new Set([
  'orders/create',
  'orders/update',
  'orders/updated',
  'orders/cancelled',
  'orders/finalized',
  'orders/fulfilled',
  'orders/paid',
  'orders/received',
]);
