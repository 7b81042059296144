import type { TimelineData, TimelineEntryDto } from '../contract/index.ts';
import type { TimelineRepo } from '../storage/repos/timeline-repo.ts';

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
  };
}
export type Timeline = ReturnType<typeof createTimeline>;
