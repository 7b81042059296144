import type { Db } from '../database.ts';
import type { CanonicalEvent } from '../../contract/index.ts';
import { parseStored, stringifyWith } from '../../shared/json.ts';

/** Where an event's order is written: in its own payload (its JSON given), or in an earlier event of the same delivery. */
export type EventOrder = { json: string } | { from: number };

export function createEventsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO events (inbox_id, order_id, type, payload, created_at, order_from) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT payload, order_from FROM events WHERE id = ?');
  const orderOf = db.prepare("SELECT json_extract(payload, '$.order') FROM events WHERE id = ?").pluck();
  const latestForOrder = db.prepare('SELECT id, inbox_id AS inboxId, payload, order_from FROM events WHERE order_id = ? ORDER BY id DESC LIMIT 1');
  /** The payload parsed, its order read from the event holding it when that is another. */
  const withOrder = (payload: string, orderFrom: number | null): CanonicalEvent => {
    const event = parseStored<CanonicalEvent>(payload, undefined as unknown as CanonicalEvent);
    if (orderFrom !== null) event.order = parseStored<CanonicalEvent['order']>(orderOf.get(orderFrom) as string | undefined, event.order);
    return event;
  };
  return {
    /**
     * `order`: the order's JSON when the caller has it already (`JSON.stringify(event.order)`), or
     * the id of an earlier event of the same delivery, in the same transaction, that holds it.
     */
    insert(inboxId: number, orderId: string | null, event: CanonicalEvent, now: string, order?: EventOrder): number {
      let payload: string;
      if (order === undefined) payload = JSON.stringify(event);
      else {
        const { order: _order, ...rest } = event;
        payload = stringifyWith(rest, 'order', 'json' in order ? order.json : 'null');
      }
      const from = order !== undefined && 'from' in order ? order.from : null;
      return Number(insert.run(inboxId, orderId, event.type, payload, now, from).lastInsertRowid);
    },
    /** The order's latest event, with the delivery it came from. */
    latestForOrder(orderId: string): { id: number; inboxId: number; event: CanonicalEvent } | undefined {
      const r = latestForOrder.get(orderId) as { id: number; inboxId: number; payload: string; order_from: number | null } | undefined;
      return r && { id: r.id, inboxId: r.inboxId, event: withOrder(r.payload, r.order_from) };
    },
    get(id: number): CanonicalEvent | undefined {
      const r = byId.get(id) as { payload: string; order_from: number | null } | undefined;
      return r && withOrder(r.payload, r.order_from);
    },
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
