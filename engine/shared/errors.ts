import type { ApiErrorCode, DeferWhy } from '../contract/index.ts';

/** An error the API reports with its code; anything else becomes `internal`. */
export class EngineError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, id: string | number): EngineError {
  return new EngineError('not_found', `${what} ${id} does not exist`);
}

/** A failure retrying cannot fix (bad data, a removed connection): the job goes dead at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * A passing failure of the outside world (a network error, a 5xx, a 429): the step is tried
 * again with backoff, with the same idempotency key; the last attempt records it as failed.
 */
export class RetryableError extends Error {
  override name = 'RetryableError';
}

/**
 * How a connector sorts a provider's answer (reference connectors.md §9.1): `retry` a passing
 * failure (RetryableError), `fail` the step with the answer, `skip` this recipient (the step is
 * recorded skipped with the provider's reason, the run goes on), `defer` until a later time
 * (quota, night hours: the run is parked and the step tried again then).
 */
export type ErrorClass = 'retry' | 'fail' | 'skip' | 'defer';

/** The provider says this recipient cannot be reached this way (blocked number, no mailbox): skip, do not fail. */
export class SkipStepError extends Error {
  override name = 'SkipStepError';
  /**
   * Flowdesk's own reason (a StepReasonCode and its words' arguments) when the skip is not a
   * provider's refusal: e.g. an in-app action's check that the flow it starts is off.
   */
  readonly code: string | undefined;
  readonly args: Record<string, string> | undefined;
  constructor(message: string, reason?: { code: string; args?: Record<string, string> }) {
    super(message);
    this.code = reason?.code;
    this.args = reason?.args;
  }
}

/** The provider says "not now" (quota, night hours): the run waits until `untilMs` and tries the step again. */
export class DeferStepError extends Error {
  override name = 'DeferStepError';
  readonly untilMs: number;
  /** Why, as a code the editor words (balance, quota, night hours, rate limit); else the message is shown as it is. */
  readonly why: DeferWhy | undefined;
  constructor(message: string, untilMs: number, why?: DeferWhy) {
    super(message);
    this.untilMs = untilMs;
    this.why = why;
  }
}

/**
 * The request may have reached the provider but no answer came back (a timeout after sending,
 * a connection reset mid-answer) and the provider cannot recognise a resend: sending again
 * could send twice, so the step fails with "outcome unknown" and is not retried.
 */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor(message: string) {
    super(`outcome unknown: ${message}`);
  }
}

/**
 * The error a connector throws for a classified answer; `deferUntilMs` is when a deferred step is
 * tried again (default: in an hour), `why` the deferral's code for the run view and timeline.
 */
export function classifiedError(kind: ErrorClass, message: string, deferUntilMs?: number, why?: DeferWhy): Error {
  switch (kind) {
    case 'retry':
      return new RetryableError(message);
    case 'skip':
      return new SkipStepError(message);
    case 'defer':
      return new DeferStepError(message, deferUntilMs ?? Date.now() + 3_600_000, why);
    default:
      return new Error(message);
  }
}
