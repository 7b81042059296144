import { describe, expect, it } from 'vitest';
import { createHttpTransport } from './http-transport.ts';
import type { LinkStatus } from './transport.ts';

type Handler = (url: string, init: RequestInit | undefined) => Response | Promise<Response>;

function recordingFetch(handler: Handler) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init });
    return handler(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** An event stream that sends `chunks`, then stays open until aborted (or closes, if `close`). */
function streamResponse(chunks: string[], signal: AbortSignal | null | undefined, close = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (close) controller.close();
      else signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('createHttpTransport', () => {
  it('POSTs the arguments to /api/<method> with the token, and returns the envelope unread', async () => {
    const f = recordingFetch(() => Response.json({ ok: false, error: { code: 'not_found', message: 'x' } }, { status: 404 }));
    const transport = createHttpTransport({ origin: 'http://127.0.0.1:7431/', token: 't0k', fetch: f.fetch });
    await expect(transport.invoke('orders.get', { ref: '1' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'x' },
    });
    const [request] = f.requests;
    expect(request?.url).toBe('http://127.0.0.1:7431/api/orders.get');
    expect(request?.init?.method).toBe('POST');
    expect(request?.init?.body).toBe('{"ref":"1"}');
    expect(new Headers(request?.init?.headers).get('authorization')).toBe('Bearer t0k');
  });

  it('says unreachable when fetch fails and bad_reply when the body is not JSON', async () => {
    const down = createHttpTransport({ origin: 'http://x', token: 't', fetch: recordingFetch(() => Promise.reject(new TypeError('fetch failed'))).fetch });
    await expect(down.invoke('flows.list', {})).rejects.toMatchObject({ code: 'unreachable' });
    const html = createHttpTransport({ origin: 'http://x', token: 't', fetch: recordingFetch(() => new Response('<html>', { status: 502 })).fetch });
    await expect(html.invoke('flows.list', {})).rejects.toMatchObject({ code: 'bad_reply' });
  });

  it('reads events from the stream, and reconnects when it closes', async () => {
    let opened = 0;
    const f = recordingFetch((_url, init) => {
      opened++;
      return opened === 1
        ? streamResponse([': hi\n\nevent: order.changed\ndata: {"id":"o1"}\n\n'], init?.signal, true)
        : streamResponse(['event: order.changed\nda', 'ta: {"id":"o2"}\n\n'], init?.signal);
    });
    const transport = createHttpTransport({ origin: 'http://x', token: 't', fetch: f.fetch, reconnectMs: { first: 1, most: 5 } });
    const events: unknown[] = [];
    const states: LinkStatus['state'][] = [];
    const stop = transport.listen({ event: (name, payload) => events.push([name, payload]), status: (s) => states.push(s.state) });
    await until(() => events.length === 2);
    stop();
    expect(events).toEqual([
      ['order.changed', { id: 'o1' }],
      ['order.changed', { id: 'o2' }],
    ]);
    expect(states).toEqual(['connecting', 'open', 'down', 'open']);
    expect(new Headers(f.requests[0]?.init?.headers).get('authorization')).toBe('Bearer t');
  });

  it('reports a refused token as the reason the link is down', async () => {
    const f = recordingFetch(() => Response.json({ ok: false, error: { code: 'unauthorized', message: 'no' } }, { status: 401 }));
    const transport = createHttpTransport({ origin: 'http://x', token: 'bad', fetch: f.fetch, reconnectMs: { first: 1000, most: 1000 } });
    const statuses: LinkStatus[] = [];
    const stop = transport.listen({ event: () => undefined, status: (s) => statuses.push(s) });
    await until(() => statuses.length === 2);
    stop();
    expect(statuses[1]?.state).toBe('down');
    expect(statuses[1]?.detail).toMatch(/refused the access token/);
  });
});
