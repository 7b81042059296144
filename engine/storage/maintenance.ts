import { setImmediate } from 'node:timers/promises';
import type { MaintenanceReportDto, StorageSettings } from '../contract/index.ts';
import type { Db } from './database.ts';

const BATCH = 500;
/** Pages given back to the disk per incremental vacuum step (1 MB: each moves pages and their pointers). */
const VACUUM_PAGES = 256;

/** Upkeep left off between two steps because the engine is stopping (what was done stays done). */
export class UpkeepStopped extends Error {
  override name = 'UpkeepStopped';
  constructor() {
    super('storage upkeep stopped: the engine is stopping');
  }
}

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
 * Each batch is its own short transaction so webhooks keep being answered meanwhile.
 */
export function createMaintenance(db: Db, stopping: () => boolean = () => false) {
  const pruneBodiesBefore = db.prepare(`UPDATE inbox SET body = NULL, body_pruned_at = @now
    WHERE id IN (SELECT id FROM inbox WHERE body IS NOT NULL AND received_at <= @before AND processing NOT IN ('pending', 'failed')
      ORDER BY received_at LIMIT ${BATCH})`);
  const oldestRuns = db.prepare(`SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at <= @before ORDER BY finished_at LIMIT ${BATCH}`);
  const deleteSteps = db.prepare('DELETE FROM run_steps WHERE run_id = ?');
  const deleteRun = db.prepare('DELETE FROM runs WHERE id = ?');
  const orphanEvents = db.prepare(`DELETE FROM events WHERE id IN (SELECT e.id FROM events e
    WHERE e.created_at < @before AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = e.id) ORDER BY e.created_at LIMIT ${BATCH})`);
  const doneJobs = db.prepare(`DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = 'done' AND updated_at < @before LIMIT ${BATCH})`);

  /** Repeats a batch until it does less than a full one, letting the event loop in between. */
  async function repeat(step: () => number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = step();
      total += n;
      if (n < BATCH) return total;
      await setImmediate();
      if (stopping()) throw new UpkeepStopped();
    }
  }
  const pruneBodies = (before: string, now: string) => repeat(() => db.transaction(() => pruneBodiesBefore.run({ before, now }).changes).immediate());
  const pruneRuns = (before: string) =>
    repeat(() =>
      db.transaction(() => {
        const ids = (oldestRuns.all({ before }) as { id: string }[]).map((r) => r.id);
        for (const id of ids) {
          deleteSteps.run(id);
          deleteRun.run(id);
        }
        return ids.length;
      }).immediate(),
    );

  return {
    /**
     * `checkpoint` copies the WAL into the database (on the checkpoint thread, so the copy
     * does not hold the event loop), which lets the vacuumed file shrink. Every step is a short
     * transaction with the event loop let in between.
     */
    async run(settings: StorageSettings, nowMs: number, checkpoint: () => Promise<void>): Promise<MaintenanceReportDto> {
      const now = new Date(nowMs).toISOString();
      const days = (n: number) => new Date(nowMs - n * 86_400_000).toISOString();
      let rawBodiesRemoved = await pruneBodies(days(settings.rawBodyRetentionDays), now);
      let runsRemoved = await pruneRuns(days(settings.runLogRetentionDays));
      await repeat(() => orphanEvents.run({ before: days(settings.runLogRetentionDays) }).changes);
      const jobsRemoved = await repeat(() => doneJobs.run({ before: nowMs - 86_400_000 }).changes);

      // Over budget: walk the cut-off forward a day at a time, bodies first, then run logs.
      const budget = settings.budgetMb * 1024 * 1024;
      for (let d = settings.rawBodyRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) rawBodiesRemoved += await pruneBodies(days(d), now);
      for (let d = settings.runLogRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) runsRemoved += await pruneRuns(days(d));

      // Free pages go back to the disk a slice at a time (each slice rewrites pages).
      const freeBefore = db.pragma('freelist_count', { simple: true }) as number;
      for (let free = freeBefore; free > 0; ) {
        db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
        const left = db.pragma('freelist_count', { simple: true }) as number;
        if (left >= free) break;
        free = left;
        await setImmediate();
        if (stopping()) throw new UpkeepStopped();
      }
      const pagesFreed = freeBefore - (db.pragma('freelist_count', { simple: true }) as number);
      await checkpoint();
      return { at: now, rawBodiesRemoved, runsRemoved, jobsRemoved, pagesFreed, overBudget: usedBytes(db) > budget };
    },
  };
}
