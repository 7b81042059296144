import type { Db } from '../database.ts';
import type { WriteAction, WriteRequest } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export type OutboxState = 'pending' | 'sent' | 'confirmed' | 'failed';

export interface OutboxRow {
  id: number;
  key: string;
  runId: string | null;
  flowName: string | null;
  orderId: string | null;
  connectionId: string;
  platform: string;
  platformOrderId: string;
  action: WriteAction;
  request: WriteRequest;
  state: OutboxState;
  attempts: number;
  answer: string | null;
  createdMs: number;
  updatedMs: number;
}

interface RawRow {
  id: number;
  key: string;
  run_id: string | null;
  flow_name: string | null;
  order_id: string | null;
  connection_id: string;
  platform: string;
  platform_order_id: string;
  action: WriteAction;
  request: string;
  state: OutboxState;
  attempts: number;
  answer: string | null;
  created_ms: number;
  updated_ms: number;
}

const toRow = (r: RawRow): OutboxRow => ({
  id: r.id,
  key: r.key,
  runId: r.run_id,
  flowName: r.flow_name,
  orderId: r.order_id,
  connectionId: r.connection_id,
  platform: r.platform,
  platformOrderId: r.platform_order_id,
  action: r.action,
  request: parseStored<WriteRequest>(r.request, { action: r.action } as WriteRequest),
  state: r.state,
  attempts: r.attempts,
  answer: r.answer,
  createdMs: r.created_ms,
  updatedMs: r.updated_ms,
});

/** The write-back outbox: each platform call, recorded before it is made (reference §9.2). */
export function createOutboxRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO outbox (key, run_id, flow_name, order_id, connection_id, platform, platform_order_id, action, request, state, attempts, created_ms, updated_ms)
    VALUES (@key, @runId, @flowName, @orderId, @connectionId, @platform, @platformOrderId, @action, @request, 'pending', 0, @nowMs, @nowMs) ON CONFLICT (key) DO NOTHING`);
  const byKey = db.prepare('SELECT * FROM outbox WHERE key = ?');
  const sent = db.prepare("UPDATE outbox SET state = 'sent', attempts = attempts + 1, updated_ms = ? WHERE key = ?");
  const settle = db.prepare('UPDATE outbox SET state = ?, answer = ?, updated_ms = ? WHERE key = ?');
  const recent = db.prepare("SELECT * FROM outbox WHERE connection_id = ? AND platform_order_id = ? AND state = 'confirmed' AND updated_ms >= ? ORDER BY id");
  const ofOrder = db.prepare('SELECT * FROM outbox WHERE order_id = ? ORDER BY id');
  const counts = db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state');
  return {
    /** Records the call as pending, once per key; returns the row as it now stands. */
    open(a: { key: string; runId: string | null; flowName: string | null; orderId: string | null; connectionId: string; platform: string; platformOrderId: string; request: WriteRequest; nowMs: number }): OutboxRow {
      insert.run({ ...a, action: a.request.action, request: JSON.stringify(a.request) });
      return toRow(byKey.get(a.key) as RawRow);
    },
    get(key: string): OutboxRow | undefined {
      const r = byKey.get(key) as RawRow | undefined;
      return r && toRow(r);
    },
    /** The call is about to leave: from here until settled, its outcome is unknown. */
    markSent(key: string, nowMs: number): void {
      sent.run(nowMs, key);
    },
    /** Back to pending: it is known that nothing was applied (a 429, no connection). */
    markPending(key: string, answer: string, nowMs: number): void {
      settle.run('pending', answer, nowMs, key);
    },
    confirm(key: string, answer: string, nowMs: number): void {
      settle.run('confirmed', answer, nowMs, key);
    },
    fail(key: string, answer: string, nowMs: number): void {
      settle.run('failed', answer, nowMs, key);
    },
    /** An order's writes confirmed since `sinceMs`: what the next webhook may echo. */
    recentlyConfirmed(connectionId: string, platformOrderId: string, sinceMs: number): OutboxRow[] {
      return (recent.all(connectionId, platformOrderId, sinceMs) as RawRow[]).map(toRow);
    },
    ofOrder(orderId: string): OutboxRow[] {
      return (ofOrder.all(orderId) as RawRow[]).map(toRow);
    },
    countByState(): Record<OutboxState, number> {
      const out: Record<OutboxState, number> = { pending: 0, sent: 0, confirmed: 0, failed: 0 };
      for (const r of counts.all() as { state: OutboxState; n: number }[]) out[r.state] = r.n;
      return out;
    },
  };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
