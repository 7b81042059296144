import type { Db } from '../database.ts';
import type { CanonicalEvent } from '../../contract/index.ts';
import { parseDeliveryEvents, type StoredEventRow } from './events-repo.ts';

/**
 * The canonical events one delivery gave rise to, in the order they were derived: what a
 * template preview "against a past delivery" renders over (the order as that delivery left it).
 * Kept apart from events-repo so the preview can read it without widening that repository.
 */
export function createDeliveryEventsQuery(db: Db) {
  const byInbox = db.prepare('SELECT id, order_id AS orderId, payload, order_from FROM events WHERE inbox_id = ? ORDER BY id');
  return {
    of(inboxId: number): { orderId: string | null; event: CanonicalEvent }[] {
      const rows = byInbox.all(inboxId) as (StoredEventRow & { orderId: string | null })[];
      return parseDeliveryEvents(rows).map(({ row, event }) => ({ orderId: row.orderId, event }));
    },
  };
}
export type DeliveryEventsQuery = ReturnType<typeof createDeliveryEventsQuery>;
