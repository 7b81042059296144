/**
 * What main and the engine entry (engine/host/engine-entry.ts, built to
 * dist/electron/engine-entry.js) say to each other over the utility process's message port.
 * Main reads only `type` and `id`: replies and events pass through unread.
 */
import type { ApiErrorCode, ApiReply } from '../../engine/contract/index.ts';

/** main → engine */
export type ToEngine =
  | { type: 'invoke'; id: number; method: string; args: unknown }
  /**
   * Close the database and listeners, then exit. On Windows, where there is no SIGTERM, this is
   * the only graceful way; elsewhere main also sends SIGTERM.
   */
  | { type: 'shutdown' };

/** engine → main */
export type FromEngine =
  | { type: 'ready'; apiUrl: string; webhookBaseUrl: string }
  | { type: 'reply'; id: number; reply: unknown }
  | { type: 'event'; event: string; payload: unknown }
  /** The engine could not start, and exits. */
  | { type: 'fatal'; message: string };

export function readEngineMessage(value: unknown): FromEngine | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Partial<Record<string, unknown>>;
  switch (m.type) {
    case 'ready':
      return typeof m.apiUrl === 'string' && typeof m.webhookBaseUrl === 'string'
        ? { type: 'ready', apiUrl: m.apiUrl, webhookBaseUrl: m.webhookBaseUrl }
        : null;
    case 'reply':
      return typeof m.id === 'number' ? { type: 'reply', id: m.id, reply: m.reply } : null;
    case 'event':
      return typeof m.event === 'string' ? { type: 'event', event: m.event, payload: m.payload } : null;
    case 'fatal':
      return { type: 'fatal', message: typeof m.message === 'string' ? m.message : 'the engine could not start' };
    default:
      return null;
  }
}

/** The reply main gives in the engine's place, when the engine cannot answer. */
export function errorReply(code: ApiErrorCode, message: string): ApiReply {
  return { ok: false, error: { code, message } };
}
