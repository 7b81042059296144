import type { Db } from '../database.ts';
import { ReconcileProgress } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface ReconcileStateRow {
  connectionId: string;
  /** The newest platform updated_at the API has listed for this connection. */
  seenUntil: string | null;
  lastRunAt: string | null;
  lastResult: ReconcileProgress | null;
}

/** Where each connection's reconciliation stands. */
export function createReconcileRepo(db: Db) {
  const get = db.prepare('SELECT * FROM reconcile_state WHERE connection_id = ?');
  const upsert = db.prepare(`INSERT INTO reconcile_state (connection_id, seen_until, last_run_at, last_result) VALUES (@connectionId, @seenUntil, @lastRunAt, @lastResult)
    ON CONFLICT (connection_id) DO UPDATE SET seen_until = excluded.seen_until, last_run_at = excluded.last_run_at, last_result = excluded.last_result`);
  const newestDelivery = db.prepare('SELECT MAX(received_at) AS at FROM inbox WHERE connection_id = ? AND verdict = \'accepted\'');
  return {
    get(connectionId: string): ReconcileStateRow | undefined {
      const r = get.get(connectionId) as { connection_id: string; seen_until: string | null; last_run_at: string | null; last_result: string | null } | undefined;
      if (!r) return undefined;
      const result = ReconcileProgress.safeParse(parseStored<unknown>(r.last_result ?? 'null', null));
      return { connectionId: r.connection_id, seenUntil: r.seen_until, lastRunAt: r.last_run_at, lastResult: result.success ? result.data : null };
    },
    save(row: ReconcileStateRow): void {
      upsert.run({ ...row, lastResult: row.lastResult ? JSON.stringify(row.lastResult) : null });
    },
    /** When the last accepted delivery of this connection arrived (a webhook or a reconciled order). */
    lastDeliveryAt(connectionId: string): string | null {
      return (newestDelivery.get(connectionId) as { at: string | null }).at;
    },
  };
}
export type ReconcileRepo = ReturnType<typeof createReconcileRepo>;
