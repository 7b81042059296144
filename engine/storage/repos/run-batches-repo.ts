import type { Db } from '../database.ts';
import type { RunStatus } from '../../contract/index.ts';

export interface RunBatchRow {
  id: string;
  flowId: string;
  flowVersion: number;
  dryRun: boolean;
  createdAt: string;
  cancelledAt: string | null;
  /** Runs by hand, re-runs of failed runs, or a bulk replay of deliveries (issue 15). */
  kind?: RunBatchKind;
}

export type RunBatchKind = 'manual' | 'rerun' | 'replay';

/** A batch run as its summary reads it: how it ended, and the steps it went through. */
export interface BatchRunRow {
  id: string;
  status: RunStatus;
  error: string | null;
  steps: { nodeId: string; intents: string | null }[];
}

/** Batches of runs started by hand, and their runs (runs.batch_id). */
export function createRunBatchesRepo(db: Db) {
  const insert = db.prepare('INSERT INTO run_batches (id, flow_id, flow_version, dry_run, created_at, kind) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare(`SELECT id, flow_id AS flowId, flow_version AS flowVersion, dry_run AS dryRun, created_at AS createdAt,
    cancelled_at AS cancelledAt, kind FROM run_batches WHERE id = ?`);
  const runsOf = db.prepare('SELECT id, status, error FROM runs WHERE batch_id = ? ORDER BY rowid');
  const stepsOf = db.prepare(`SELECT s.run_id AS runId, s.node_id AS nodeId, s.intents FROM run_steps s
    WHERE s.run_id IN (SELECT id FROM runs WHERE batch_id = ?) ORDER BY s.run_id, s.seq`);
  const setBatch = db.prepare('UPDATE runs SET batch_id = ? WHERE id = ?');
  const counts = db.prepare('SELECT status, COUNT(*) AS n FROM runs WHERE batch_id = ? GROUP BY status');
  const runIds = db.prepare('SELECT id FROM runs WHERE batch_id = ? ORDER BY rowid');
  const queued = db.prepare("SELECT id, order_id AS orderId, replay FROM runs WHERE batch_id = ? AND status = 'queued' ORDER BY rowid");
  const cancelRun = db.prepare("UPDATE runs SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ? AND status = 'queued'");
  const markCancelled = db.prepare('UPDATE run_batches SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?');

  return {
    insert(b: Omit<RunBatchRow, 'cancelledAt'>): void {
      insert.run(b.id, b.flowId, b.flowVersion, b.dryRun ? 1 : 0, b.createdAt, b.kind ?? 'manual');
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
    queued(id: string): { id: string; orderId: string | null; replay: boolean }[] {
      return (queued.all(id) as { id: string; orderId: string | null; replay: number }[]).map((r) => ({ ...r, replay: r.replay === 1 }));
    },
    /** Every run of the batch with the steps it went through, in order (for its summary). */
    runsWithSteps(id: string): BatchRunRow[] {
      const byRun = new Map<string, BatchRunRow>();
      for (const r of runsOf.all(id) as { id: string; status: RunStatus; error: string | null }[]) byRun.set(r.id, { ...r, steps: [] });
      for (const s of stepsOf.all(id) as { runId: string; nodeId: string; intents: string | null }[]) byRun.get(s.runId)?.steps.push({ nodeId: s.nodeId, intents: s.intents });
      return [...byRun.values()];
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
