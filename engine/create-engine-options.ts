import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformAdapter } from './platforms/adapter.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';

/** What an engine is made from: `createEngine(options)`. */
export interface EngineOptions {
  dataDir: string;
  /** 0 picks a free port. Defaults: webhooks 7430, API 7431. */
  webhookPort?: number;
  apiPort?: number;
  /** Where the webhook listener binds; 127.0.0.1 unless exposed on purpose (0.0.0.0). The API is always loopback. */
  webhookHost?: string;
  /** The public base URL platforms reach the listener at (a tunnel), used in webhook URLs shown. */
  publicWebhookUrl?: string;
  /** Largest webhook body accepted, in bytes (default 5 MB). */
  bodyLimit?: number;
  /** Jobs processed at once; 0 receives and records without processing. */
  workers?: number;
  queue?: { leaseMs?: number; retryBaseMs?: number; retryMaxMs?: number; maxAttempts?: number };
  synchronous?: 'normal' | 'full';
  /** The built editor to serve on the API port. */
  staticDir?: string;
  /** The example flows offered as templates (default: the bundled assets/gallery). */
  galleryDir?: string;
  clock?: Clock;
  logger?: Logger;
  /**
   * The 32-byte key connection secrets are encrypted with. The desktop shell passes one it
   * keeps with Electron's safeStorage; without it, or when the data dir already has a key
   * file, that file (mode 0600, made at first start) is used.
   */
  secretKey?: Buffer;
  /** Platform adapters (default: every built-in one); tests may add their own. */
  adapters?: readonly PlatformAdapter[];
  /** False: reconciliation and polling do not run by themselves (tests that drive them). Default true. */
  reconcileAtStart?: boolean;
  /** How store API clients wait between tries (429, backoff); tests shorten it. */
  storeApiSleep?: (ms: number) => Promise<void>;
  /** The transport platform API clients use (Lazada, KiotViet enrichment); tests may wrap it. */
  fetch?: typeof fetch;
  /** How often storage upkeep (retention, vacuum, checkpoint) runs; 0 turns the timer off. */
  maintenanceEveryMs?: number;
  /** The host restarts the engine when this is called (after a restore is scheduled). */
  onRestartRequested?: () => void;
  /** Serve the HTTP API (default true); an Electron host may relay over IPC only. */
  http?: boolean;
  /** Every run a delivery starts is a dry run (`flowdesk test`): actions recorded as "would do", nothing sent. */
  dryRunsOnly?: boolean;
}

export interface StartedEngine {
  apiUrl: string;
  webhookBaseUrl: string;
}

export async function listen(server: Server, port: number, host: string): Promise<number> {
  server.listen(port, host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([e]) => Promise.reject(e))]);
  return (server.address() as AddressInfo).port;
}

export async function close(server: Server | null): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

