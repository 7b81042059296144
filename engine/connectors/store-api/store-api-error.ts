/**
 * How a platform call ended when it did not succeed (reference §9.3), which decides what the
 * write-back handler and the outbox do next:
 *
 * - `final`: the platform refused (401/403/404/422, a business error): nothing applied; the step fails with these words.
 * - `throttled`: a 429 or the platform's own "too many calls": nothing applied; tried again after `retryAfterMs`.
 * - `maybe_applied`: the request left and no clear answer came back (a timeout, a reset, a 5xx):
 *   the change may have happened, so before anything is resent the platform's state is read.
 * - `unreachable`: no connection was made (network down, DNS): nothing left; it waits for the network.
 */
export type StoreApiFailure = 'final' | 'throttled' | 'maybe_applied' | 'unreachable';

export class StoreApiError extends Error {
  override name = 'StoreApiError';
  readonly failure: StoreApiFailure;
  /** For `throttled`: how long the platform asked to wait. */
  readonly retryAfterMs: number | null;
  /** The platform's own error code, when it gave one ("THROTTLED", "700000", "woocommerce_rest_invalid_id"). */
  readonly platformCode: string | null;
  constructor(failure: StoreApiFailure, message: string, opts: { retryAfterMs?: number | null; platformCode?: string | null } = {}) {
    super(message);
    this.failure = failure;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.platformCode = opts.platformCode ?? null;
  }
}

export const isStoreApiError = (e: unknown): e is StoreApiError => e instanceof StoreApiError;
