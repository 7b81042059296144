import type { Db } from '../database.ts';
import type { CanonicalEvent, IntentRecord, RunStatus, RunSummaryDto, StepDto, StepReasonCode, StepStatus, WaitReason } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';
import { createDeliveryEventsQuery } from './delivery-events.ts';

export interface NewRun {
  id: string;
  flowId: string;
  flowVersion: number;
  eventId: number;
  eventType: string;
  inboxId: number | null;
  orderId: string | null;
  dryRun: boolean;
  createdAt: string;
  /** Set when the run is recorded as skipped instead of queued. */
  skipReason?: string | null;
  /** A re-run or replay (issue 15), and the run it runs again (null: none). */
  replay?: boolean;
  replayOf?: string | null;
  replayNote?: string | null;
}

export interface NewStep {
  runId: string;
  seq: number;
  nodeId: string;
  nodeType: string;
  status: StepStatus;
  reason: string | null;
  /** The reason by code and its facts, for the run view to word (skips and template failures). */
  reasonCode?: StepReasonCode | null | undefined;
  reasonArgs?: Record<string, string> | null | undefined;
  port: string | null;
  input: unknown;
  output: unknown;
  startedAt: string;
  durationMs: number;
  intents: IntentRecord[];
  dueAt: string | null;
}

export interface RunRecord extends RunSummaryDto {
  eventId: number;
}

interface RawRun {
  id: string;
  flow_id: string;
  flow_name: string | null;
  flow_version: number;
  event_id: number;
  event_type: string;
  inbox_id: number | null;
  order_id: string | null;
  order_number: string | null;
  status: RunStatus;
  dry_run: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  due_at: string | null;
  /** JSON WaitReason: why a provider deferred a step of this waiting run. */
  wait_reason: string | null;
  replay: number;
  replay_of: string | null;
  replay_note: string | null;
}

interface RawStep {
  seq: number;
  node_id: string;
  node_type: string;
  status: StepStatus;
  reason: string | null;
  reason_code: StepReasonCode | null;
  reason_args: string | null;
  port: string | null;
  input: string | null;
  output: string | null;
  started_at: string;
  duration_ms: number;
  intents: string | null;
  due_at: string | null;
}

const toRun = (r: RawRun): RunRecord => ({
  id: r.id,
  flowId: r.flow_id,
  flowName: r.flow_name ?? '(deleted flow)',
  flowVersion: r.flow_version,
  eventId: r.event_id,
  eventType: r.event_type,
  inboxId: r.inbox_id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  status: r.status,
  dryRun: r.dry_run === 1,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  durationMs: r.duration_ms,
  dueAt: r.due_at,
  waitReason: r.status === 'waiting' ? parseStored<WaitReason | null>(r.wait_reason, null) : null,
  replayOf: r.replay_of,
  replay: r.replay === 1,
  replayNote: r.replay_note,
});

const toStep = (r: RawStep): StepDto => ({
  seq: r.seq,
  nodeId: r.node_id,
  nodeType: r.node_type,
  status: r.status,
  reason: r.reason,
  ...(r.reason_code ? { reasonCode: r.reason_code, reasonArgs: parseStored<Record<string, string>>(r.reason_args, {}) } : {}),
  port: r.port,
  input: parseStored<unknown>(r.input, null),
  output: parseStored<unknown>(r.output, null),
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  intents: parseStored<IntentRecord[]>(r.intents, []),
  dueAt: r.due_at,
});

const selectRun = `SELECT r.*, f.name AS flow_name, o.number AS order_number FROM runs r
  LEFT JOIN flows f ON f.id = r.flow_id LEFT JOIN orders o ON o.id = r.order_id`;

export function createRunsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO runs (id, flow_id, flow_version, event_id, event_type, inbox_id, order_id,
      status, dry_run, created_at, error, finished_at, replay, replay_of, replay_note)
    VALUES (@id, @flowId, @flowVersion, @eventId, @eventType, @inboxId, @orderId,
      CASE WHEN @skipReason IS NULL THEN 'queued' ELSE 'skipped' END, @dryRun, @createdAt, @skipReason,
      CASE WHEN @skipReason IS NULL THEN NULL ELSE @createdAt END, @replay, @replayOf, @replayNote)
    ON CONFLICT (flow_id, event_id) DO NOTHING`);
  const byId = db.prepare(`${selectRun} WHERE r.id = ?`);
  const start = db.prepare("UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ?");
  const finish = db.prepare('UPDATE runs SET status = ?, error = ?, finished_at = ?, duration_ms = ?, due_at = NULL, wait_reason = NULL WHERE id = ?');
  const park = db.prepare("UPDATE runs SET status = 'waiting', due_at = ?, wait_reason = ? WHERE id = ?");
  const insertStep = db.prepare(`INSERT INTO run_steps (run_id, seq, node_id, node_type, status, reason, reason_code, reason_args, port, input,
      output, started_at, duration_ms, intents, due_at)
    VALUES (@runId, @seq, @nodeId, @nodeType, @status, @reason, @reasonCode, @reasonArgs, @port, @input, @output, @startedAt, @durationMs, @intents, @dueAt)`);
  const stepDone = db.prepare("UPDATE run_steps SET status = 'done' WHERE run_id = ? AND node_id = ? AND status = 'waiting'");
  const waitingOfFlow = db.prepare("SELECT id, order_id AS orderId, flow_version AS flowVersion FROM runs WHERE flow_id = ? AND status = 'waiting'");
  const cancel = db.prepare("UPDATE runs SET status = 'cancelled', error = ?, finished_at = ?, due_at = NULL, wait_reason = NULL WHERE id = ? AND status = 'waiting'");
  const steps = db.prepare('SELECT * FROM run_steps WHERE run_id = ? ORDER BY seq');
  const recentOnOrder = db.prepare('SELECT COUNT(*) AS n FROM runs WHERE order_id = ? AND flow_id = ? AND event_type = ? AND created_at >= ? AND dry_run = 0');
  const list = db.prepare(`${selectRun}
    WHERE (@flowId IS NULL OR r.flow_id = @flowId) AND (@orderId IS NULL OR r.order_id = @orderId)
    ORDER BY r.created_at DESC, r.rowid DESC LIMIT @limit`);
  const ofInbox = db.prepare(`${selectRun} WHERE r.inbox_id = ? AND r.replay = 0 AND r.dry_run = 0 ORDER BY r.rowid`);
  const deliveryEvents = createDeliveryEventsQuery(db);
  // A failed run a live re-run has already run again is left out: its re-run stands for it.
  const failedWith = db.prepare(`${selectRun} WHERE r.flow_id = ? AND r.status = 'failed' AND r.error = ?
    AND NOT EXISTS (SELECT 1 FROM runs x WHERE x.replay_of = r.id AND x.dry_run = 0) ORDER BY r.rowid LIMIT ?`);
  const copySteps = db.prepare(`INSERT INTO run_steps (run_id, seq, node_id, node_type, status, reason, reason_code, reason_args, port, input, output, started_at, duration_ms, intents, due_at)
    SELECT @to, seq, node_id, node_type, status, reason, reason_code, reason_args, port, input, output, started_at, duration_ms, intents, due_at
    FROM run_steps WHERE run_id = @from AND seq < @beforeSeq AND status IN ('done', 'skipped')`);
  const lastForFlow = db.prepare(
    'SELECT id, status, COALESCE(finished_at, started_at, created_at) AS at FROM runs WHERE flow_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );

  return {
    /** Creates the run unless this flow already has one for this event. */
    insert(run: NewRun): boolean {
      return insert.run({
        ...run, dryRun: run.dryRun ? 1 : 0, skipReason: run.skipReason ?? null, replay: run.replay ? 1 : 0, replayOf: run.replayOf ?? null, replayNote: run.replayNote ?? null,
      }).changes === 1;
    },
    get(id: string): RunRecord | undefined {
      const r = byId.get(id) as RawRun | undefined;
      return r && toRun(r);
    },
    markStarted(id: string, at: string): void {
      start.run(at, id);
    },
    finish(id: string, status: RunStatus, error: string | null, finishedAt: string, durationMs: number): void {
      finish.run(status, error, finishedAt, durationMs, id);
    },
    insertStep(s: NewStep): void {
      insertStep.run({
        ...s,
        reasonCode: s.reasonCode ?? null,
        reasonArgs: s.reasonCode && s.reasonArgs ? JSON.stringify(s.reasonArgs) : null,
        input: JSON.stringify(s.input ?? null),
        output: JSON.stringify(s.output ?? null),
        intents: s.intents.length > 0 ? JSON.stringify(s.intents) : null,
      });
    },
    /** A wait parked the run until `dueAt`; `why` when a provider deferred a step. */
    markWaiting(id: string, dueAt: string, why: WaitReason | null = null): void {
      park.run(dueAt, why ? JSON.stringify(why) : null, id);
    },
    /** The wait of this step is over. */
    markStepDone(runId: string, nodeId: string): void {
      stepDone.run(runId, nodeId);
    },
    waitingOfFlow(flowId: string): { id: string; orderId: string | null; flowVersion: number }[] {
      return waitingOfFlow.all(flowId) as { id: string; orderId: string | null; flowVersion: number }[];
    },
    /** Cancels a waiting run; false when it was no longer waiting. */
    cancelWaiting(id: string, reason: string, at: string): boolean {
      return cancel.run(reason, at, id).changes === 1;
    },
    /** How many live runs this flow had on this order for this event since `sinceIso` (the write-back loop guard). */
    countRecentOnOrder(orderId: string, flowId: string, eventType: string, sinceIso: string): number {
      return (recentOnOrder.get(orderId, flowId, eventType, sinceIso) as { n: number }).n;
    },
    steps(runId: string): StepDto[] {
      return (steps.all(runId) as RawStep[]).map(toStep);
    },
    list(f: { flowId?: string | undefined; orderId?: string | undefined; limit: number }): RunSummaryDto[] {
      return (list.all({ flowId: f.flowId ?? null, orderId: f.orderId ?? null, limit: f.limit }) as RawRun[]).map((r) => {
        const { eventId: _eventId, ...summary } = toRun(r);
        return summary;
      });
    },
    /** The runs a delivery made (re-runs, replays and dry runs left out), in the order they were made. */
    ofInbox(inboxId: number): RunRecord[] {
      return (ofInbox.all(inboxId) as RawRun[]).map(toRun);
    },
    /** The canonical events a delivery's processing derived (and those its runs' actions caused), oldest first. */
    eventsOfInbox(inboxId: number): { id: number; event: CanonicalEvent }[] {
      return deliveryEvents.of(inboxId).map(({ id, event }) => ({ id, event }));
    },
    /** A flow's failed runs with exactly this error (as the runs list shows it), oldest first. */
    failedWithError(flowId: string, error: string, limit: number): RunRecord[] {
      return (failedWith.all(flowId, error, limit) as RawRun[]).map(toRun);
    },
    /** Copies a run's steps recorded before `beforeSeq` (done or skipped) into another run: kept as they were, never done again. */
    copySteps(fromRunId: string, toRunId: string, beforeSeq: number): number {
      return copySteps.run({ from: fromRunId, to: toRunId, beforeSeq }).changes;
    },
    lastForFlow(flowId: string): { id: string; status: RunStatus; at: string } | null {
      return (lastForFlow.get(flowId) as { id: string; status: RunStatus; at: string } | undefined) ?? null;
    },
  };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
