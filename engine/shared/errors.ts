import type { ApiErrorCode } from '../contract/index.ts';

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
