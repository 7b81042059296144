import type { ConnectionView, PlatformAdapter, RawDelivery } from './adapter.ts';

/**
 * A delivery signed with a connection's secrets as its platform would sign it: the body and
 * path first (for proofs carried there), then the signature headers over the result. Throws
 * when the platform signs nothing Flowdesk knows how to make.
 */
export function signDelivery(adapter: PlatformAdapter, delivery: RawDelivery, connection: Pick<ConnectionView, 'secrets' | 'settings'>): RawDelivery {
  if (!adapter.sign && !adapter.signRequest) throw new Error(`Flowdesk cannot sign ${adapter.platform} deliveries`);
  const parts = adapter.signRequest?.(delivery, connection.secrets, connection.settings) ?? { body: delivery.body, path: delivery.path };
  const signed = adapter.sign?.(parts.body, connection.secrets, connection.settings, delivery.headers) ?? {};
  const headers = { ...delivery.headers };
  for (const [name, value] of Object.entries(signed)) headers[name.toLowerCase()] = value;
  return { ...delivery, body: parts.body, path: parts.path, headers };
}
