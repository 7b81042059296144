import type { Db } from '../database.ts';
import { FulfillmentOrder } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface StoredFo {
  connectionId: string;
  orderId: string;
  fo: FulfillmentOrder;
  updatedMs: number;
}

interface RawRow {
  connection_id: string;
  platform_fo_id: string;
  order_id: string;
  state: string;
  updated_ms: number;
}

/** An FO as stored; null when its JSON no longer reads as one (never thrown: one bad row must not hide an order's others). */
function toStored(r: RawRow): StoredFo | null {
  const parsed = FulfillmentOrder.safeParse(parseStored<unknown>(r.state, null));
  return parsed.success ? { connectionId: r.connection_id, orderId: r.order_id, fo: parsed.data, updatedMs: r.updated_ms } : null;
}

/** An order's fulfillment orders (issue 14), as Flowdesk last knew them. */
export function createFulfillmentOrdersRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM fulfillment_orders WHERE connection_id = ? AND platform_fo_id = ?');
  const byOrder = db.prepare('SELECT * FROM fulfillment_orders WHERE order_id = ? ORDER BY position, platform_fo_id');
  const nextPosition = db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM fulfillment_orders WHERE order_id = ?').pluck();
  const upsert = db.prepare(`INSERT INTO fulfillment_orders (connection_id, platform_fo_id, order_id, state, position, updated_ms)
    VALUES (@connectionId, @foId, @orderId, @state, @position, @updatedMs)
    ON CONFLICT (connection_id, platform_fo_id) DO UPDATE SET order_id = excluded.order_id, state = excluded.state, updated_ms = excluded.updated_ms`);
  return {
    get(connectionId: string, foId: string): StoredFo | null {
      const row = byId.get(connectionId, foId) as RawRow | undefined;
      return row ? toStored(row) : null;
    },
    /** The order's FOs, in the order they were first seen (a replacement after its original). */
    forOrder(orderId: string): StoredFo[] {
      return (byOrder.all(orderId) as RawRow[]).map(toStored).filter((s): s is StoredFo => s !== null);
    },
    /** Stores an FO's state (new ones after the order's others). */
    put(connectionId: string, orderId: string, fo: FulfillmentOrder, nowMs: number): void {
      const existing = byId.get(connectionId, fo.id) as RawRow | undefined;
      upsert.run({ connectionId, foId: fo.id, orderId, state: JSON.stringify(fo), position: existing ? 0 : (nextPosition.get(orderId) as number), updatedMs: nowMs });
    },
  };
}
export type FulfillmentOrdersRepo = ReturnType<typeof createFulfillmentOrdersRepo>;
