import type { Db } from '../database.ts';
import type { CanonicalEvent } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

/**
 * The canonical events one delivery gave rise to, in the order they were derived: what a
 * template preview "against a past delivery" renders over (the order as that delivery left it).
 * Kept apart from events-repo so the preview can read it without widening that repository.
 */
export function createDeliveryEventsQuery(db: Db) {
  const byInbox = db.prepare('SELECT order_id AS orderId, payload FROM events WHERE inbox_id = ? ORDER BY id');
  return {
    of(inboxId: number): { orderId: string | null; event: CanonicalEvent }[] {
      const rows = byInbox.all(inboxId) as { orderId: string | null; payload: string }[];
      return rows.map((r) => ({ orderId: r.orderId, event: parseStored<CanonicalEvent>(r.payload, undefined as unknown as CanonicalEvent) }));
    },
  };
}
export type DeliveryEventsQuery = ReturnType<typeof createDeliveryEventsQuery>;
