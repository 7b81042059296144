import type { ApiArgs, CanonicalEvent, Order, ReplayMode, ReplayResultDto, ReverifyDto, RunBatchDto, RunDetailDto, RunDiffDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { InboxRecord } from '../storage/repos/inbox-repo.ts';
import type { RunRecord } from '../storage/repos/runs-repo.ts';
import { searchInbox } from '../storage/repos/inbox-search.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { ReplaySpec, Reruns } from '../executor/reruns.ts';
import type { StoredEvent } from '../executor/trigger-data.ts';
import { diffRuns } from '../executor/run-diff.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import type { ReplayPayload } from './replay-payload.ts';

export interface ReplayDeps {
  repos: Repositories;
  activeFlows: ActiveFlows;
  registry: NodeRegistry;
  reruns: Reruns;
  payload: ReplayPayload;
}

/** The edited orders, by platform id, that stand in for the stored ones in a replay's events. */
type Edited = Map<string, Order> | null;

/**
 * Replays of stored deliveries (issue 15): the delivery's runs again as they ran, its events
 * on the flows' current versions, or its failed runs from their failed steps; one delivery,
 * as a diff, or every delivery a filter finds as a batch. A replay adds no delivery to the
 * inbox and changes no stored order: it is runs, marked as replays, on copies of the events.
 */
export function createReplays(d: ReplayDeps) {
  const { repos, reruns } = d;

  function deliveryOf(inboxId: number): InboxRecord {
    const delivery = repos.inbox.get(inboxId);
    if (!delivery) throw notFound('delivery', inboxId);
    return delivery;
  }

  /** The event with the edited order in place of the stored one (same platform id, else the body's first order). */
  function swap(event: StoredEvent, edited: Edited): StoredEvent {
    if (!edited || !('order' in event)) return event;
    const e = event as CanonicalEvent;
    const order = edited.get(e.order.platformOrderId) ?? edited.values().next().value;
    return order ? { ...e, order } : e;
  }

  const listensTo = (flowId: string, version: number) =>
    new Set((repos.flows.getVersion(flowId, version)?.nodes ?? []).flatMap((n) => d.registry.get(n.type)?.spec.triggers ?? []) as string[]);

  /** The events processing derived from the delivery (not those its runs' actions caused later). */
  function ownEvents(delivery: InboxRecord): CanonicalEvent[] {
    return repos.runs.eventsOfInbox(delivery.id).map((e) => e.event).filter((e) => !e.cause);
  }

  /** What each replay mode runs for this delivery (`flowId`: that flow only). */
  async function specsFor(delivery: InboxRecord, mode: ReplayMode, dryRun: boolean, edited: Edited, flowId?: string): Promise<ReplaySpec[]> {
    const original = repos.runs.ofInbox(delivery.id).filter((r) => flowId === undefined || r.flowId === flowId);
    const base = (run: RunRecord, version: number): ReplaySpec | null => {
      const event = repos.events.get(run.eventId);
      return event ? { flowId: run.flowId, version, event: swap(event as StoredEvent, edited), orderId: run.orderId, inboxId: delivery.id, dryRun, replayOf: run.id } : null;
    };
    if (mode === 'as_ran') return original.flatMap((run) => base(run, run.flowVersion) ?? []);
    if (mode === 'from_failed') {
      return original.filter((r) => r.status === 'failed').flatMap((run) => {
        const spec = base(run, reruns.currentVersion(run.flowId));
        return spec ? [{ ...spec, resumeFrom: run.id }] : [];
      });
    }
    let events = ownEvents(delivery).map((e) => swap(e, edited) as CanonicalEvent);
    if (events.length === 0 && delivery.body) events = d.payload.derive(delivery, [...(edited?.values() ?? await d.payload.orders(delivery, delivery.body))]);
    const orderId = delivery.orderId ?? original[0]?.orderId ?? null;
    const ranOn = (fid: string, type: string) => original.find((r) => r.flowId === fid && r.eventType === type)?.id ?? null;
    const specs: ReplaySpec[] = [];
    if (flowId !== undefined) {
      const version = reruns.currentVersion(flowId);
      const listens = listensTo(flowId, version);
      for (const event of events) {
        if (listens.has(event.type)) specs.push({ flowId, version, event, orderId, inboxId: delivery.id, dryRun, replayOf: ranOn(flowId, event.type) });
      }
      return specs;
    }
    for (const event of events) {
      for (const flow of d.activeFlows.matching(event.type, event.platform, event.tags)) {
        specs.push({ flowId: flow.id, version: flow.version, event, orderId, inboxId: delivery.id, dryRun, replayOf: ranOn(flow.id, event.type) });
      }
    }
    if (specs.length > 0) return specs;
    // No flow on now listens: the flows that ran on it, on their latest version.
    return original.flatMap((run) => {
      const flow = repos.flows.get(run.flowId);
      return flow ? (base(run, flow.latestVersion) ?? []) : [];
    });
  }

  function detailOf(runId: string): RunDetailDto {
    const { eventId: _e, ...summary } = repos.runs.get(runId)!;
    const document = repos.flows.getVersion(summary.flowId, summary.flowVersion) ?? { name: summary.flowName, nodes: [], edges: [] };
    return { ...summary, steps: repos.runs.steps(runId), document };
  }

  return {
    verify: (inboxId: number): ReverifyDto => d.payload.verify(deliveryOf(inboxId)),

    async replay(a: ApiArgs<'deliveries.replay'>): Promise<ReplayResultDto> {
      const delivery = deliveryOf(a.inboxId);
      const verification = d.payload.verify(delivery);
      let edited: Edited = null;
      let signedVerification: ReverifyDto | null = null;
      if (a.body !== undefined) {
        // Read like a delivery on the same connection; signed again as the platform would sign
        // it (and verified, as the listener would) unless asked to replay it unsigned.
        const body = Buffer.from(a.body, 'utf8');
        if (a.sign) signedVerification = d.payload.resign(delivery, body);
        const orders = await d.payload.orders(delivery, body);
        if (orders.length === 0) throw new EngineError('invalid_args', 'the edited body carries no order to replay');
        edited = new Map(orders.map((o) => [o.platformOrderId, o]));
      }
      const specs = await specsFor(delivery, a.mode, a.dryRun, edited);
      const runs = await reruns.runNow(specs);
      return { inboxId: delivery.id, mode: a.mode, dryRun: a.dryRun, verification, payload: a.body === undefined ? 'original' : a.sign ? 'resigned' : 'unsigned', signedVerification, runs };
    },

    /** The flow's current version run dry on the delivery, beside the run the delivery gave it. */
    async diff(a: ApiArgs<'deliveries.diff'>): Promise<RunDiffDto> {
      const delivery = deliveryOf(a.inboxId);
      const flow = repos.flows.get(a.flowId);
      if (!flow) throw notFound('flow', a.flowId);
      const specs = await specsFor(delivery, 'current', true, null, a.flowId);
      // Compared with the run the delivery made, on the same event when it had one.
      const spec = specs.find((s) => s.replayOf !== null) ?? specs[0];
      if (!spec) throw new EngineError('invalid_args', `"${flow.name}" (version ${reruns.currentVersion(a.flowId)}) does not listen to any event of delivery ${a.inboxId}`);
      const [made] = await reruns.runNow([spec]);
      const originalRun = spec.replayOf ?? repos.runs.ofInbox(delivery.id).find((r) => r.flowId === a.flowId)?.id ?? null;
      const original = originalRun ? detailOf(originalRun) : null;
      const replay = detailOf(made!.id);
      return { inboxId: delivery.id, flowId: a.flowId, original, replay, ...diffRuns(original, replay) };
    },

    /** Every delivery the filter finds (newest first, `limit` at most) replayed on one flow, as a batch through the queue. */
    async replayBulk(a: ApiArgs<'deliveries.replayBulk'>): Promise<RunBatchDto> {
      const version = reruns.currentVersion(a.flowId);
      const specs: ReplaySpec[] = [];
      for (const entry of searchInbox(repos.db, a.filter, a.limit)) {
        const delivery = repos.inbox.get(entry.id);
        if (!delivery) continue;
        try {
          specs.push(...await specsFor(delivery, a.mode, a.dryRun, null, a.flowId));
        } catch (error) {
          // A delivery that cannot be read (no connection any more, bytes pruned) is left out, not the batch.
          if (!(error instanceof EngineError)) throw error;
        }
      }
      return reruns.startBatch({ flowId: a.flowId, version, dryRun: a.dryRun, kind: 'replay' }, specs);
    },
  };
}
export type Replays = ReturnType<typeof createReplays>;
