import { ApiError } from './api-error.ts';
import { createSseParser } from './sse-parser.ts';
import type { LinkStatus, Transport, TransportListener } from './transport.ts';

export interface HttpTransportOptions {
  /** Where the engine API listens, e.g. `http://127.0.0.1:4100`; the page's own origin when served by it. */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  /** Waits between event-stream reconnects: doubling from the first to the most. */
  reconnectMs?: { first: number; most: number };
}

/** HTTP for calls (`POST /api/<method>`), a fetch-read event stream for events (`GET /api/events`). */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const origin = options.origin.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const authorization = `Bearer ${options.token}`;
  const reconnect = options.reconnectMs ?? { first: 1000, most: 15000 };

  async function invoke(method: string, args: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify(args ?? {}),
      });
    } catch (cause) {
      throw new ApiError('unreachable', `Could not reach the engine at ${origin}.`, { method, cause });
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ApiError('bad_reply', `The engine answered ${method} with HTTP ${response.status} and no JSON.`, {
        method,
        cause,
        details: { status: response.status, body: text.slice(0, 200) },
      });
    }
  }

  async function readStream(listener: TransportListener, signal: AbortSignal): Promise<string> {
    const response = await doFetch(`${origin}/api/events`, {
      headers: { accept: 'text/event-stream', authorization },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      if (response.status === 401) return 'the engine refused the access token';
      return `the event stream answered HTTP ${response.status}`;
    }
    listener.status({ state: 'open', detail: null });
    const parser = createSseParser((message) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        console.warn(`Flowdesk: dropped a ${message.event} event whose data is not JSON`);
        return;
      }
      listener.event(message.event, payload);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'the event stream closed';
      parser.push(value);
    }
  }

  async function follow(listener: TransportListener, signal: AbortSignal): Promise<void> {
    let wait = reconnect.first;
    // Between failed attempts the link stays `down`, so the reason stays in view.
    listener.status({ state: 'connecting', detail: null });
    while (!signal.aborted) {
      const openedAt = Date.now();
      let reason: string;
      try {
        reason = await readStream(listener, signal);
      } catch (error) {
        if (signal.aborted) return;
        reason = `could not reach the engine at ${origin}`;
        if (error instanceof Error && error.message) reason += ` (${error.message})`;
      }
      if (signal.aborted) return;
      if (Date.now() - openedAt > reconnect.most) wait = reconnect.first;
      const down: LinkStatus = { state: 'down', detail: `${reason}; trying again in ${Math.round(wait / 1000)} s` };
      listener.status(down);
      await sleep(wait, signal);
      wait = Math.min(wait * 2, reconnect.most);
    }
  }

  return {
    kind: 'http',
    invoke,
    listen(listener) {
      const controller = new AbortController();
      void follow(listener, controller.signal);
      return () => controller.abort();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
