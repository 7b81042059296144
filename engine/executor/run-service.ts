import { CanonicalEventType, runReasonFields, type RunReason, type CanonicalEvent, type RunDetailDto, type RunSummaryDto, type TimelineEntryDto } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { newId } from '../shared/ids.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';

export interface RunServiceDeps {
  repos: Repositories;
  timeline: Timeline;
  bus: EventBus;
  clock: Clock;
  registry: NodeRegistry;
  /** Runs a run now, to its end or its first wait (the executor). */
  execute(runId: string): Promise<void>;
}

/** Runs as the API answers them, dry runs on past orders, and waiting runs when their flow stops. */
export function createRunService(d: RunServiceDeps) {
  const { repos, timeline, bus, clock } = d;

function get(id: string): RunDetailDto {
    const run = repos.runs.get(id);
    if (!run) throw notFound('run', id);
    const { eventId: _e, ...summary } = run;
    const document = repos.flows.getVersion(run.flowId, run.flowVersion) ?? { name: run.flowName, nodes: [], edges: [] };
    return { ...summary, steps: repos.runs.steps(run.id), document };
  }

  return {
    list: (f: { flowId?: string | undefined; orderId?: string | undefined; limit: number }): RunSummaryDto[] => repos.runs.list(f),
    get,
    /**
     * A flow version run on a past order, as it is now, with every action recorded as "would do"
     * (the record sink): nothing leaves the engine and nothing in Flowdesk changes but the run's
     * own record and its entries on the order's timeline, marked as a dry run.
     */
    async dryRun(a: { flowId: string; version?: number | undefined; orderId: string; event?: string | undefined }): Promise<RunDetailDto> {
      const flow = repos.flows.get(a.flowId);
      if (!flow) throw notFound('flow', a.flowId);
      const version = a.version ?? flow.activeVersion ?? flow.latestVersion;
      const document = repos.flows.getVersion(a.flowId, version);
      if (!document) throw new EngineError('not_found', `flow ${a.flowId} has no version ${version}`);
      const order = repos.orders.get(a.orderId) ?? repos.orders.findByNumber(a.orderId);
      if (!order) throw notFound('order', a.orderId);
      const listens = document.nodes.flatMap((n) => d.registry.get(n.type)?.spec.triggers ?? []);
      const type = a.event === undefined ? listens[0] : CanonicalEventType.safeParse(a.event).data;
      if (!type) throw new EngineError('invalid_args', a.event === undefined ? 'the flow has no trigger to run it from' : `"${a.event}" is not an event Flowdesk knows`);
      if (!listens.includes(type)) throw new EngineError('invalid_args', `no trigger of this flow listens to ${type}; it listens to ${listens.join(', ')}`);
      const latest = repos.events.latestForOrder(order.id);
      const nowIso = new Date(clock.now()).toISOString();
      const event: CanonicalEvent = { type, platform: order.platform, connectionId: order.connectionId, occurredAt: nowIso, order: order.order, previous: latest?.event.previous ?? null };
      const runId = newId('run');
      const inboxId = latest?.inboxId ?? 0;
      repos.tx(() => {
        const eventId = repos.events.insert(inboxId, order.id, event, nowIso);
        repos.runs.insert({ id: runId, flowId: a.flowId, flowVersion: version, eventId, eventType: type, inboxId: latest?.inboxId ?? null, orderId: order.id, dryRun: true, createdAt: nowIso });
      });
      await d.execute(runId);
      return get(runId);
    },
    /**
     * Cancels the flow's waiting runs (turned off, deleted, its store's connection removed):
     * each says so on its order's timeline; their wake-up jobs then find nothing to do.
     */
    cancelWaiting(flowId: string, why: RunReason): number {
      const words = runReasonFields(why);
      const nowMs = clock.now();
      const at = new Date(nowMs).toISOString();
      const appended: TimelineEntryDto[] = [];
      let cancelled = 0;
      repos.tx(() => {
        for (const run of repos.runs.waitingOfFlow(flowId)) {
          if (!repos.runs.cancelWaiting(run.id, words.reason, at)) continue;
          cancelled++;
          if (run.orderId) {
            appended.push(timeline.append(run.orderId, nowMs, { kind: 'run', status: 'cancelled', flowId, flowVersion: run.flowVersion, flowName: repos.flows.get(flowId)?.name ?? null, ...words }, { runId: run.id }));
          }
        }
      });
      for (const e of appended) bus.emit('timeline.appended', e);
      return cancelled;
    },
  };
}
export type RunService = ReturnType<typeof createRunService>;
