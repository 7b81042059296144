import { platformLabels } from '../../contract/index.ts';
import type { PlatformRegistry } from '../../platforms/registry.ts';
import type { ConnectionView } from '../../platforms/adapter.ts';
import type { ConnectionRow } from '../../storage/repos/connections-repo.ts';
import type { Clock } from '../../shared/clock.ts';
import { storeApiOf } from './definitions.ts';
import { StoreApiError } from './store-api-error.ts';
import type { StoreClient } from './store-client.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

export interface StoreApisDeps {
  platforms: PlatformRegistry;
  fetch: typeof fetch;
  clock: Clock;
  /** Waits between tries (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The store API clients of an engine: one per connection as it now stands, sharing that
 * store's bucket across calls (write-back steps, reconciliation, polling), so Flowdesk as a
 * whole stays within the platform's rate limit.
 */
export function createStoreApis(d: StoreApisDeps) {
  const buckets = new Map<string, TokenBucket>();
  const sleep = d.sleep ?? realSleep;
  const now = () => d.clock.now();

  function view(c: ConnectionRow): ConnectionView {
    const adapter = d.platforms.get(c.platform);
    const parsed = adapter?.settings.safeParse(c.settings);
    const settings = parsed?.success ? (parsed.data as Record<string, unknown>) : ((adapter?.settings.parse({}) ?? {}) as Record<string, unknown>);
    return { id: c.id, platform: c.platform, storeId: c.storeId, store: c.store, secrets: c.secrets, settings };
  }

  return {
    /** The client for this connection; a final StoreApiError when its platform has no API Flowdesk can use. */
    client(c: ConnectionRow): StoreClient {
      const def = storeApiOf(c.platform);
      if (!def) throw new StoreApiError('final', `${platformLabels[c.platform]} has no API Flowdesk can write back or reconcile through`);
      const v = view(c);
      let bucket = buckets.get(c.id);
      if (!bucket) {
        // The bucket refills with time, so it always waits on a real timer (a shortened retry wait would spin).
        bucket = createTokenBucket(def.bucket.capacity, def.bucket.perSecond, now, realSleep);
        buckets.set(c.id, bucket);
      }
      const missing = def.secrets.filter((s) => !s.optional && !c.secrets[s.name]);
      if (missing.length > 0) throw new StoreApiError('final', `the connection "${c.name}" has no ${missing.map((s) => s.label).join(', ')}: enter it under Connections → API access`);
      return def.create({ connection: v, api: c.api, baseUrl: (c.api.baseUrl || def.defaultBaseUrl(v)).replace(/\/+$/, ''), fetch: d.fetch, now, sleep, bucket });
    },
  };
}
export type StoreApis = ReturnType<typeof createStoreApis>;
