import { DEFAULT_LOCATION, type Order, type TimelineData, type TimelineDataOf } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { MoveLine } from '../storage/repos/inventory-repo.ts';
import { EngineError } from '../shared/errors.ts';

/**
 * Inventory per SKU and location (issue 14, seed 002). A marketplace order takes its SKUs' stock
 * once when Flowdesk first sees it live, and puts it back once when it is cancelled (unless the
 * merchant processes it at the store). A return the marketplace reports restocks nothing: the
 * merchant records it, and that restocks. Every movement is keyed per order (inventory_moves),
 * so a duplicate or out-of-order delivery moves nothing twice. A connection's orders take stock
 * at its location (the connection's `stockLocation` setting, "default" unless set); a
 * cancellation or a return puts it back where it was taken.
 */
export const PLACED = 'placed';
export const CANCELLED = 'cancelled';
const RETURN_PREFIX = 'return:';

/** The order's quantity and first title per SKU, in line order (Lazada lists one line per unit). Lines without a SKU are not counted. */
export function skuQuantities(order: Order): Map<string, { title: string; quantity: number }> {
  const out = new Map<string, { title: string; quantity: number }>();
  for (const line of order.lineItems) {
    const sku = line.sku?.trim();
    if (!sku) continue;
    const had = out.get(sku);
    out.set(sku, { title: had?.title ?? line.title, quantity: (had?.quantity ?? 0) + line.quantity });
  }
  return out;
}

/** Where a connection's orders take their stock: its `stockLocation` setting, else "default". */
export function stockLocationOf(repos: Repositories, connectionId: string): string {
  const set = repos.connections.get(connectionId)?.settings['stockLocation'];
  return typeof set === 'string' && set.trim() !== '' ? set.trim() : DEFAULT_LOCATION;
}

/** Where an order's stock was taken (its cancellation and returns put it back there), else its connection's location. */
function orderLocation(repos: Repositories, connectionId: string, orderId: string): string {
  return repos.inventory.moves(orderId).find((m) => m.key === PLACED)?.location ?? stockLocationOf(repos, connectionId);
}

/** Applies a movement's lines to stock and says it as a timeline entry (the counts after it). */
function move(repos: Repositories, connectionId: string, orderId: string, key: string, reason: TimelineDataOf<'inventory'>['reason'], lines: MoveLine[], atMs: number): TimelineData | null {
  const location = orderLocation(repos, connectionId, orderId);
  if (!repos.inventory.recordMove({ orderId, key, reason, location, lines, atMs })) return null;
  const now = new Date(atMs).toISOString();
  return {
    kind: 'inventory', reason, location,
    lines: lines.map((l) => ({ sku: l.sku, delta: l.delta, onHand: repos.inventory.adjust(connectionId, l.sku, location, l.delta, now) })),
  };
}

/**
 * What a marketplace order's new state means for stock and returns, as timeline entries (call
 * in the delivery's transaction, for a delivery that was not stale): its stock taken the first
 * time it is seen live; put back once on cancellation unless processed at the store (then the
 * entry says nothing was restocked, and why); a return reported by the marketplace said, and
 * nothing restocked.
 */
export function marketplaceStockEntries(repos: Repositories, connectionId: string, orderId: string, before: Order | null, after: Order, atMs: number): TimelineData[] {
  const out: TimelineData[] = [];
  const moves = repos.inventory.moves(orderId);
  const placed = moves.find((m) => m.key === PLACED);
  if (!after.cancelledAt && !placed) {
    const lines = [...skuQuantities(after)].map(([sku, q]) => ({ sku, delta: -q.quantity }));
    const entry = lines.length > 0 ? move(repos, connectionId, orderId, PLACED, 'order_placed', lines, atMs) : null;
    if (entry) out.push(entry);
  }
  if (after.cancelledAt && placed && !moves.some((m) => m.key === CANCELLED)) {
    if (repos.inventory.processAtStore(orderId)) {
      repos.inventory.recordMove({ orderId, key: CANCELLED, reason: 'cancelled', location: placed.location, lines: [], atMs });
      out.push({ kind: 'inventory', reason: 'cancelled', location: placed.location, lines: [], skipped: 'processed_at_store' });
    } else {
      const entry = move(repos, connectionId, orderId, CANCELLED, 'cancelled', placed.lines.map((l) => ({ sku: l.sku, delta: -l.delta })), atMs);
      if (entry) out.push(entry);
    }
  }
  const r = after.returns;
  const had = before?.returns;
  const quantity = (x: typeof r) => (x?.lines ?? []).reduce((n, l) => n + l.quantity, 0);
  if (r && (r.status !== had?.status || quantity(r) !== quantity(had) || r.refundedAmount !== had?.refundedAmount)) {
    out.push({ kind: 'return', status: r.status, refundedAmount: r.refundedAmount, currency: after.currency, quantity: quantity(r) });
  }
  return out;
}

/** Per SKU: how many the merchant recorded as returned, and how many the cancellation put back. */
export function restockedBySku(repos: Repositories, orderId: string): { returned: Map<string, number>; cancelled: Map<string, number> } {
  const returned = new Map<string, number>();
  const cancelled = new Map<string, number>();
  for (const m of repos.inventory.moves(orderId)) {
    const into = m.key === CANCELLED ? cancelled : m.key.startsWith(RETURN_PREFIX) ? returned : null;
    if (into) for (const l of m.lines) into.set(l.sku, (into.get(l.sku) ?? 0) + l.delta);
  }
  return { returned, cancelled };
}

/**
 * The merchant records a return: each SKU's quantity back in stock, in one movement of its own.
 * Refused, restocking nothing, for a SKU the order does not have or past what is left to return
 * (the order's quantity less returns already recorded and what its cancellation put back).
 */
export function recordReturn(repos: Repositories, connectionId: string, orderId: string, order: Order, asked: { sku: string; quantity: number }[], atMs: number): TimelineData {
  const have = skuQuantities(order);
  const { returned, cancelled } = restockedBySku(repos, orderId);
  const wanted = new Map<string, number>();
  for (const l of asked) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.quantity);
  for (const [sku, quantity] of wanted) {
    const line = have.get(sku);
    if (!line) throw new EngineError('refused', `order ${order.number} has no item with SKU "${sku}"`);
    const left = line.quantity - (returned.get(sku) ?? 0) - (cancelled.get(sku) ?? 0);
    if (quantity > left) throw new EngineError('refused', `only ${left} of SKU "${sku}" can still be returned on order ${order.number} (${line.quantity} ordered)`);
  }
  const key = `${RETURN_PREFIX}${repos.inventory.moves(orderId).filter((m) => m.key.startsWith(RETURN_PREFIX)).length + 1}`;
  const entry = move(repos, connectionId, orderId, key, 'return_recorded', [...wanted].map(([sku, delta]) => ({ sku, delta })), atMs);
  if (!entry) throw new EngineError('refused', 'another return was recorded for this order at the same time: try again');
  return entry;
}
