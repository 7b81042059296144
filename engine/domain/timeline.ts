import type { TimelineCursor, TimelineData, TimelineEntryDto, TimelineKind, TimelinePageDto } from '../contract/index.ts';
import type { TimelineRepo } from '../storage/repos/timeline-repo.ts';

/** What a page asks for, as the API passes it (defaults filled in). */
export interface TimelinePageArgs {
  kinds?: TimelineKind[] | undefined;
  before?: TimelineCursor | undefined;
  limit: number;
}

const toCursor = (p: { atMs: number; id: number }): TimelineCursor => `${p.atMs}.${p.id}`;
function fromCursor(c: TimelineCursor): { atMs: number; id: number } {
  const [atMs, id] = c.split('.').map(Number) as [number, number];
  return { atMs, id };
}

export interface TimelineRefs {
  /** The delivery it came from. */
  inboxId?: number | null;
  /** The run that did it. */
  runId?: string | null;
}

/**
 * The one writer of order timelines: processing (deliveries, status changes), the run store
 * (runs and steps) and the in-app connector (tags, notes) all append through it. Entries are
 * typed facts (contract/timeline.ts); the words are the renderer's.
 */
export function createTimeline(repo: TimelineRepo) {
  return {
    append(orderId: string, atMs: number, data: TimelineData, refs: TimelineRefs = {}): TimelineEntryDto {
      return repo.append({ orderId, atMs, data, inboxId: refs.inboxId ?? null, runId: refs.runId ?? null });
    },
    forOrder: (orderId: string): TimelineEntryDto[] => repo.forOrder(orderId),
    /**
     * A page of these orders' timelines joined (one order's, or a customer's orders'): read newest
     * first from the cursor, answered oldest first as the timeline is read.
     */
    page(orderIds: readonly string[], a: TimelinePageArgs): TimelinePageDto {
      const { entries, last, more } = repo.page(orderIds, { kinds: a.kinds ?? [], before: a.before ? fromCursor(a.before) : null, limit: a.limit });
      return { entries: entries.reverse(), nextCursor: more && last ? toCursor(last) : null, counts: repo.counts(orderIds) };
    },
    /** The newest message steps of these orders (the customer page's "messages"). */
    messageSteps: (orderIds: readonly string[], limit: number): TimelineEntryDto[] => repo.messageSteps(orderIds, limit),
  };
}
export type Timeline = ReturnType<typeof createTimeline>;
