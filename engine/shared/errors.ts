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
