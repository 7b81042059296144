import { runReasonFields, type ApiArgs, type RunBatchDto, type RunSummaryDto, type TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { RunBatchesRepo, RunBatchKind } from '../storage/repos/run-batches-repo.ts';
import { RUN_JOB } from '../domain/flow-runs.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { flowRequirements, unmetRequirements } from '../flows/requirements.ts';
import type { Queue } from '../queue/queue.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { StoredEvent } from './trigger-data.ts';

export interface RerunsDeps {
  repos: Repositories;
  batches: RunBatchesRepo;
  timeline: Timeline;
  registry: NodeRegistry;
  queue: Queue;
  bus: EventBus;
  clock: Clock;
  /** A batch as `runs.batch` answers it (manual runs own the batch view). */
  batchView(id: string): RunBatchDto;
  /** Runs a run now, to its end or its first wait (the executor). */
  execute(runId: string): Promise<void>;
}

/** One run made again on stored trigger data: a re-run, or a delivery's replay. */
export interface ReplaySpec {
  flowId: string;
  version: number;
  /** The trigger data, as stored (an event of the delivery, the original run's event), or an edited copy. */
  event: StoredEvent;
  orderId: string | null;
  inboxId: number | null;
  dryRun: boolean;
  /** The run this runs again; null for a replay on a flow that had not run on the delivery. */
  replayOf: string | null;
  /** Resume this run from its failed step: the steps before it are copied, not done again. */
  resumeFrom?: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const summaryOf = ({ eventId: _e, ...summary }: RunSummaryDto & { eventId: number }): RunSummaryDto => summary;

/**
 * Runs made again (issue 15): a failed or skipped run on its flow's current version, from the
 * start or from its failed step, one at a time or every run one error failed; and the runs a
 * delivery's replay makes. Each is a new run marked as a replay, on a copy of the stored event
 * (never a new delivery), dry or live like any run. Platforms are not known here: a replay
 * that needs a payload read again gets its event from processing.
 */
export function createReruns(d: RerunsDeps) {
  const { repos, batches } = d;

  /** What a resumed run keeps of the run it resumes: the steps before its failed one, if that step is still in this version. */
  function resumePoint(runId: string, flowId: string, version: number): { beforeSeq: number | null; note: string | null } {
    const failed = repos.runs.steps(runId).find((s) => s.status === 'failed');
    if (!failed) return { beforeSeq: null, note: 'it had no failed step: run from the start' };
    const doc = repos.flows.getVersion(flowId, version);
    if (!doc?.nodes.some((n) => n.id === failed.nodeId)) {
      return { beforeSeq: null, note: `its failed step (${failed.nodeId}) is no longer in version ${version}: run from the start` };
    }
    return { beforeSeq: failed.seq, note: null };
  }

  /**
   * Records one replay run (call inside a transaction): queued, with its copied steps, or
   * skipped when a connection it needs is missing. `queue` hands it to the worker; otherwise
   * the caller executes it.
   */
  function create(spec: ReplaySpec, opts: { queue: boolean; batchId?: string | undefined }): { runId: string; skipped: boolean; entries: TimelineEntryDto[] } {
    const flow = repos.flows.get(spec.flowId);
    const doc = repos.flows.getVersion(spec.flowId, spec.version);
    if (!flow || !doc) throw new EngineError('not_found', `flow ${spec.flowId} has no version ${spec.version}`);
    const nowMs = d.clock.now();
    const now = iso(nowMs);
    const connection = 'order' in spec.event && spec.event.connectionId ? repos.connections.get(spec.event.connectionId) : undefined;
    const unmet = connection ? unmetRequirements(flowRequirements(doc, d.registry), repos.connections.platformsOf(connection.store)) : [];
    const skip = unmet.length > 0 ? runReasonFields({ code: 'missing_connection', args: { store: connection?.store ?? '?', platforms: unmet.join(', ') } }) : null;
    const resume = spec.resumeFrom ? resumePoint(spec.resumeFrom, spec.flowId, spec.version) : { beforeSeq: null, note: null };
    const runId = newId('run');
    // A copy of the event, not attached to the delivery (inbox 0): the delivery's own events stay what processing derived.
    const eventId = repos.events.insert(0, spec.orderId, spec.event as never, now);
    repos.runs.insert({
      id: runId, flowId: spec.flowId, flowVersion: spec.version, eventId, eventType: spec.event.type, inboxId: spec.inboxId, orderId: spec.orderId,
      dryRun: spec.dryRun, createdAt: now, skipReason: skip?.reason ?? null, replay: true, replayOf: spec.replayOf, replayNote: resume.note,
    });
    if (resume.beforeSeq !== null && spec.resumeFrom && !skip) repos.runs.copySteps(spec.resumeFrom, runId, resume.beforeSeq);
    if (opts.batchId) batches.addRun(opts.batchId, runId);
    const entries: TimelineEntryDto[] = [];
    if (skip && spec.orderId) {
      entries.push(d.timeline.append(spec.orderId, nowMs, {
        kind: 'run', status: 'skipped', flowId: spec.flowId, flowName: flow.name, flowVersion: spec.version, eventType: spec.event.type, ...skip,
        ...(spec.dryRun ? { dryRun: true } : {}), replay: true,
      }, { runId, inboxId: spec.inboxId }));
    }
    if (!skip && opts.queue) d.queue.enqueue(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` });
    return { runId, skipped: skip !== null, entries };
  }

  /** Records the replays and runs each to its end (or first wait), in turn; answers them as the runs list shows them. */
  async function runNow(specs: ReplaySpec[]): Promise<RunSummaryDto[]> {
    const made: { runId: string; skipped: boolean }[] = [];
    const entries: TimelineEntryDto[] = [];
    repos.tx(() => {
      for (const spec of specs) {
        const r = create(spec, { queue: false });
        made.push(r);
        entries.push(...r.entries);
      }
    });
    for (const e of entries) d.bus.emit('timeline.appended', e);
    for (const r of made) if (!r.skipped) await d.execute(r.runId);
    return made.map((r) => summaryOf(repos.runs.get(r.runId)!));
  }

  /** Records the replays as one batch, queued for the worker: `runs.batch` follows it, `runs.cancelBatch` stops it. */
  function startBatch(b: { flowId: string; version: number; dryRun: boolean; kind: RunBatchKind }, specs: Iterable<ReplaySpec>): RunBatchDto {
    const batchId = newId('bat');
    const entries: TimelineEntryDto[] = [];
    repos.tx(() => {
      batches.insert({ id: batchId, flowId: b.flowId, flowVersion: b.version, dryRun: b.dryRun, createdAt: iso(d.clock.now()), kind: b.kind });
      for (const spec of specs) entries.push(...create(spec, { queue: true, batchId }).entries);
    });
    for (const e of entries) d.bus.emit('timeline.appended', e);
    return d.batchView(batchId);
  }

  /** The flow's version a re-run runs on: the active one, else the latest. */
  function currentVersion(flowId: string): number {
    const flow = repos.flows.get(flowId);
    if (!flow) throw notFound('flow', flowId);
    return flow.activeVersion ?? flow.latestVersion;
  }

  function rerunnable(runId: string) {
    const run = repos.runs.get(runId);
    if (!run) throw notFound('run', runId);
    if (run.status === 'succeeded') throw new EngineError('invalid_args', `run ${runId} succeeded: only a failed or skipped run can be run again`);
    if (run.status === 'queued' || run.status === 'running' || run.status === 'waiting') {
      throw new EngineError('invalid_args', `run ${runId} is still going (${run.status}): only a failed or skipped run can be run again`);
    }
    const event = repos.events.get(run.eventId);
    if (!event) throw new EngineError('not_found', `the trigger data of run ${runId} is no longer kept`);
    return { run, event: event as StoredEvent };
  }

  return {
    create,
    runNow,
    startBatch,
    currentVersion,
    resumePoint,
    /** A failed or skipped run again, on its flow's current version: a new run that says which run it ran again. */
    async rerun(a: ApiArgs<'runs.rerun'>): Promise<RunSummaryDto> {
      const { run, event } = rerunnable(a.runId);
      const version = currentVersion(run.flowId);
      const [summary] = await runNow([{
        flowId: run.flowId, version, event, orderId: run.orderId, inboxId: run.inboxId, dryRun: a.dryRun, replayOf: run.id,
        resumeFrom: a.from === 'failed_step' ? run.id : null,
      }]);
      return summary!;
    },
    /** Every run of the flow this error failed, again, as one batch. */
    rerunFailed(a: ApiArgs<'runs.rerunFailed'>): RunBatchDto {
      const version = currentVersion(a.flowId);
      const failed = repos.runs.failedWithError(a.flowId, a.error, 10_000);
      if (failed.length === 0) throw new EngineError('invalid_args', `no failed run of this flow has the error "${a.error}" (or each was run again already)`);
      const specs = failed.flatMap((run): ReplaySpec[] => {
        const event = repos.events.get(run.eventId);
        return event ? [{
          flowId: run.flowId, version, event: event as StoredEvent, orderId: run.orderId, inboxId: run.inboxId, dryRun: a.dryRun, replayOf: run.id,
          resumeFrom: a.from === 'failed_step' ? run.id : null,
        }] : [];
      });
      return startBatch({ flowId: a.flowId, version, dryRun: a.dryRun, kind: 'rerun' }, specs);
    },
  };
}
export type Reruns = ReturnType<typeof createReruns>;
