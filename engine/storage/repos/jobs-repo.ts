import type { Db } from '../database.ts';
import type { JobState } from '../../contract/index.ts';

export interface JobRow {
  id: number;
  kind: string;
  payload: string;
  idempotencyKey: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

interface RawRow {
  id: number;
  kind: string;
  payload: string;
  idempotency_key: string | null;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

const toRow = (r: RawRow): JobRow => ({
  id: r.id,
  kind: r.kind,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  state: r.state,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createJobsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO jobs (kind, payload, idempotency_key, state, max_attempts, run_at, created_at, updated_at)
    VALUES (?, ?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`);
  const byKey = db.prepare('SELECT id FROM jobs WHERE idempotency_key = ?');
  const insertLeased = db.prepare(`INSERT INTO jobs (kind, payload, idempotency_key, state, attempts, max_attempts, run_at,
      lease_owner, lease_until, created_at, updated_at)
    VALUES (?, ?, ?, 'leased', 1, ?, ?, ?, ?, ?, ?)`);
  // The oldest due job; failing that, one whose lease ran out under another owner. Two
  // queries, each served by the (state, run_at) index: an OR of both made SQLite sort
  // the whole backlog on every lease.
  const leaseDue = db.prepare(`UPDATE jobs SET state = 'leased', lease_owner = @owner, lease_until = @until,
      attempts = attempts + 1, updated_at = @now
    WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= @now ORDER BY run_at, id LIMIT 1)
    RETURNING *`);
  const leaseExpired = db.prepare(`UPDATE jobs SET state = 'leased', lease_owner = @owner, lease_until = @until,
      attempts = attempts + 1, updated_at = @now
    WHERE id = (SELECT id FROM jobs WHERE state = 'leased' AND lease_until < @now AND lease_owner <> @owner
      ORDER BY lease_until LIMIT 1)
    RETURNING *`);
  const leaseMany = db.prepare(`UPDATE jobs SET state = 'leased', lease_owner = @owner, lease_until = @until,
      attempts = attempts + 1, updated_at = @now
    WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= @now AND kind = @kind ORDER BY run_at, id LIMIT @n)
    RETURNING *`);
  const complete = db.prepare(
    "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND state = 'leased'",
  );
  const reschedule = db.prepare(`UPDATE jobs SET state = @state, run_at = @runAt, last_error = @error,
    lease_owner = NULL, lease_until = NULL, updated_at = @now WHERE id = @id AND state = 'leased'`);
  const reclaim = db.prepare(`UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = ?
    WHERE state = 'leased' AND lease_owner <> ?`);
  const byId = db.prepare('SELECT * FROM jobs WHERE id = ?');
  const nextDue = db.prepare("SELECT MIN(run_at) AS at FROM jobs WHERE state = 'queued'");
  const counts = db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state');
  const list = db.prepare('SELECT * FROM jobs WHERE (@state IS NULL OR state = @state) ORDER BY id DESC LIMIT @limit');
  const requeue = db.prepare(
    "UPDATE jobs SET state = 'queued', attempts = 0, run_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'",
  );

  return {
    /** Adds a job; with an idempotency key already present, returns the existing job's id. */
    insert(kind: string, payload: string, key: string | null, maxAttempts: number, runAt: number, now: number): number {
      const info = insert.run(kind, payload, key, maxAttempts, runAt, now, now);
      if (info.changes === 1) return Number(info.lastInsertRowid);
      return (byKey.get(key) as { id: number }).id;
    },
    insertLeased(kind: string, payload: string, key: string | null, maxAttempts: number, owner: string, leaseUntil: number, now: number): number {
      return Number(insertLeased.run(kind, payload, key, maxAttempts, now, owner, leaseUntil, now, now).lastInsertRowid);
    },
    lease(owner: string, now: number, leaseMs: number): JobRow | undefined {
      const params = { owner, now, until: now + leaseMs };
      const r = (leaseDue.get(params) ?? leaseExpired.get(params)) as RawRow | undefined;
      return r && toRow(r);
    },
    leaseMany(kind: string, owner: string, now: number, leaseMs: number, n: number): JobRow[] {
      return (leaseMany.all({ kind, owner, now, until: now + leaseMs, n }) as RawRow[]).map(toRow);
    },
    complete(id: number, now: number): boolean {
      return complete.run(now, id).changes === 1;
    },
    reschedule(id: number, state: 'queued' | 'dead', runAt: number, error: string, now: number): void {
      reschedule.run({ id, state, runAt, error, now });
    },
    reclaimFromOthers(owner: string, now: number): number {
      return reclaim.run(now, owner).changes;
    },
    get(id: number): JobRow | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRow(r);
    },
    nextDueAt(): number | null {
      return (nextDue.get() as { at: number | null }).at;
    },
    counts(): Record<JobState, number> {
      const out: Record<JobState, number> = { queued: 0, leased: 0, done: 0, dead: 0 };
      for (const r of counts.all() as { state: JobState; n: number }[]) out[r.state] = r.n;
      return out;
    },
    list(state: JobState | null, limit: number): JobRow[] {
      return (list.all({ state, limit }) as RawRow[]).map(toRow);
    },
    requeueDead(id: number, now: number): boolean {
      return requeue.run(now, now, id).changes === 1;
    },
  };
}
export type JobsRepo = ReturnType<typeof createJobsRepo>;
