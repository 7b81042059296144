import type { Customer, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { OrderService } from '../domain/orders.ts';
import type { Queue } from '../queue/queue.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { RunStart } from '../nodes/node-type.ts';
import { PermanentJobError } from '../shared/errors.ts';
import type { LoadedRun, RunStore, StoreWrite } from './ports.ts';

/** The job kind that runs (and wakes) a run. */
export const RUN_JOB = 'run.execute';

export interface SqliteRunStoreDeps {
  repos: Repositories;
  timeline: Timeline;
  orders: OrderService;
  queue: Queue;
  bus: EventBus;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The run store over the engine's SQLite file: runs, steps and their timeline entries, and a
 * wait's wake-up as a queued job due at its time (so it survives restarts). Writes are
 * closures the executor collects and `commit` runs in one transaction.
 */
export function createSqliteRunStore(d: SqliteRunStoreDeps): RunStore {
  const { repos, timeline, queue, bus } = d;
  const entry = (run: RunStart) => ({ flowId: run.flowId, flowName: run.flowName, flowVersion: run.flowVersion, ...(run.dryRun ? { dryRun: true } : {}) });

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
      const start: RunStart = {
        runId, flowId: run.flowId, flowName: run.flowName, flowVersion: run.flowVersion, document, customerId: stored?.customerId ?? null, dryRun: run.dryRun,
        data: {
          event: { type: event.type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId },
          order: { ...event.order, id: run.orderId },
          previous: event.previous,
        },
      };
      // Only a run that had started can have steps recorded.
      return { start, status: run.status, steps: run.status === 'queued' ? [] : repos.runs.steps(runId) };
    },

    async customer(customerId: string): Promise<Customer | null> {
      return repos.customers.get(customerId) ?? null;
    },

    started(run, atMs, firstTime): StoreWrite {
      return () => {
        repos.runs.markStarted(run.runId, iso(atMs));
        const orderId = run.data.order.id;
        if (!orderId || !firstTime) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: 'running', ...entry(run), eventType: run.data.event.type }, { runId: run.runId })];
      };
    },

    step(run, s, performed): StoreWrite {
      return () => {
        const appended: TimelineEntryDto[] = [];
        const dueAt = s.dueMs === null ? null : iso(s.dueMs);
        const orderId = run.data.order.id;
        if (orderId) {
          const wouldDo = run.dryRun && performed ? performed.records.map((r) => r.kind) : undefined;
          appended.push(timeline.append(orderId, s.endedMs, {
            kind: 'step', nodeId: s.node.id, nodeType: s.node.type, label: s.node.label ?? null, status: s.status,
            reason: s.reason, port: s.port, dueAt, ...(wouldDo && wouldDo.length > 0 ? { wouldDo } : {}),
          }, { runId: run.runId }));
        }
        // The step's local changes land with it; they fill in their results before it is written.
        if (performed?.apply) appended.push(...performed.apply());
        repos.runs.insertStep({
          runId: run.runId, seq: s.seq, nodeId: s.node.id, nodeType: s.node.type, status: s.status, reason: s.reason, port: s.port,
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

    parked(run, untilMs, atMs): StoreWrite {
      return () => {
        repos.runs.markWaiting(run.runId, iso(untilMs));
        queue.enqueue(RUN_JOB, { runId: run.runId }, { runAt: untilMs, idempotencyKey: `run:${run.runId}:wake:${untilMs}` });
        const orderId = run.data.order.id;
        if (!orderId) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: 'waiting', ...entry(run), dueAt: iso(untilMs) }, { runId: run.runId })];
      };
    },

    finished(run, outcome, atMs, durationMs): StoreWrite {
      return () => {
        repos.runs.finish(run.runId, outcome.status, outcome.error, iso(atMs), durationMs);
        const orderId = run.data.order.id;
        if (!orderId) return [];
        return [timeline.append(orderId, atMs, { kind: 'run', status: outcome.status, ...entry(run), error: outcome.error }, { runId: run.runId })];
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
