import { z } from 'zod';
import { Platform } from '../platform.ts';
import { ConnectionApi, ConnectionApiPatch, ReconcileProgress, WriteAction, WriteSupport } from '../store-api.ts';
import { method } from './method.ts';

export const ConnectionDto = z.object({
  id: z.string(),
  platform: Platform,
  /** The store's identity on its platform: shop domain, org id, seller id, site URL. */
  storeId: z.string(),
  name: z.string(),
  /** The Flowdesk store it belongs to (seed 004): one shop selling on several platforms. */
  store: z.string(),
  /** The adapter's settings: status mapping table, field mapping, API base URL, locked signature variant… */
  settings: z.record(z.string(), z.unknown()),
  /** The path on the webhook listener, `/hooks/<id>`. */
  webhookPath: z.string(),
  /** The full URL on this engine's webhook listener; behind a tunnel, swap the origin. */
  webhookUrl: z.string(),
  /** The first secret, masked: never returned in full. */
  secretHint: z.string(),
  /** Every secret by name, masked. */
  secretHints: z.record(z.string(), z.string()),
  /** Its use of the platform's API: write-back, reconciliation, polling instead of webhooks. */
  api: ConnectionApi,
  /** The API base URL in use: `api.baseUrl`, else the platform's for this store. Null when the platform has no API. */
  apiBaseUrl: z.string().nullable(),
  /** Why this connection cannot use its platform's API (LadiSales, Sapo GO), or null. */
  noApiReason: z.string().nullable(),
  createdAt: z.string(),
});
export type ConnectionDto = z.infer<typeof ConnectionDto>;

export const PlatformInfoDto = z.object({
  platform: Platform,
  label: z.string(),
  /** The secrets a connection holds, by name, with what to paste. */
  secrets: z.array(z.object({ name: z.string(), label: z.string(), optional: z.boolean() })),
  /** What the store identity is on this platform. */
  storeIdLabel: z.string(),
  /** JSON Schema of the adapter's settings, with their defaults. */
  settingsSchema: z.record(z.string(), z.unknown()),
  /** How to point the platform at Flowdesk. */
  setup: z.array(z.string()),
  /** Its API, for write-back and reconciliation; `available` false (with `note`) when it has none. */
  api: z.object({
    available: z.boolean(),
    note: z.string().nullable(),
    /** Secrets asked for only when write-back, reconciliation or polling is on. */
    secrets: z.array(z.object({ name: z.string(), label: z.string(), optional: z.boolean() })),
    options: z.array(z.object({ name: z.string(), label: z.string(), default: z.string() })),
    /** What each action does on this platform (reference §9.1). */
    supports: z.record(WriteAction, WriteSupport),
    /** Minutes between scheduled reconciliations by default. */
    reconcileMinutes: z.number(),
  }),
});
export type PlatformInfoDto = z.infer<typeof PlatformInfoDto>;

export const connectionsApi = {
  'connections.create': method(
    z
      .object({
        platform: Platform,
        storeId: z.string().trim().min(1, 'the store identity is required').max(255),
        name: z.string().trim().max(200).optional(),
        store: z.string().trim().max(200).optional(),
        /** The platform's one webhook secret; platforms with several use `secrets`. */
        secret: z.string().min(1, 'the webhook secret is required').max(1024).optional(),
        secrets: z.record(z.string(), z.string().max(4096)).optional(),
        settings: z.record(z.string(), z.unknown()).optional(),
        api: ConnectionApiPatch.optional(),
      })
      .refine((a) => a.secret !== undefined || a.secrets !== undefined, { message: 'the webhook secret is required', path: ['secret'] }),
    ConnectionDto,
  ),
  'connections.update': method(
    z.object({
      id: z.string(),
      name: z.string().trim().min(1).max(200).optional(),
      store: z.string().trim().min(1).max(200).optional(),
      /** Replaces the named secrets; others are kept. */
      secrets: z.record(z.string(), z.string().min(1).max(4096)).optional(),
      /** Replaces the settings object as a whole (validated by the platform's adapter). */
      settings: z.record(z.string(), z.unknown()).optional(),
      /** Changes the named parts of its API use; others are kept. */
      api: ConnectionApiPatch.optional(),
    }),
    ConnectionDto,
  ),
  /** Removes the connection; flows that needed it (and have no other) are deactivated, not deleted. */
  'connections.remove': method(
    /** With dryRun, nothing is removed: the answer says which flows removing it would turn off. */
    z.object({ id: z.string(), dryRun: z.boolean().default(false) }),
    z.object({ id: z.string(), deactivatedFlows: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  /** What each platform's connection form asks for. */
  'connections.platforms': method(z.object({}), z.array(PlatformInfoDto)),
  'connections.list': method(z.object({}), z.array(ConnectionDto)),
  'connections.get': method(z.object({ id: z.string() }), ConnectionDto),
  /**
   * Starts reconciling the connection: orders changed on the platform since `since` (default:
   * since the last one seen, or the last delivery) are fetched and processed like webhooks.
   * Answers at once with the run's state; progress follows as `reconcile.progress` events.
   */
  'connections.reconcile': method(z.object({ id: z.string(), since: z.iso.datetime({ offset: true }).optional() }), ReconcileProgress),
  'connections.reconcileStatus': method(z.object({ id: z.string() }), ReconcileProgress),
};
