import type { Db } from '../database.ts';
import type { RunStatus } from '../../contract/index.ts';

export interface RunBatchRow {
  id: string;
  flowId: string;
  flowVersion: number;
  dryRun: boolean;
  createdAt: string;
  cancelledAt: string | null;
}

/** Batches of runs started by hand, and their runs (runs.batch_id). */
export function createRunBatchesRepo(db: Db) {
  const insert = db.prepare('INSERT INTO run_batches (id, flow_id, flow_version, dry_run, created_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare(`SELECT id, flow_id AS flowId, flow_version AS flowVersion, dry_run AS dryRun, created_at AS createdAt,
    cancelled_at AS cancelledAt FROM run_batches WHERE id = ?`);
  const setBatch = db.prepare('UPDATE runs SET batch_id = ? WHERE id = ?');
  const counts = db.prepare('SELECT status, COUNT(*) AS n FROM runs WHERE batch_id = ? GROUP BY status');
  const runIds = db.prepare('SELECT id FROM runs WHERE batch_id = ? ORDER BY rowid');
  const queued = db.prepare("SELECT id, order_id AS orderId FROM runs WHERE batch_id = ? AND status = 'queued' ORDER BY rowid");
  const cancelRun = db.prepare("UPDATE runs SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ? AND status = 'queued'");
  const markCancelled = db.prepare('UPDATE run_batches SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?');

  return {
    insert(b: Omit<RunBatchRow, 'cancelledAt'>): void {
      insert.run(b.id, b.flowId, b.flowVersion, b.dryRun ? 1 : 0, b.createdAt);
    },
    get(id: string): RunBatchRow | undefined {
      const r = byId.get(id) as (Omit<RunBatchRow, 'dryRun'> & { dryRun: number }) | undefined;
      return r && { ...r, dryRun: r.dryRun === 1 };
    },
    addRun(batchId: string, runId: string): void {
      setBatch.run(batchId, runId);
    },
    counts(id: string): Partial<Record<RunStatus, number>> {
      return Object.fromEntries((counts.all(id) as { status: RunStatus; n: number }[]).map((r) => [r.status, r.n]));
    },
    runIds(id: string): string[] {
      return (runIds.all(id) as { id: string }[]).map((r) => r.id);
    },
    queued(id: string): { id: string; orderId: string | null }[] {
      return queued.all(id) as { id: string; orderId: string | null }[];
    },
    /** Cancels a run not started yet; false when it had started (or ended) meanwhile. */
    cancelQueued(runId: string, reason: string, at: string): boolean {
      return cancelRun.run(reason, at, runId).changes === 1;
    },
    markCancelled(id: string, at: string): void {
      markCancelled.run(at, id);
    },
  };
}
export type RunBatchesRepo = ReturnType<typeof createRunBatchesRepo>;
