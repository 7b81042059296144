import type { MaintenanceReportDto, StorageSettings } from '../contract/index.ts';
import type { Db } from './database.ts';

const BATCH = 2_000;

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
export function createMaintenance(db: Db) {
  const pruneBodiesBefore = db.prepare(`UPDATE inbox SET body = NULL, body_pruned_at = @now
    WHERE id IN (SELECT id FROM inbox WHERE received_at <= @before AND body IS NOT NULL AND processing NOT IN ('pending', 'failed')
      ORDER BY id LIMIT ${BATCH})`);
  const oldestRuns = db.prepare(`SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at <= @before ORDER BY finished_at LIMIT ${BATCH}`);
  const deleteSteps = db.prepare('DELETE FROM run_steps WHERE run_id = ?');
  const deleteRun = db.prepare('DELETE FROM runs WHERE id = ?');
  const orphanEvents = db.prepare(`DELETE FROM events WHERE id IN (SELECT e.id FROM events e
    WHERE e.created_at < @before AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = e.id) LIMIT ${BATCH})`);
  const doneJobs = db.prepare(`DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = 'done' AND updated_at < @before LIMIT ${BATCH})`);

  function repeat(step: () => number): number {
    let total = 0;
    for (;;) {
      const n = step();
      total += n;
      if (n < BATCH) return total;
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
    run(settings: StorageSettings, nowMs: number): MaintenanceReportDto {
      const now = new Date(nowMs).toISOString();
      const days = (n: number) => new Date(nowMs - n * 86_400_000).toISOString();
      let rawBodiesRemoved = pruneBodies(days(settings.rawBodyRetentionDays), now);
      let runsRemoved = pruneRuns(days(settings.runLogRetentionDays));
      repeat(() => orphanEvents.run({ before: days(settings.runLogRetentionDays) }).changes);
      const jobsRemoved = repeat(() => doneJobs.run({ before: nowMs - 86_400_000 }).changes);

      // Over budget: walk the cut-off forward a day at a time, bodies first, then run logs.
      const budget = settings.budgetMb * 1024 * 1024;
      for (let d = settings.rawBodyRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) rawBodiesRemoved += pruneBodies(days(d), now);
      for (let d = settings.runLogRetentionDays - 1; d >= 0 && usedBytes(db) > budget; d--) runsRemoved += pruneRuns(days(d));

      const freeBefore = db.pragma('freelist_count', { simple: true }) as number;
      db.pragma('incremental_vacuum');
      const pagesFreed = freeBefore - (db.pragma('freelist_count', { simple: true }) as number);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { at: now, rawBodiesRemoved, runsRemoved, jobsRemoved, pagesFreed, overBudget: usedBytes(db) > budget };
    },
  };
}
