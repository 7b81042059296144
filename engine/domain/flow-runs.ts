import { MAX_EVENT_CAUSE_DEPTH, runReasonFields, type RunReason, type CanonicalEvent, type EventCause, type TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Queue } from '../queue/queue.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import { newId } from '../shared/ids.ts';
import type { Timeline } from './timeline.ts';
import { mergeTags } from './tags.ts';

/** The job kind that runs (and wakes) a run. */
export const RUN_JOB = 'run.execute';

export interface FlowRunsDeps {
  repos: Repositories;
  timeline: Timeline;
  queue: Queue;
  activeFlows: ActiveFlows;
}

export interface NewFlowRun {
  flowId: string;
  flowName: string;
  flowVersion: number;
  eventId: number;
  eventType: string;
  orderId: string | null;
  inboxId: number | null;
  dryRun: boolean;
  atMs: number;
  /** Recorded as skipped with this reason instead of queued (and said on the order's timeline). */
  skip?: RunReason | null;
}

/** Tags a flow's action gave an order or its customer (what the in-app connector reports). */
export interface TagsAdded {
  target: 'order' | 'customer';
  /** The order the run is about; a customer's tag event is told on it too. */
  orderId: string | null;
  /** The tags that were new, case-insensitively. */
  added: string[];
  flowId: string;
  runId: string;
  atMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs started by something other than a delivery: a tag a flow added, a schedule, a person.
 * (Processing starts a delivery's runs itself, handing each to the worker in memory.) Every
 * method writes synchronously and belongs inside the caller's transaction.
 */
export function createFlowRuns(d: FlowRunsDeps) {
  const { repos, timeline, queue } = d;

  /** A run of a stored event: queued for the worker, or recorded as skipped with why. Null when the flow already has a run for this event. */
  function queueRun(r: NewFlowRun): { runId: string; entries: TimelineEntryDto[] } | null {
    const runId = newId('run');
    const createdAt = iso(r.atMs);
    const words = r.skip ? runReasonFields(r.skip) : null;
    const skipReason = words?.reason ?? null;
    const created = repos.runs.insert({
      id: runId, flowId: r.flowId, flowVersion: r.flowVersion, eventId: r.eventId, eventType: r.eventType,
      inboxId: r.inboxId, orderId: r.orderId, dryRun: r.dryRun, createdAt, skipReason,
    });
    if (!created) return null;
    if (!skipReason) {
      queue.enqueue(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` });
      return { runId, entries: [] };
    }
    const entries = r.orderId
      ? [timeline.append(r.orderId, r.atMs, {
          kind: 'run', status: 'skipped', flowId: r.flowId, flowName: r.flowName, flowVersion: r.flowVersion, eventType: r.eventType, ...words,
          ...(r.dryRun ? { dryRun: true } : {}),
        }, { runId, inboxId: r.inboxId })]
      : [];
    return { runId, entries };
  }

  /**
   * A flow's action added tags: `order.tag_added` or `customer.tag_added`, and a run for each
   * active flow that listens to it. What keeps flows that tag on "tag added" from looping:
   *
   * 1. Only tags new to the order or customer fire (case-insensitive): adding a tag it has is
   *    nothing, so "on tag added → add that tag" settles at once.
   * 2. A flow is never started by an event its own run caused: its own tags are not news to it.
   * 3. The event remembers the chain (`cause.depth`: 1 + the depth of the event that started the
   *    causing run; a delivery's events are 0). Past `MAX_EVENT_CAUSE_DEPTH` the event starts no
   *    run: each flow that would have run gets a skipped run saying so, on the runs list and the
   *    order's timeline, so two flows that tag each other stop after a few rounds, visibly.
   */
  function tagsAdded(fact: TagsAdded): TimelineEntryDto[] {
    if (fact.added.length === 0 || !fact.orderId) return [];
    const type = fact.target === 'order' ? 'order.tag_added' : 'customer.tag_added';
    // Most tags start nothing: say so before reading the order and the event that caused them.
    if (!d.activeFlows.listens(type)) return [];
    const stored = repos.orders.get(fact.orderId);
    if (!stored) return [];
    const causing = repos.runs.get(fact.runId);
    const causedBy = causing ? repos.events.get(causing.eventId)?.cause : undefined;
    const cause: EventCause = { flowId: fact.flowId, runId: fact.runId, depth: (causedBy?.depth ?? 0) + 1 };
    // The order as it is now: its tags are the platform's and Flowdesk's, the new ones included.
    const order = { ...stored.order, tags: mergeTags(stored.order.tags, stored.localTags) };
    const event: CanonicalEvent = {
      type, platform: stored.platform, connectionId: stored.connectionId, occurredAt: iso(fact.atMs), order, previous: null, tags: fact.added, cause,
    };
    const inboxId = causing?.inboxId ?? null;
    const flows = d.activeFlows.matching(type, stored.platform, fact.added).filter((f) => f.id !== fact.flowId);
    if (flows.length === 0) return [];
    const eventId = repos.events.insert(inboxId ?? 0, fact.orderId, event, iso(fact.atMs));
    const connection = repos.connections.get(stored.connectionId);
    const available = connection ? repos.connections.platformsOf(connection.store) : [];
    const entries: TimelineEntryDto[] = [];
    for (const flow of flows) {
      const unmet = unmetRequirements(flow.requirements, available);
      const skip: RunReason | null = cause.depth > MAX_EVENT_CAUSE_DEPTH
        ? { code: 'tag_loop', args: { depth: String(cause.depth) } }
        : unmet.length > 0 ? { code: 'missing_connection', args: { store: connection?.store ?? '?', platforms: unmet.join(', ') } } : null;
      const queued = queueRun({
        flowId: flow.id, flowName: flow.name, flowVersion: flow.version, eventId, eventType: type, orderId: fact.orderId, inboxId, dryRun: false, atMs: fact.atMs, skip,
      });
      if (queued) entries.push(...queued.entries);
    }
    return entries;
  }

  return { queueRun, tagsAdded };
}
export type FlowRuns = ReturnType<typeof createFlowRuns>;
