import type { TimelineEntryDto } from '../contract/index.ts';

/**
 * What a step asks for, as data: node run functions return intents and touch nothing. Each
 * kind has one handler, registered by the connector that owns it (engine/connectors/), which
 * adds its kinds here by declaration merging, in its own file:
 *
 *   declare module '../../nodes/intents.ts' {
 *     interface IntentMap { 'http.request': HttpRequestIntent }
 *   }
 *
 * so adding an action is a spec, a run file, and (for a new kind) a handler: no central switch.
 */
export interface IntentMap {
  /** Parks the run until a time (a wait); the executor handles it itself. */
  'run.wait': { untilMs: number };
}
export type IntentKind = keyof IntentMap;
export type Intent = { [K in IntentKind]: { kind: K } & IntentMap[K] }[IntentKind];
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;

/** What a handler knows of the step that asked. */
export interface IntentContext {
  runId: string;
  nodeId: string;
  flowId: string;
  flowName: string;
  orderId: string | null;
  atMs: number;
  /**
   * The same on every attempt of this step (`<runId>:<nodeId>`, `#n` added for a step's later
   * intents): sent with every call out, so a retried step is applied once.
   */
  idempotencyKey: string;
}

interface HandlerBase<K extends IntentKind> {
  kind: K;
  /** The intent's inputs as the run log and a dry run's "would do" show them: nothing secret. */
  describe?(intent: IntentOf<K>): Record<string, unknown>;
  /**
   * For a dry run: false when a live run would leave this intent out as things stand (a
   * write-back that only happens when the connection has it on): not listed as "would do".
   */
  wouldDo?(intent: IntentOf<K>): boolean;
}

/**
 * Changes Flowdesk's own data: applied inside the transaction that records the step, so the
 * step and its change land together or not at all.
 */
export interface LocalIntentHandler<K extends IntentKind = IntentKind> extends HandlerBase<K> {
  mode: 'local';
  /**
   * Checked in a live run before the step is recorded (reading only): throws `SkipStepError`
   * (with Flowdesk's own reason code) when the change cannot be made, so the step is skipped.
   */
  check?(intent: IntentOf<K>, ctx: IntentContext): void;
  apply(intent: IntentOf<K>, ctx: IntentContext): { result?: unknown; entries: TimelineEntryDto[] };
}

/**
 * Calls the outside world: performed outside any transaction, after everything the run did
 * before it is committed. Throws `RetryableError` for a passing failure.
 */
export interface ExternalIntentHandler<K extends IntentKind = IntentKind> extends HandlerBase<K> {
  mode: 'external';
  perform(intent: IntentOf<K>, ctx: IntentContext): Promise<unknown>;
  /**
   * What Flowdesk records of the call once it is done (a timeline entry with the platform's
   * answer): run inside the transaction that records the step, with `perform`'s result.
   */
  recorded?(intent: IntentOf<K>, result: unknown, ctx: IntentContext): TimelineEntryDto[];
}

export type IntentHandler<K extends IntentKind = IntentKind> = LocalIntentHandler<K> | ExternalIntentHandler<K>;

/** Keeps a handler's kind while listing it among others. */
export function defineIntentHandler<K extends IntentKind>(handler: IntentHandler<K>): IntentHandler {
  return handler as unknown as IntentHandler;
}
