import { setImmediate, setTimeout } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { MaintenanceReportDto, StorageSettings } from '../contract/index.ts';
import type { Db } from './database.ts';

/**
 * How long one step may hold the event loop and the write lock. A step is one short
 * transaction (or one slice of vacuum); its size follows what the last one took, so a slow
 * disk or a big row makes the steps smaller rather than the webhooks' answers later. 2 ms, not
 * 4: at 1,000,000 deliveries under full load the answers' p99 during upkeep was 28 ms against 39
 * (two runs each), the upkeep as long, and the ingest rate during it no lower.
 */
const STEP_TARGET_MS = 2;
/** While webhooks arrive, upkeep takes at most this share of the event loop's time. */
const BUSY_SHARE = 1 / 3;

/** Upkeep left off between two steps because the engine is stopping (what was done stays done). */
export class UpkeepStopped extends Error {
  override name = 'UpkeepStopped';
  constructor() {
    super('storage upkeep stopped: the engine is stopping');
  }
}

export interface UpkeepPacing {
  /** True while the engine is stopping: upkeep leaves off after the step under way. */
  stopping(): boolean;
  /** True while webhooks arrive: upkeep then waits between steps so they are answered first. */
  busy(): boolean;
}

/** Rows (or pages) a step works on: halved when a step took longer than the target, doubled when it took under half. */
function stepSize(initial: number, min: number, max: number) {
  let size = initial;
  return {
    get: () => size,
    took(ms: number): void {
      if (ms > STEP_TARGET_MS) size = Math.max(min, Math.floor(size / 2));
      else if (ms < STEP_TARGET_MS / 2) size = Math.min(max, size * 2);
    },
  };
}
type StepSize = ReturnType<typeof stepSize>;

/** Bytes the database's pages hold, free pages excluded. */
export function usedBytes(db: Db): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * pageSize;
}

/**
 * Retention and the size budget. Raw bodies go first (the delivery's record, verdict and
 * timeline stay), then run logs (runs, their steps and the events only they used); the order
 * timeline is never touched. Bodies of deliveries not yet processed are never removed.
 * Each step is its own short transaction (about STEP_TARGET_MS), and while webhooks arrive the
 * steps are spaced out so upkeep takes at most BUSY_SHARE of the event loop: an upkeep over a
 * big database takes longer under load, and the answers to webhooks barely notice it.
 */
export function createMaintenance(db: Db, pacing: UpkeepPacing = { stopping: () => false, busy: () => false }) {
  // The rows whose bytes are still kept, oldest first (inbox_body_kept, 0026).
  const keptBodies = db.prepare(`SELECT id FROM inbox WHERE body_pruned_at IS NULL AND verdict <> 'too_large'
    AND received_at <= @before AND processing NOT IN ('pending', 'failed') ORDER BY received_at LIMIT @limit`).pluck();
  const deleteBody = db.prepare('DELETE FROM inbox_bodies WHERE inbox_id = ?');
  const markPruned = db.prepare('UPDATE inbox SET body_pruned_at = ? WHERE id = ?');
  const oldestRuns = db.prepare('SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at <= @before ORDER BY finished_at LIMIT @limit');
  const deleteSteps = db.prepare('DELETE FROM run_steps WHERE run_id = ?');
  const deleteRun = db.prepare('DELETE FROM runs WHERE id = ?');
  // An event no run uses, unless another event of its delivery still reads its order from it (0028).
  const orphanEvents = db.prepare(`DELETE FROM events WHERE id IN (SELECT e.id FROM events e
    WHERE e.created_at < @before AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = e.id)
      AND (e.inbox_id = 0 OR NOT EXISTS (SELECT 1 FROM events x WHERE x.inbox_id = e.inbox_id AND x.order_from = e.id))
    ORDER BY e.created_at LIMIT @limit)`);
  const doneJobs = db.prepare(`DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = 'done' AND updated_at < @before LIMIT @limit)`);
  // Each kind starts small (a cold page can take milliseconds to read) and grows while its steps are quick.
  const sizes = { bodies: stepSize(16, 4, 500), runs: stepSize(8, 2, 500), rows: stepSize(32, 8, 1000), pages: stepSize(32, 8, 1024) };
  const tally = { steps: 0, longestMs: 0 };

  /** One step, timed: its size follows how long it took. */
  function timed<T>(size: StepSize, step: (limit: number) => T): { result: T; limit: number; ms: number } {
    const limit = size.get();
    const t0 = performance.now();
    const result = step(limit);
    const ms = performance.now() - t0;
    size.took(ms);
    tally.steps++;
    tally.longestMs = Math.max(tally.longestMs, ms);
    return { result, limit, ms };
  }

  /** Between two steps: the event loop is let in, and while webhooks arrive, for twice as long as the step took. */
  async function pause(ms: number): Promise<void> {
    if (pacing.busy()) await setTimeout(Math.max(1, ms * (1 / BUSY_SHARE - 1)));
    else await setImmediate();
    if (pacing.stopping()) throw new UpkeepStopped();
  }

  /** Repeats a step until it does less than a full one. */
  async function repeat(size: StepSize, step: (limit: number) => number): Promise<number> {
    let total = 0;
    for (;;) {
      const { result: n, limit, ms } = timed(size, step);
      total += n;
      if (n < limit) return total;
      await pause(ms);
    }
  }
  const pruneBodies = (before: string, now: string) =>
    repeat(sizes.bodies, (limit) =>
      db.transaction(() => {
        const ids = keptBodies.all({ before, limit }) as number[];
        for (const id of ids) {
          deleteBody.run(id);
          markPruned.run(now, id);
        }
        return ids.length;
      }).immediate(),
    );
  const pruneRuns = (before: string) =>
    repeat(sizes.runs, (limit) =>
      db.transaction(() => {
        const ids = (oldestRuns.all({ before, limit }) as { id: string }[]).map((r) => r.id);
        for (const id of ids) {
          deleteSteps.run(id);
          deleteRun.run(id);
        }
        return ids.length;
      }).immediate(),
    );
  const freePages = () => db.pragma('freelist_count', { simple: true }) as number;

  return {
    /**
     * `checkpoint` copies the WAL into the database (on the checkpoint thread, so the copy
     * does not hold the event loop), which lets the vacuumed file shrink.
     */
    async run(settings: StorageSettings, nowMs: number, checkpoint: () => Promise<void>): Promise<MaintenanceReportDto> {
      const started = performance.now();
      tally.steps = 0;
      tally.longestMs = 0;
      const now = new Date(nowMs).toISOString();
      const days = (n: number) => new Date(nowMs - n * 86_400_000).toISOString();
      let rawBodiesRemoved = await pruneBodies(days(settings.rawBodyRetentionDays), now);
      let runsRemoved = await pruneRuns(days(settings.runLogRetentionDays));
      await repeat(sizes.rows, (limit) => orphanEvents.run({ before: days(settings.runLogRetentionDays), limit }).changes);
      const jobsRemoved = await repeat(sizes.rows, (limit) => doneJobs.run({ before: nowMs - 86_400_000, limit }).changes);

      // Over budget: walk the cut-off forward a day at a time, bodies first, then run logs.
      const budget = settings.budgetMb * 1024 * 1024;
      for (let d = settings.rawBodyRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) rawBodiesRemoved += await pruneBodies(days(d), now);
      for (let d = settings.runLogRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) runsRemoved += await pruneRuns(days(d));

      // Free pages go back to the disk a slice at a time (each slice moves pages and rewrites their pointers).
      const freeBefore = freePages();
      for (;;) {
        const { result: freed, ms } = timed(sizes.pages, function vacuum(pages) {
          const before = freePages();
          db.pragma(`incremental_vacuum(${pages})`);
          return before - freePages();
        });
        if (freed <= 0) break;
        await pause(ms);
      }
      const pagesFreed = freeBefore - freePages();
      await checkpoint();
      return {
        at: now, rawBodiesRemoved, runsRemoved, jobsRemoved, pagesFreed, overBudget: usedBytes(db) > budget,
        steps: tally.steps, longestStepMs: Math.round(tally.longestMs * 10) / 10, tookMs: Math.round(performance.now() - started),
      };
    },
  };
}
