import type { Db } from '../database.ts';
import type { CanonicalEvent } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

interface EventRow {
  id: number;
  orderId: string | null;
  payload: string;
  /** The event of the same delivery whose payload holds this one's order, or null (0028). */
  order_from: number | null;
}

/**
 * The canonical events one delivery gave rise to, in the order they were derived: what a
 * template preview "against a past delivery" renders over (the order as that delivery left it)
 * and what a replay compares. Each gets its order back from the event that holds it, which is
 * among them. Kept apart from events-repo so the preview can read it without widening that repository.
 */
export function createDeliveryEventsQuery(db: Db) {
  const byInbox = db.prepare('SELECT id, order_id AS orderId, payload, order_from FROM events WHERE inbox_id = ? ORDER BY id');
  return {
    of(inboxId: number): { id: number; orderId: string | null; event: CanonicalEvent }[] {
      const byId = new Map<number, CanonicalEvent>();
      return (byInbox.all(inboxId) as EventRow[]).map((r) => {
        const event = parseStored<CanonicalEvent>(r.payload, undefined as unknown as CanonicalEvent);
        if (r.order_from !== null) event.order = byId.get(r.order_from)?.order as CanonicalEvent['order'];
        byId.set(r.id, event);
        return { id: r.id, orderId: r.orderId, event };
      });
    },
  };
}
export type DeliveryEventsQuery = ReturnType<typeof createDeliveryEventsQuery>;
