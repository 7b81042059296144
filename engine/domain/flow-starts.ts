import { MAX_FLOW_START_DEPTH, type CanonicalEvent, type CanonicalEventType, type EventCause, type RunReason, type StepReasonCode, type TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ActiveFlows, ActiveFlow } from '../flows/active-flows.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import type { FlowRuns } from './flow-runs.ts';
import { mergeTags } from './tags.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The run whose step caused something, as an in-app action's handler knows it. */
export interface Causer {
  runId: string;
  flowId: string;
  flowName: string;
  atMs: number;
}

/**
 * An event a flow's step caused on its order (a sequence enrolment, a flow start), with the
 * order as it is now and the chain it belongs to: `cause.depth` is one more than the depth of
 * the event that started the causing run (0 for a delivery's), as for tag events.
 */
export function causedEvent(repos: Repositories, orderId: string, type: CanonicalEventType, by: Causer, extra: Partial<CanonicalEvent>) {
  const stored = repos.orders.get(orderId);
  if (!stored) return null;
  const causing = repos.runs.get(by.runId);
  const causedBy = causing ? repos.events.get(causing.eventId)?.cause : undefined;
  const cause: EventCause = { flowId: by.flowId, runId: by.runId, depth: (causedBy?.depth ?? 0) + 1 };
  const order = { ...stored.order, tags: mergeTags(stored.order.tags, stored.localTags) };
  const event: CanonicalEvent = {
    type, platform: stored.platform, connectionId: stored.connectionId, occurredAt: iso(by.atMs), order, previous: null, cause, ...extra,
  };
  return { stored, event, cause, inboxId: causing?.inboxId ?? null };
}

/** Why the flows of a caused event would not start: a loop, or a store without the connections they need. */
export function skipFor(repos: Repositories, flow: ActiveFlow, connectionId: string, depth: number): RunReason | null {
  if (depth > MAX_FLOW_START_DEPTH) return { code: 'flow_loop', args: { depth: String(depth) } };
  const connection = repos.connections.get(connectionId);
  const unmet = unmetRequirements(flow.requirements, connection ? repos.connections.platformsOf(connection.store) : []);
  return unmet.length > 0 ? { code: 'missing_connection', args: { store: connection?.store ?? '?', platforms: unmet.join(', ') } } : null;
}

/** A start the step cannot make, with Flowdesk's reason for it. */
export interface Refusal {
  code: StepReasonCode;
  args: Record<string, string>;
  reason: string;
}

/**
 * "Start another flow": a run of another flow's active version on the same order (and so the
 * same customer), from a `flow.started` event. What keeps flows starting each other from
 * looping: a flow never starts itself, and a chain of starts (tags and sequences count too)
 * stops past MAX_FLOW_START_DEPTH; each refusal skips the step with its reason.
 */
export function createFlowStarts(d: { repos: Repositories; activeFlows: ActiveFlows; flowRuns: FlowRuns }) {
  const { repos } = d;

  function refusal(target: string, orderId: string, by: Causer): Refusal | null {
    if (target === by.flowId) return { code: 'flow_starts_itself', args: {}, reason: 'a flow cannot start itself' };
    const flow = repos.flows.get(target);
    if (!flow) return { code: 'flow_not_found', args: { flow: target }, reason: `flow ${target} does not exist (deleted?)` };
    if (flow.activeVersion === null) return { code: 'flow_not_active', args: { flow: flow.name }, reason: `flow "${flow.name}" is off` };
    const stored = repos.orders.get(orderId);
    if (!d.activeFlows.matching('flow.started', stored?.platform ?? '').some((f) => f.id === target)) {
      return { code: 'flow_not_startable', args: { flow: flow.name }, reason: `flow "${flow.name}" cannot start on this order: its trigger does not take it` };
    }
    const causing = repos.runs.get(by.runId);
    const depth = (causing ? (repos.events.get(causing.eventId)?.cause?.depth ?? 0) : 0) + 1;
    if (depth > MAX_FLOW_START_DEPTH) {
      return { code: 'flow_chain_too_deep', args: { depth: String(depth) }, reason: `${depth} flows in a row started each other, which looks like a loop` };
    }
    return null;
  }

  return {
    refusal,
    /** Starts the run (inside the step's transaction); what it did, or why it did not. */
    start(target: string, orderId: string, by: Causer): { runId: string | null; flow: string; refused?: Refusal; entries: TimelineEntryDto[] } {
      const refused = refusal(target, orderId, by);
      const name = repos.flows.get(target)?.name ?? target;
      if (refused) return { runId: null, flow: name, refused, entries: [] };
      const made = causedEvent(repos, orderId, 'flow.started', by, { startedBy: by.flowName });
      const flow = d.activeFlows.matching('flow.started', made?.stored.platform ?? '').find((f) => f.id === target);
      if (!made || !flow) return { runId: null, flow: name, entries: [] };
      const eventId = repos.events.insert(made.inboxId ?? 0, orderId, made.event, iso(by.atMs));
      const queued = d.flowRuns.queueRun({
        flowId: flow.id, flowName: flow.name, flowVersion: flow.version, eventId, eventType: 'flow.started', orderId, inboxId: made.inboxId, dryRun: false, atMs: by.atMs,
        skip: skipFor(repos, flow, made.stored.connectionId, made.cause.depth),
      });
      return { runId: queued?.runId ?? null, flow: flow.name, entries: queued?.entries ?? [] };
    },
  };
}
export type FlowStarts = ReturnType<typeof createFlowStarts>;
