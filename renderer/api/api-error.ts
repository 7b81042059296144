import type { ApiErrorCode } from '../../engine/contract/index.ts';

/**
 * Failures that happen on the way, before the engine could answer: the engine could not be
 * reached, or what came back was not an API reply matching the contract.
 */
export type ClientErrorCode = 'unreachable' | 'bad_reply';

export interface ApiErrorOptions {
  details?: unknown;
  method?: string;
  cause?: unknown;
}

/** The one error the API client throws: the contract's error body, or a client-side failure. */
export class ApiError extends Error {
  readonly code: ApiErrorCode | ClientErrorCode;
  readonly details: unknown;
  /** The API method that failed, when there was one. */
  readonly method: string | null;

  constructor(code: ApiErrorCode | ClientErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
    this.method = options.method ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns anything thrown into an ApiError, keeping the original as the cause. */
export function toApiError(error: unknown, method?: string): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', message, { method, cause: error });
}
