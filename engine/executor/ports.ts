import type { Customer, FlowNode, IntentRecord, RunStatus, StepDto, StepReasonCode, StepStatus, TimelineEntryDto, WaitReason } from '../contract/index.ts';
import type { Intent, IntentContext } from '../nodes/intents.ts';
import type { RunStart } from '../nodes/node-type.ts';

/**
 * A write the store will commit later, with others, in one transaction: opaque to the
 * executor. It answers the timeline entries it appended, to announce after the commit.
 */
export type StoreWrite = () => TimelineEntryDto[];

export interface LoadedRun {
  start: RunStart;
  status: RunStatus;
  /** The steps recorded so far (a restart, a retry, a wait taken up): never done again. */
  steps: StepDto[];
}

export interface StepRecord {
  seq: number;
  node: FlowNode;
  status: StepStatus;
  reason: string | null;
  /** For a skip: its code and words' arguments, for the editor's words. */
  reasonCode?: StepReasonCode | undefined;
  reasonArgs?: Record<string, string> | undefined;
  port: string | null;
  input: unknown;
  output: unknown;
  /** When it started, on the engine's clock: its timeline entry's time, and its changes'. */
  startedMs: number;
  durationMs: number;
  dueMs: number | null;
}

/**
 * What a sink did with a step's intents. `apply` holds the local changes, to run inside the
 * transaction that records the step (null when there are none, or in a dry run); it fills in
 * their results in `records`.
 */
export interface Performed {
  records: IntentRecord[];
  apply: StoreWrite | null;
  /** A wait asked the run to park until then (never in a dry run, which records it and goes on). */
  waitUntilMs: number | null;
}

/**
 * Where a step's intents go. `apply` (live runs) performs them through the connectors'
 * handlers; `record` (dry runs, replays) records each as "would do", and nothing leaves the
 * engine.
 */
export interface EffectSink {
  readonly mode: 'apply' | 'record';
  /** Whether performing these calls the outside world: what the run did before is committed first. */
  callsOut(intents: readonly Intent[]): boolean;
  perform(intents: readonly Intent[], ctx: Omit<IntentContext, 'idempotencyKey'> & { idempotencyKey: string }): Promise<Performed>;
}

/**
 * Everything the executor reads and writes of runs: steps, run state, typed timeline entries.
 * Async-capable, so a store over another database can plug in here.
 */
/** The step a run failed at, as the timeline names steps: its label, else its type (translated by the editor). */
export interface FailedStep {
  label: string | null;
  nodeType: string;
  typeLabel: string | null;
}

export interface RunStore {
  /** The run as stored; null when it is over (finished, skipped, cancelled while waiting). */
  load(runId: string): Promise<LoadedRun | null>;
  /** The customer as they are now (an earlier run may have tagged them), not as of the event. */
  customer(customerId: string): Promise<Customer | null>;
  started(run: RunStart, atMs: number, firstTime: boolean): StoreWrite;
  step(run: RunStart, step: StepRecord, performed: Performed | null): StoreWrite;
  /** The wait of a recorded step is over; the run goes on after it. */
  waitOver(run: RunStart, nodeId: string): StoreWrite;
  /** Parks the run until `untilMs`: a durable wake-up is queued with the write. `why`: a provider deferred a step. */
  parked(run: RunStart, untilMs: number, atMs: number, why?: WaitReason | null): StoreWrite;
  /** `failedStep`: the name of the step that failed, for the timeline (its cause is on the step's own entry). */
  finished(run: RunStart, outcome: { status: 'succeeded' | 'failed'; error: string | null; failedStep?: FailedStep }, atMs: number, durationMs: number): StoreWrite;
  /** Commits the writes in one transaction, then announces what they appended. */
  commit(writes: StoreWrite[]): Promise<TimelineEntryDto[]>;
  /** Tells listeners the run moved (finished, parked) and its order may have changed. */
  announce(run: RunStart): void;
}
