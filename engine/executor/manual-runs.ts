import type { ApiArgs, CanonicalEvent, RunBatchDto, TimelineEntryDto } from '../contract/index.ts';
import { runReasonFields } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { OrderRecord } from '../storage/repos/orders-repo.ts';
import type { RunBatchesRepo } from '../storage/repos/run-batches-repo.ts';
import { RUN_JOB, type FlowRuns } from '../domain/flow-runs.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { flowRequirements, unmetRequirements } from '../flows/requirements.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';

export interface ManualRunsDeps {
  repos: Repositories;
  batches: RunBatchesRepo;
  flowRuns: FlowRuns;
  timeline: Timeline;
  registry: NodeRegistry;
  bus: EventBus;
  clock: Clock;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs started by hand: a flow on one order (from its page) or on the orders a search finds.
 * Each order gets its own `manual.run` event and run, queued like any other (the worker runs
 * them in turn), all in one batch that reports its progress and can cancel what has not begun.
 * A flow need not be on to be run by hand: its active version runs, else its latest.
 */
export function createManualRuns(d: ManualRunsDeps) {
  const { repos, batches } = d;

  function batch(id: string): RunBatchDto {
    const found = batches.get(id);
    if (!found) throw notFound('batch', id);
    const { kind: _kind, ...b } = found;
    const c = batches.counts(id);
    const n = (s: keyof typeof c) => c[s] ?? 0;
    const total = Object.values(c).reduce((sum, x) => sum + (x ?? 0), 0);
    return {
      ...b,
      flowName: repos.flows.get(b.flowId)?.name ?? '(deleted flow)',
      total, queued: n('queued'), running: n('running'), waiting: n('waiting'), done: n('succeeded'), skipped: n('skipped'), failed: n('failed'), cancelled: n('cancelled'),
      finished: n('queued') + n('running') === 0,
      runIds: batches.runIds(id),
    };
  }

  function ordersFor(a: ApiArgs<'runs.manual'>): OrderRecord[] {
    if (a.orderIds) {
      const found = new Map<string, OrderRecord>();
      for (const ref of a.orderIds) {
        const order = repos.orders.get(ref) ?? repos.orders.findByNumber(ref);
        if (!order) throw notFound('order', ref);
        found.set(order.id, order);
      }
      return [...found.values()];
    }
    return repos.orders.search(a.filter?.query, a.filter?.limit ?? 100).flatMap((s) => repos.orders.get(s.id) ?? []);
  }

  return {
    start(a: ApiArgs<'runs.manual'>): RunBatchDto {
      const flow = repos.flows.get(a.flowId);
      if (!flow) throw notFound('flow', a.flowId);
      const version = a.version ?? flow.activeVersion ?? flow.latestVersion;
      const document = repos.flows.getVersion(a.flowId, version);
      if (!document) throw new EngineError('not_found', `flow ${a.flowId} has no version ${version}`);
      const listens = document.nodes.flatMap((n) => d.registry.get(n.type)?.spec.triggers ?? []);
      if (!listens.includes('manual.run')) {
        throw new EngineError('invalid_args', `"${flow.name}" cannot be run on an order: its trigger (${listens.join(', ') || 'none'}) does not start from one`);
      }
      const orders = ordersFor(a);
      const requirements = flowRequirements(document, d.registry);
      const nowMs = d.clock.now();
      const now = iso(nowMs);
      const batchId = newId('bat');
      const appended: TimelineEntryDto[] = [];
      repos.tx(() => {
        batches.insert({ id: batchId, flowId: flow.id, flowVersion: version, dryRun: a.dryRun, createdAt: now });
        for (const order of orders) {
          const event: CanonicalEvent = {
            type: 'manual.run', platform: order.platform, connectionId: order.connectionId, occurredAt: now, order: order.order, previous: null, batchId,
          };
          const eventId = repos.events.insert(0, order.id, event, now);
          const connection = repos.connections.get(order.connectionId);
          const unmet = unmetRequirements(requirements, connection ? repos.connections.platformsOf(connection.store) : []);
          const queued = d.flowRuns.queueRun({
            flowId: flow.id, flowName: flow.name, flowVersion: version, eventId, eventType: 'manual.run', orderId: order.id, inboxId: null, dryRun: a.dryRun, atMs: nowMs,
            skip: unmet.length > 0 ? { code: 'missing_connection', args: { store: connection?.store ?? '?', platforms: unmet.join(', ') } } : null,
          });
          if (!queued) continue;
          batches.addRun(batchId, queued.runId);
          appended.push(...queued.entries);
        }
      });
      for (const e of appended) d.bus.emit('timeline.appended', e);
      return batch(batchId);
    },
    batch,
    /** Cancels the batch's runs that have not started; each says so on its order's timeline. */
    cancel(id: string): RunBatchDto {
      const b = batches.get(id);
      if (!b) throw notFound('batch', id);
      const nowMs = d.clock.now();
      const at = iso(nowMs);
      const words = runReasonFields({ code: 'batch_cancelled' });
      const flowName = repos.flows.get(b.flowId)?.name ?? null;
      const appended: TimelineEntryDto[] = [];
      repos.tx(() => {
        batches.markCancelled(id, at);
        // A run whose job a worker holds may be under way though it still reads "queued" (its
        // start is written with its end, one transaction for many runs): it is left to finish.
        const taken = new Set(repos.jobs.list('leased', 100_000).flatMap((j) => (j.kind === RUN_JOB ? [(JSON.parse(j.payload) as { runId: string }).runId] : [])));
        for (const run of batches.queued(id)) {
          if (taken.has(run.id) || !batches.cancelQueued(run.id, words.reason, at) || !run.orderId) continue;
          appended.push(d.timeline.append(run.orderId, nowMs, {
            kind: 'run', status: 'cancelled', flowId: b.flowId, flowName, flowVersion: b.flowVersion, ...words, ...(b.dryRun ? { dryRun: true } : {}), ...(run.replay ? { replay: true } : {}),
          }, { runId: run.id }));
        }
      });
      for (const e of appended) d.bus.emit('timeline.appended', e);
      return batch(id);
    },
  };
}
export type ManualRuns = ReturnType<typeof createManualRuns>;
