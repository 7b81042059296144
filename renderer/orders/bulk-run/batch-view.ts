import type { RunBatchDto } from '../../../engine/contract/index.ts';

/** The parts of the bar, in the order they are drawn; each names its i18n key. */
export const segmentKeys = ['done', 'skipped', 'failed', 'cancelled', 'waiting'] as const;
export type SegmentKey = (typeof segmentKeys)[number];

export interface BatchView {
  total: number;
  /** Runs that have ended one way or another: done, skipped, failed or cancelled. */
  settled: number;
  /** Runs not ended and not parked: queued or under way (a run under way may still read "queued"). */
  toGo: number;
  waiting: number;
  /** Each part of the bar as a share of the whole, 0 to 100. */
  segments: { key: SegmentKey; count: number; percent: number }[];
  /**
   * Some runs have not started and Cancel has not been pressed. After it, the runs still
   * "queued" are those a worker had already taken: they finish, so Cancel is not offered again.
   */
  cancellable: boolean;
  /** Every run has ended (a batch with waiting runs is finished for the engine, but not over). */
  over: boolean;
}

/** What the progress panel shows of a batch. */
export function batchView(b: RunBatchDto): BatchView {
  const counts: Record<SegmentKey, number> = { done: b.done, skipped: b.skipped, failed: b.failed, cancelled: b.cancelled, waiting: b.waiting };
  const settled = b.done + b.skipped + b.failed + b.cancelled;
  const toGo = b.queued + b.running;
  const share = (n: number) => (b.total === 0 ? 0 : (n / b.total) * 100);
  return {
    total: b.total,
    settled,
    toGo,
    waiting: b.waiting,
    segments: segmentKeys.map((key) => ({ key, count: counts[key], percent: share(counts[key]) })).filter((s) => s.count > 0),
    cancellable: !b.finished && b.queued > 0 && b.cancelledAt === null,
    over: b.finished && b.waiting === 0,
  };
}
