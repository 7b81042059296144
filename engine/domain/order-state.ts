import type { Order, OrderStatusSnapshot } from '../contract/index.ts';

export function statusOf(order: Order): OrderStatusSnapshot {
  return {
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    deliveryStatus: order.deliveryStatus ?? 'none',
    platformStatus: order.platformStatus ?? null,
    storeStatus: order.storeStatus ?? null,
  };
}

/** The status fields that differ, as "field: before → after" lines, for the timeline. */
export function statusChanges(before: OrderStatusSnapshot | null, after: OrderStatusSnapshot): Record<string, { from: string | null; to: string | null }> {
  const out: Record<string, { from: string | null; to: string | null }> = {};
  if (!before) return out;
  for (const key of ['financialStatus', 'fulfillmentStatus', 'deliveryStatus', 'platformStatus', 'storeStatus'] as const) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) out[key] = { from, to };
  }
  return out;
}

/** Milliseconds of an ISO time, for last-write-wins; an unreadable time sorts first. */
export function versionMs(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}
