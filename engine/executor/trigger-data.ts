import type { CanonicalEvent, Order, ScheduleFiredEvent } from '../contract/index.ts';
import type { RunStart } from '../nodes/node-type.ts';

/** An event as the events table keeps it: an order's, or a schedule's firing (which has none). */
export type StoredEvent = CanonicalEvent | ScheduleFiredEvent;

/**
 * A run without an order (a schedule's): `TriggerData` types the order as always there, and
 * every reader tells a run without one by its null id (steps that need an order skip, saying
 * why; `{{ order.number }}` is an unknown variable). Only the id is present.
 */
const noOrder = { id: null } as unknown as Order & { id: null };

/**
 * What a run's steps see of its event (`event.*` in templates and conditions): the event's own
 * fields beyond the order: the tags a tag event added (`event.tags`), a manual run's batch, a
 * schedule firing's planned time and whether it came late.
 */
export function triggerDataOf(stored: StoredEvent, orderId: string | null): RunStart['data'] {
  if (stored.type === 'schedule.fired') {
    const s = stored as ScheduleFiredEvent;
    return {
      event: { type: s.type, platform: '', connectionId: '', occurredAt: s.occurredAt, scheduledFor: s.scheduledFor, late: s.late, missed: s.missed, timeZone: s.timeZone } as RunStart['data']['event'],
      order: noOrder,
      previous: null,
    };
  }
  const e = stored as CanonicalEvent;
  return {
    event: {
      type: e.type, platform: e.platform, occurredAt: e.occurredAt, connectionId: e.connectionId,
      ...(e.tags ? { tags: e.tags } : {}),
      ...(e.batchId ? { batchId: e.batchId } : {}),
      ...(e.sequence ? { sequence: e.sequence } : {}),
      ...(e.startedBy ? { startedBy: e.startedBy } : {}),
      // A fulfillment event's FO, step and the service's words (`event.fulfillment.message`).
      ...(e.fulfillment ? { fulfillment: e.fulfillment } : {}),
    } as RunStart['data']['event'],
    order: { ...e.order, id: orderId },
    previous: e.previous,
  };
}
