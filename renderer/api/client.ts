import { createApiClient, type ApiClient } from './create-api-client.ts';
import { createHttpTransport } from './http-transport.ts';
import { createIpcTransport } from './ipc-transport.ts';
import { takeApiToken } from './token.ts';

export type ClientSetup = { ok: true; client: ApiClient } | { ok: false; reason: 'missing_token' };

/**
 * The one place that knows which transport the app has: the preload bridge in the desktop
 * app, otherwise HTTP and the event stream on the page's own origin (the engine serves it).
 */
export function createDefaultClient(): ClientSetup {
  const bridge = window.flowdesk;
  if (bridge) return { ok: true, client: createApiClient(createIpcTransport(bridge), { validate: true }) };
  const token = takeApiToken(window.location, window.history, window.sessionStorage);
  if (!token) return { ok: false, reason: 'missing_token' };
  const transport = createHttpTransport({ origin: window.location.origin, token });
  return { ok: true, client: createApiClient(transport, { validate: true }) };
}
