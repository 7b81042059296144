import type { Flowdesk } from '../fixtures.ts';

/**
 * Calls the engine API as the browser does, with the token `serve` printed in the editor URL:
 * for arranging what a test needs (a connection, a saved flow) without clicking through it.
 */
export function engineApi(flowdesk: Flowdesk) {
  const token = /token=([^&]+)/.exec(new URL(flowdesk.editorUrl).hash)?.[1];
  return async (method: string, args: unknown = {}): Promise<any> => {
    const res = await fetch(`${flowdesk.apiUrl}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const reply = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
    return reply.result;
  };
}

/** One engine API call, for a test that makes a few. */
export function callEngine(flowdesk: Flowdesk, method: string, args: unknown = {}): Promise<any> {
  return engineApi(flowdesk)(method, args);
}
