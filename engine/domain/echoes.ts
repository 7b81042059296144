import type { Order, WriteAction, WriteRequest } from '../contract/index.ts';
import type { OutboxRow } from '../storage/repos/outbox-repo.ts';
import { mergeTags } from './tags.ts';

/** How long after a write-back a delivery showing it is taken for its echo. */
export const ECHO_WINDOW_MS = 10 * 60_000;

type Field = keyof Order;

/** The canonical fields each action may change on the platform (and so in the webhook that follows it). */
const touches: Record<WriteAction, readonly Field[]> = {
  'order.tags.add': ['tags'],
  'order.tags.remove': ['tags'],
  'order.note.set': ['note'],
  'order.attribute.set': [],
  'customer.tags.add': [],
  'order.mark_paid': ['financialStatus'],
  'order.cancel': ['cancelledAt', 'cancelReason', 'financialStatus', 'fulfillmentStatus', 'platformStatus', 'storeStatus'],
  'order.close': ['platformStatus', 'storeStatus'],
  'order.fulfil': ['fulfillmentStatus', 'deliveryStatus', 'platformStatus', 'storeStatus'],
  'marketplace.ready_to_ship': ['fulfillmentStatus', 'platformStatus', 'storeStatus'],
  'marketplace.cancel': ['cancelledAt', 'cancelReason', 'financialStatus', 'fulfillmentStatus', 'platformStatus', 'storeStatus'],
  // An FO mutation shows in orders/updated only once items ship (a fulfilment).
  'fulfillment_order.act': ['fulfillmentStatus', 'deliveryStatus', 'shipments'],
};

const fold = (t: string) => t.trim().toLowerCase();

/** Whether the order as delivered shows what the write did (a tag added is there, a cancelled order has cancelledAt). */
function shows(req: WriteRequest, order: Order): boolean {
  const tags = new Set(order.tags.map(fold));
  switch (req.action) {
    case 'order.tags.add':
      return req.tags.every((t) => tags.has(fold(t)));
    case 'order.tags.remove':
      return req.tags.every((t) => !tags.has(fold(t)));
    case 'order.note.set':
      return (order.note ?? '').includes(req.note);
    case 'order.mark_paid':
      return order.financialStatus === 'paid';
    case 'order.cancel':
    case 'marketplace.cancel':
      return Boolean(order.cancelledAt);
    case 'order.fulfil':
      return order.fulfillmentStatus === 'fulfilled' || order.fulfillmentStatus === 'partial';
    case 'fulfillment_order.act':
      // Only a fulfilment shows on the order; the other FO steps change nothing an order delivery carries.
      return req.fo.kind !== 'fulfil' || order.fulfillmentStatus === 'fulfilled' || order.fulfillmentStatus === 'partial';
    default:
      return true;
  }
}

/** The canonical fields that differ between two states of an order, its version aside. */
export function changedFields(before: Order, after: Order): Field[] {
  const out: Field[] = [];
  for (const key of Object.keys({ ...before, ...after }) as Field[]) {
    if (key === 'updatedAt') continue;
    const a = key === 'tags' ? mergeTags([], before.tags).map(fold).sort() : before[key];
    const b = key === 'tags' ? mergeTags([], after.tags).map(fold).sort() : after[key];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out.push(key);
  }
  return out;
}

/**
 * Whether a delivery is only the echo of Flowdesk's own write-back (reference §9.2: Shopify
 * sends `orders/updated` after a tag is added): every field it changed is one a recent
 * confirmed write of this order changes, and the order shows each such write's effect. Then no
 * flow starts on it, so a flow that tags on "order updated" cannot trigger itself. Only flows'
 * writes count: a merchant's click on the order page is a change like one made in the store's admin.
 */
export function echoOf(all: readonly OutboxRow[], before: Order, after: Order): OutboxRow[] | null {
  // A merchant's own action from the order page (no run) cannot loop: what it changed starts flows as any change would.
  const recent = all.filter((w) => w.runId !== null);
  if (recent.length === 0) return null;
  const explained = new Set<Field>(recent.flatMap((w) => touches[w.action] ?? []));
  if (!changedFields(before, after).every((f) => explained.has(f))) return null;
  if (!recent.every((w) => shows(w.request, after))) return null;
  return [...recent];
}
