import type { Db } from '../database.ts';

export interface PlannedJob {
  id: number;
  payload: string;
  runAt: number;
  state: 'queued' | 'leased';
}

/**
 * The planned firings of schedules: jobs of one kind not done yet, found to re-plan them when
 * their flow is turned on, off or changed. The queue knows jobs, not flows; this reads its table
 * for one kind of job, by what the payload says.
 */
export function createScheduleJobsRepo(db: Db) {
  const pending = db.prepare("SELECT id, payload, run_at AS runAt, state FROM jobs WHERE kind = ? AND state IN ('queued', 'leased') ORDER BY run_at");
  const drop = db.prepare("UPDATE jobs SET state = 'done', last_error = ?, updated_at = ? WHERE id = ? AND state = 'queued'");
  return {
    pending(kind: string): PlannedJob[] {
      return pending.all(kind) as PlannedJob[];
    },
    /** Drops a planned job that has not started (it is marked done, with why). */
    drop(id: number, why: string, nowMs: number): boolean {
      return drop.run(why, nowMs, id).changes === 1;
    },
  };
}
export type ScheduleJobsRepo = ReturnType<typeof createScheduleJobsRepo>;
