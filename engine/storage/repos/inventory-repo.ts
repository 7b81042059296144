import type { Db } from '../database.ts';
import { parseStored } from '../../shared/json.ts';

/** One SKU's change in one movement. */
export interface MoveLine {
  sku: string;
  delta: number;
}

export interface InventoryMove {
  orderId: string;
  key: string;
  reason: string;
  location: string;
  lines: MoveLine[];
  atMs: number;
}

interface RawMove {
  order_id: string;
  move_key: string;
  reason: string;
  location: string;
  lines: string;
  at_ms: number;
}

const toMove = (r: RawMove): InventoryMove => ({
  orderId: r.order_id, key: r.move_key, reason: r.reason, location: r.location, lines: parseStored<MoveLine[]>(r.lines, []), atMs: r.at_ms,
});

/** Stock on hand per (connection, SKU, location), the movements each order made, and the merchant's per-order marketplace choices. */
export function createInventoryRepo(db: Db) {
  const level = db.prepare('SELECT on_hand FROM inventory WHERE connection_id = ? AND sku = ? AND location = ?');
  const levels = db.prepare('SELECT sku, location, on_hand FROM inventory WHERE connection_id = ? ORDER BY sku, location');
  const add = db.prepare(`INSERT INTO inventory (connection_id, sku, location, on_hand, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (connection_id, sku, location) DO UPDATE SET on_hand = on_hand + excluded.on_hand, updated_at = excluded.updated_at
    RETURNING on_hand`);
  const set = db.prepare(`INSERT INTO inventory (connection_id, sku, location, on_hand, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (connection_id, sku, location) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`);
  const insertMove = db.prepare(`INSERT INTO inventory_moves (order_id, move_key, reason, location, lines, at_ms)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, move_key) DO NOTHING`);
  const movesOf = db.prepare('SELECT * FROM inventory_moves WHERE order_id = ? ORDER BY at_ms, move_key');
  const flag = db.prepare('SELECT process_at_store FROM order_marketplace WHERE order_id = ?');
  const setFlag = db.prepare(`INSERT INTO order_marketplace (order_id, process_at_store, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (order_id) DO UPDATE SET process_at_store = excluded.process_at_store, updated_at = excluded.updated_at`);

  return {
    onHand(connectionId: string, sku: string, location: string): number {
      return (level.get(connectionId, sku, location) as { on_hand: number } | undefined)?.on_hand ?? 0;
    },
    list(connectionId: string): { sku: string; location: string; onHand: number }[] {
      return (levels.all(connectionId) as { sku: string; location: string; on_hand: number }[]).map((r) => ({ sku: r.sku, location: r.location, onHand: r.on_hand }));
    },
    /** Adds `delta` (negative to take) and returns the new count. */
    adjust(connectionId: string, sku: string, location: string, delta: number, now: string): number {
      return (add.get(connectionId, sku, location, delta, now) as { on_hand: number }).on_hand;
    },
    set(connectionId: string, sku: string, location: string, onHand: number, now: string): void {
      set.run(connectionId, sku, location, onHand, now);
    },
    /** Records a movement; false when the order already made one with this key (nothing to do again). */
    recordMove(m: InventoryMove): boolean {
      return insertMove.run(m.orderId, m.key, m.reason, m.location, JSON.stringify(m.lines), m.atMs).changes === 1;
    },
    moves(orderId: string): InventoryMove[] {
      return (movesOf.all(orderId) as RawMove[]).map(toMove);
    },
    processAtStore(orderId: string): boolean {
      return (flag.get(orderId) as { process_at_store: number } | undefined)?.process_at_store === 1;
    },
    setProcessAtStore(orderId: string, on: boolean, now: string): void {
      setFlag.run(orderId, on ? 1 : 0, now);
    },
  };
}
export type InventoryRepo = ReturnType<typeof createInventoryRepo>;
