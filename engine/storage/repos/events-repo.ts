import type { Db } from '../database.ts';
import type { CanonicalEvent } from '../../contract/index.ts';
import { parseStored, stringifyWith } from '../../shared/json.ts';

export function createEventsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO events (inbox_id, order_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT payload FROM events WHERE id = ?');
  const latestForOrder = db.prepare('SELECT id, inbox_id AS inboxId, payload FROM events WHERE order_id = ? ORDER BY id DESC LIMIT 1');
  return {
    /** `orderJson`: `JSON.stringify(event.order)`, when the caller has it already. */
    insert(inboxId: number, orderId: string | null, event: CanonicalEvent, now: string, orderJson?: string): number {
      let payload: string;
      if (orderJson === undefined) payload = JSON.stringify(event);
      else {
        const { order: _order, ...rest } = event;
        payload = stringifyWith(rest, 'order', orderJson);
      }
      return Number(insert.run(inboxId, orderId, event.type, payload, now).lastInsertRowid);
    },
    /** The order's latest event, with the delivery it came from. */
    latestForOrder(orderId: string): { id: number; inboxId: number; event: CanonicalEvent } | undefined {
      const r = latestForOrder.get(orderId) as { id: number; inboxId: number; payload: string } | undefined;
      return r && { id: r.id, inboxId: r.inboxId, event: JSON.parse(r.payload) as CanonicalEvent };
    },
    get(id: number): CanonicalEvent | undefined {
      const r = byId.get(id) as { payload: string } | undefined;
      return r && parseStored<CanonicalEvent>(r.payload, undefined as unknown as CanonicalEvent);
    },
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
