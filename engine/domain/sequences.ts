import { runReasonFields, sequenceKey, type Customer, type RunReason, type CustomFieldDto, type SequenceDto, type SequenceEnrolmentDto, type TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import { newId } from '../shared/ids.ts';
import type { Timeline } from './timeline.ts';
import type { FlowRuns } from './flow-runs.ts';
import { causedEvent, skipFor, type Causer } from './flow-starts.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export interface SequencesDeps {
  repos: Repositories;
  timeline: Timeline;
  flowRuns: FlowRuns;
  activeFlows: ActiveFlows;
}

/** What enrolling did: nothing when the customer was in the sequence already. */
export interface Enrolled {
  enrolled: boolean;
  /** The runs started, one per active flow of the sequence. */
  runs: string[];
  entries: TimelineEntryDto[];
}

/** What leaving did: the runs of the enrolment that were cancelled. */
export interface Left {
  left: boolean;
  cancelled: string[];
  entries: TimelineEntryDto[];
}

const inSequence = (c: Customer, key: string) => c.sequences.some((s) => sequenceKey(s) === key);

/**
 * Sequences: a named series of timed messages is a flow whose trigger is "Customer enrolled in
 * sequence <name>", its body waits and messages. Enrolling a customer opens an enrolment (one
 * open per customer and sequence), adds the name to `customer.sequences` and starts a run of
 * every active flow of that sequence on the enrolling order, each linked to the enrolment.
 * Leaving ends the enrolment and cancels its runs that have not run yet or wait; a run of it
 * that wakes after it ended is cancelled then (`cancelIfLeft`). Every method writes
 * synchronously and belongs inside the caller's transaction.
 */
export function createSequences(d: SequencesDeps) {
  const { repos, timeline } = d;

  /** Cancels a run that is not over, saying why on its order's timeline; null when it was over. */
  function cancelRun(run: { id: string; orderId: string | null; flowId: string; flowVersion: number }, why: RunReason, atMs: number): TimelineEntryDto[] | null {
    const words = runReasonFields(why);
    if (!repos.sequences.cancelRun(run.id, words.reason, iso(atMs))) return null;
    if (!run.orderId) return [];
    return [timeline.append(run.orderId, atMs, {
      kind: 'run', status: 'cancelled', flowId: run.flowId, flowVersion: run.flowVersion, flowName: repos.flows.get(run.flowId)?.name ?? null, ...words,
    }, { runId: run.id })];
  }

  return {
    enrol(customerId: string, sequence: string, orderId: string | null, by: Causer): Enrolled {
      const name = sequence.trim();
      const key = sequenceKey(name);
      const customer = repos.customers.get(customerId);
      if (!customer) throw new Error(`customer ${customerId} is gone`);
      const enrolmentId = newId('enr');
      const opened = repos.sequences.insert({ id: enrolmentId, customerId, sequence: name, sequenceKey: key, orderId, enrolledAt: iso(by.atMs), enrolledBy: by.runId });
      if (!opened) return { enrolled: false, runs: [], entries: [] };
      if (!inSequence(customer, key)) repos.customers.update({ ...customer, sequences: [...customer.sequences, name], updatedAt: iso(by.atMs) });
      const runs: string[] = [];
      const entries: TimelineEntryDto[] = [];
      const made = orderId && d.activeFlows.listens('customer.sequence_enrolled')
        ? causedEvent(repos, orderId, 'customer.sequence_enrolled', by, { sequence: name })
        : null;
      const flows = made ? d.activeFlows.matching('customer.sequence_enrolled', made.stored.platform, [key]) : [];
      if (made && flows.length > 0) {
        const eventId = repos.events.insert(made.inboxId ?? 0, orderId, made.event, iso(by.atMs));
        for (const flow of flows) {
          const queued = d.flowRuns.queueRun({
            flowId: flow.id, flowName: flow.name, flowVersion: flow.version, eventId, eventType: 'customer.sequence_enrolled', orderId, inboxId: made.inboxId, dryRun: false, atMs: by.atMs,
            skip: skipFor(repos, flow, made.stored.connectionId, made.cause.depth),
          });
          if (!queued) continue;
          repos.sequences.linkRun(queued.runId, enrolmentId);
          runs.push(queued.runId);
          entries.push(...queued.entries);
        }
      }
      if (orderId) entries.unshift(timeline.append(orderId, by.atMs, { kind: 'sequence', change: 'enrolled', sequence: name, runs: runs.length, flowName: by.flowName }, { runId: by.runId }));
      return { enrolled: true, runs, entries };
    },

    leave(customerId: string, sequence: string, orderId: string | null, by: Causer): Left {
      const name = sequence.trim();
      const key = sequenceKey(name);
      const customer = repos.customers.get(customerId);
      if (!customer) throw new Error(`customer ${customerId} is gone`);
      const open = repos.sequences.open(customerId, key);
      if (inSequence(customer, key)) {
        repos.customers.update({ ...customer, sequences: customer.sequences.filter((s) => sequenceKey(s) !== key), updatedAt: iso(by.atMs) });
      }
      if (!open || !repos.sequences.close(open.id, iso(by.atMs), by.runId)) return { left: false, cancelled: [], entries: [] };
      const why: RunReason = { code: 'left_sequence', args: { sequence: open.sequence } };
      // The run that takes them out may be one of the sequence's own: it goes on (and stops when it next wakes).
      const live = repos.sequences.liveRuns(open.id).filter((r) => r.id !== by.runId);
      // Said before the cancellations it causes, so the order's timeline reads in that order.
      const entries: TimelineEntryDto[] = orderId
        ? [timeline.append(orderId, by.atMs, { kind: 'sequence', change: 'left', sequence: open.sequence, runs: live.length, flowName: by.flowName }, { runId: by.runId })]
        : [];
      const cancelled: string[] = [];
      for (const run of live) {
        const said = cancelRun(run, why, by.atMs);
        if (!said) continue;
        cancelled.push(run.id);
        entries.push(...said);
      }
      return { left: true, cancelled, entries };
    },

    /**
     * A run taken up (woken after a wait, retried) whose enrolment has ended meanwhile: cancelled
     * now, saying why, instead of going on: the entries it said (maybe none), or null when the run goes on.
     */
    cancelIfLeft(runId: string, atMs: number): TimelineEntryDto[] | null {
      const link = repos.sequences.linkOf(runId);
      if (!link?.leftAt) return null;
      const run = repos.runs.get(runId);
      if (!run) return null;
      return repos.tx(() => cancelRun({ id: run.id, orderId: run.orderId, flowId: run.flowId, flowVersion: run.flowVersion }, { code: 'left_sequence', args: { sequence: link.sequence } }, atMs)) ?? [];
    },

    enrolments: (customerId: string): SequenceEnrolmentDto[] => repos.sequences.ofCustomer(customerId),
    /** The shop's own customer fields in use, for the editor's pickers. */
    customFields: (): CustomFieldDto[] => repos.sequences.customFields(),

    /** The sequences named by active flows' triggers or by open enrolments. */
    list(): SequenceDto[] {
      const byKey = new Map<string, SequenceDto>();
      for (const flow of repos.flows.listActive()) {
        for (const node of flow.document.nodes) {
          const name = node.type === 'flowdesk.sequence_enrolled' ? (node.params as { sequence?: unknown }).sequence : undefined;
          if (typeof name !== 'string' || name.trim() === '') continue;
          const entry = byKey.get(sequenceKey(name)) ?? { name: name.trim(), flows: [], enrolled: 0 };
          if (!entry.flows.some((f) => f.id === flow.id)) entry.flows.push({ id: flow.id, name: flow.name, active: true });
          byKey.set(sequenceKey(name), entry);
        }
      }
      for (const open of repos.sequences.openCounts()) {
        const entry = byKey.get(open.key) ?? { name: open.name, flows: [], enrolled: 0 };
        entry.enrolled = open.n;
        byKey.set(open.key, entry);
      }
      return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },
  };
}
export type Sequences = ReturnType<typeof createSequences>;

/**
 * The run store, with every run taken up checked first: a sequence's run whose customer left
 * the sequence is cancelled (and said so) instead of going on. Wraps any store whose `load`
 * answers null for a run that is over, as the executor's RunStore does. Only a run started by
 * an enrolment (`customer.sequence_enrolled`, the only runs `enrol` links) can be a sequence's:
 * any other run goes on without looking its enrolment up.
 */
export function cancellingLeftSequences<S extends { load(runId: string): Promise<{ status: string; start: { data: { event: { type: string } } } } | null> }>(
  store: S,
  sequences: Sequences,
  now: () => number,
  said: (entries: TimelineEntryDto[]) => void,
): S {
  return {
    ...store,
    async load(runId: string) {
      const loaded = await store.load(runId);
      if (!loaded || loaded.start.data.event.type !== 'customer.sequence_enrolled') return loaded;
      const cancelled = sequences.cancelIfLeft(runId, now());
      if (!cancelled) return loaded;
      said(cancelled);
      return null;
    },
  };
}
