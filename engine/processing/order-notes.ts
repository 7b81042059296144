import type { ApiArgs, ApiResult, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';

/**
 * The merchant's own notes on an order's timeline (issue 14: "manual notes"): a `note` entry
 * written by "you", kept with the order's other entries for as long as the order is. The words
 * were checked by the contract (trimmed, not blank, at most 2000 characters).
 */
export function createOrderNotes(d: { repos: Repositories; timeline: Timeline; bus: EventBus; clock: Clock }) {
  return {
    'timeline.addNote'(a: ApiArgs<'timeline.addNote'>): ApiResult<'timeline.addNote'> {
      if (!d.repos.orders.get(a.orderId)) throw notFound('order', a.orderId);
      const entry: TimelineEntryDto = d.repos.tx(() => d.timeline.append(a.orderId, d.clock.now(), { kind: 'note', text: a.text, by: null, author: 'merchant' }));
      d.bus.emit('timeline.appended', entry);
      return entry;
    },
  };
}
