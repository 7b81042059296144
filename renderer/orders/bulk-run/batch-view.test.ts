import { describe, expect, it } from 'vitest';
import type { RunBatchDto } from '../../../engine/contract/index.ts';
import { batchView } from './batch-view.ts';

const batch = (counts: Partial<RunBatchDto>): RunBatchDto => ({
  id: 'bat_1', flowId: 'flw_1', flowName: 'Tag', flowVersion: 1, dryRun: false, createdAt: '2026-12-01T00:00:00.000Z', cancelledAt: null,
  total: 0, queued: 0, running: 0, waiting: 0, done: 0, skipped: 0, failed: 0, cancelled: 0, finished: false, runIds: [], ...counts,
});

describe('batchView', () => {
  it('counts what has ended, what is to go, and draws only the parts that have runs', () => {
    const v = batchView(batch({ total: 10, done: 4, failed: 1, queued: 3, running: 2 }));
    expect(v).toMatchObject({ total: 10, settled: 5, toGo: 5, cancellable: true, over: false });
    expect(v.segments).toEqual([
      { key: 'done', count: 4, percent: 40 },
      { key: 'failed', count: 1, percent: 10 },
    ]);
  });

  it('is over when finished with nothing waiting; waiting runs keep it going but leave nothing to cancel', () => {
    expect(batchView(batch({ total: 3, done: 2, cancelled: 1, finished: true }))).toMatchObject({ settled: 3, over: true, cancellable: false });
    const parked = batchView(batch({ total: 2, waiting: 2, finished: true }));
    expect(parked).toMatchObject({ settled: 0, toGo: 0, waiting: 2, over: false, cancellable: false });
    expect(parked.segments).toEqual([{ key: 'waiting', count: 2, percent: 100 }]);
  });

  it('offers Cancel once: what still reads "queued" after it had been taken by a worker', () => {
    expect(batchView(batch({ total: 10, cancelled: 6, queued: 4, cancelledAt: '2026-12-01T00:00:01.000Z' })).cancellable).toBe(false);
  });

  it('draws nothing for an empty batch', () => {
    expect(batchView(batch({ finished: true }))).toMatchObject({ total: 0, segments: [], over: true });
  });
});
