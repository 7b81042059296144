import type { Customer, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { OrderService } from '../domain/orders.ts';
import type { Queue } from '../queue/queue.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { RunStart } from '../nodes/node-type.ts';
import { PermanentJobError } from '../shared/errors.ts';
import type { LoadedRun, RunStore, StoreWrite } from './ports.ts';
import { triggerDataOf, type StoredEvent } from './trigger-data.ts';
import { NOT_MET } from '../nodes/orders/activation.ts';

import { RUN_JOB } from '../domain/flow-runs.ts';

/** The job kind that runs (and wakes) a run; defined where runs are queued from. */
export { RUN_JOB };

export interface SqliteRunStoreDeps {
  repos: Repositories;
  timeline: Timeline;
  orders: OrderService;
  queue: Queue;
  bus: EventBus;
  /** A node type's name, written on its steps' timeline entries. */
  typeLabel?: (nodeType: string) => string | undefined;
}

/** Where an intent went, from what its handler describes: the recipient a user would look for. */
function targetOf(args: Record<string, unknown>): string | null {
  for (const key of ['phone', 'to', 'chatId', 'recipient', 'channel', 'url']) {
    const v = args[key];
    if (typeof v === 'string' && v !== '') return v;
    if (Array.isArray(v) && v.length > 0) return v.map(String).join(', ');
  }
  return null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The run store over the engine's SQLite file: runs, steps and their timeline entries, and a
 * wait's wake-up as a queued job due at its time (so it survives restarts). Writes are
 * closures the executor collects and `commit` runs in one transaction.
 */
export function createSqliteRunStore(d: SqliteRunStoreDeps): RunStore {
  const { repos, timeline, queue, bus } = d;
  /**
   * Re-runs and replays being executed (read when loaded: they always are), so that their
   * timeline entries say they are replays, not a new delivery's runs.
   */
  const replays = new Set<string>();
  const entry = (run: RunStart) => ({
    flowId: run.flowId, flowName: run.flowName, flowVersion: run.flowVersion, ...(run.dryRun ? { dryRun: true } : {}), ...(replays.has(run.runId) ? { replay: true } : {}),
  });
  /**
   * Runs whose trigger step turned them away (activation conditions not met: a skipped first
   * step that takes no port), with why: they end `skipped` for that reason, not `succeeded`, so
   * the runs list and the order's timeline say the order did not enter. Set when the step is
   * recorded and read when the same execution finishes the run, right after it.
   */
  const turnedAway = new Map<string, string>();

  return {
    async load(runId: string): Promise<LoadedRun | null> {
      const run = repos.runs.get(runId);
      if (!run) throw new PermanentJobError(`run ${runId} does not exist`);
      if (run.status !== 'queued' && run.status !== 'running' && run.status !== 'waiting') return null;
      const document = repos.flows.getVersion(run.flowId, run.flowVersion);
      if (!document) throw new PermanentJobError(`flow ${run.flowId} version ${run.flowVersion} does not exist`);
      const event = repos.events.get(run.eventId);
      if (!event) throw new PermanentJobError(`event ${run.eventId} does not exist`);
      const stored = run.orderId ? repos.orders.get(run.orderId) : undefined;
      const data = triggerDataOf(event as StoredEvent, run.orderId);
      // A run taken up after a wait sees the order as it is now (delivered meanwhile, paid,
      // cancelled), as Shopify Flow does: "not delivered after 7 days" must read today's state.
      if (run.status === 'waiting' && stored) data.order = { ...stored.order, id: stored.id };
      const start: RunStart = {
        runId, flowId: run.flowId, flowName: run.flowName, flowVersion: run.flowVersion, document, customerId: stored?.customerId ?? null, dryRun: run.dryRun,
        data,
      };
      if (run.replay) replays.add(runId);
      // Only a run that had started can have steps recorded, or a re-run from its failed step (the steps before it, copied).
      return { start, status: run.status, steps: run.status === 'queued' && !run.replayOf ? [] : repos.runs.steps(runId) };
    },

    async customer(customerId: string): Promise<Customer | null> {
      return repos.customers.get(customerId) ?? null;
    },

    started(run, atMs, firstTime): StoreWrite {
      const e = entry(run);
      return () => {
        repos.runs.markStarted(run.runId, iso(atMs));
        const orderId = run.data.order.id;
        if (!orderId || !firstTime) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: 'running', ...e, eventType: run.data.event.type }, { runId: run.runId })];
      };
    },

    step(run, s, performed): StoreWrite {
      if (s.seq === 1 && s.status === 'skipped' && s.port === null) turnedAway.set(run.runId, s.reason ?? 'the trigger turned it away');
      return () => {
        const appended: TimelineEntryDto[] = [];
        const dueAt = s.dueMs === null ? null : iso(s.dueMs);
        const orderId = run.data.order.id;
        if (orderId) {
          const wouldDo = run.dryRun && performed ? performed.records.map((r) => r.kind) : undefined;
          const did = performed?.records.filter((r) => r.outcome === 'done').map((r) => ({ kind: r.kind, to: targetOf(r.args) })).filter((x) => x.to !== null);
          const typeLabel = d.typeLabel?.(s.node.type);
          appended.push(timeline.append(orderId, s.startedMs, {
            kind: 'step', nodeId: s.node.id, nodeType: s.node.type, label: s.node.label ?? null, status: s.status,
            reason: s.reason, ...(s.reasonCode ? { reasonCode: s.reasonCode, ...(s.reasonArgs ? { reasonArgs: s.reasonArgs } : {}) } : {}), port: s.port, dueAt, ...(wouldDo && wouldDo.length > 0 ? { wouldDo } : {}),
            ...(typeLabel ? { typeLabel } : {}), ...(did && did.length > 0 ? { did } : {}),
          }, { runId: run.runId }));
        }
        // The step's local changes land with it; they fill in their results before it is written.
        if (performed?.apply) appended.push(...performed.apply());
        repos.runs.insertStep({
          runId: run.runId, seq: s.seq, nodeId: s.node.id, nodeType: s.node.type, status: s.status, reason: s.reason, reasonCode: s.reasonCode ?? null, reasonArgs: s.reasonArgs ?? null, port: s.port,
          input: s.input, output: s.output, startedAt: iso(s.startedMs), durationMs: s.durationMs, intents: performed?.records ?? [], dueAt,
        });
        return appended;
      };
    },

    waitOver(run, nodeId): StoreWrite {
      return () => {
        repos.runs.markStepDone(run.runId, nodeId);
        return [];
      };
    },

    parked(run, untilMs, atMs, why): StoreWrite {
      const e = entry(run);
      replays.delete(run.runId);
      return () => {
        repos.runs.markWaiting(run.runId, iso(untilMs), why ?? null);
        queue.enqueue(RUN_JOB, { runId: run.runId }, { runAt: untilMs, idempotencyKey: `run:${run.runId}:wake:${untilMs}` });
        const orderId = run.data.order.id;
        if (!orderId) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: 'waiting', ...e, dueAt: iso(untilMs), ...(why ? { wait: why } : {}) }, { runId: run.runId })];
      };
    },

    finished(run, outcome, atMs, durationMs): StoreWrite {
      const e = entry(run);
      replays.delete(run.runId);
      const away = turnedAway.get(run.runId);
      turnedAway.delete(run.runId);
      if (away !== undefined && outcome.status === 'succeeded') {
        return () => {
          repos.runs.finish(run.runId, 'skipped', away, iso(atMs), durationMs);
          const orderId = run.data.order.id;
          if (!orderId) return [];
          const rules = away.startsWith(`${NOT_MET}: `) ? away.slice(NOT_MET.length + 2) : '';
          const why = away.startsWith(NOT_MET) ? { reason: away, reasonCode: 'activation_not_met' as const, ...(rules ? { reasonArgs: { rules } } : {}) } : { reason: away };
          return [timeline.append(orderId, atMs, { kind: 'run', status: 'skipped', ...e, ...why }, { runId: run.runId })];
        };
      }
      return () => {
        repos.runs.finish(run.runId, outcome.status, outcome.error, iso(atMs), durationMs);
        const orderId = run.data.order.id;
        if (!orderId) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: outcome.status, ...e, error: outcome.error, ...(outcome.failedStep ? { failedStep: outcome.failedStep } : {}) }, { runId: run.runId })];
      };
    },

    async commit(writes): Promise<TimelineEntryDto[]> {
      const appended: TimelineEntryDto[] = [];
      repos.tx(() => {
        for (const write of writes) appended.push(...write());
      });
      for (const e of appended) bus.emit('timeline.appended', e);
      return appended;
    },

    announce(run): void {
      if (!bus.listening()) return;
      const summary = repos.runs.get(run.runId);
      if (summary) {
        const { eventId: _e, ...dto } = summary;
        bus.emit('run.finished', dto);
      }
      // A run may have changed its order (tags, notes): say so, as processing does.
      const order = run.data.order.id ? d.orders.summary(run.data.order.id) : undefined;
      if (order) bus.emit('order.changed', order);
    },
  };
}
