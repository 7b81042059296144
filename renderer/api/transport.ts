/** How the client's link to the engine stands: the event stream, or the engine process. */
export type LinkState = 'connecting' | 'open' | 'down';

export interface LinkStatus {
  state: LinkState;
  /** Why the link is not open, in words. */
  detail: string | null;
}

export interface TransportListener {
  event(name: string, payload: unknown): void;
  status(status: LinkStatus): void;
}

/**
 * Moves envelopes and nothing else: the client reads them. One for the preload bridge
 * (ipc-transport.ts), one for HTTP and the event stream (http-transport.ts).
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /**
   * Sends one call and resolves with the reply envelope as received, unread. Rejects with an
   * ApiError (`unreachable`, `bad_reply`) only when no envelope could be had.
   */
  invoke(method: string, args: unknown): Promise<unknown>;
  /** Starts receiving engine events and link status; returns the function that stops it. */
  listen(listener: TransportListener): () => void;
}
