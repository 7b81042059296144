import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  afterEach(() => vi.useRealTimers());

  it('gives ids that sort as they were made, so new rows land at the end of the indexes they lead', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const made: string[] = [];
    for (let i = 0; i < 500; i++) {
      vi.setSystemTime(Date.UTC(2026, 11, 7) + i * 7);
      made.push(newId('ord'));
    }
    expect([...made].sort()).toEqual(made);
    // A year later still sorts after.
    vi.setSystemTime(Date.UTC(2027, 11, 7));
    expect(newId('ord') > made.at(-1)!).toBe(true);
  });

  it('never repeats, even for many ids in one millisecond', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 7));
    const ids = Array.from({ length: 100_000 }, () => newId('run'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^run_[0-9a-z]{16}$/);
  });
});
