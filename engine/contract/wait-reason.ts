import { z } from 'zod';

/**
 * Why a provider said "not now" (connectors.md §9.1 "defer"), as a code the editor words in the
 * user's language with `reasonArgs` (`provider`, and `seconds` for a rate limit). A provider
 * answer without a code is shown in its own words.
 */
export const DeferReasonCode = z.enum([
  /** The account's balance cannot pay for the message (eSMS 103, SpeedSMS 300): it goes out after a top-up. */
  'balance_low',
  /** A daily or monthly sending quota is used up (Zalo ZNS -144, Resend). */
  'quota_exceeded',
  /** The provider does not deliver at this hour (Zalo ZNS -133: not 22:00–06:00). */
  'outside_sending_hours',
  /** Too many requests: the provider named how long to wait (429 with Retry-After, Telegram's retry_after). */
  'rate_limited',
  /** The platform or provider could not be reached at all (no network, DNS down): nothing was sent; it goes out when the network is back. */
  'waiting_for_network',
]);
export type DeferReasonCode = z.infer<typeof DeferReasonCode>;

/** What a connector says with a deferral, besides its English words. */
export interface DeferWhy {
  code: DeferReasonCode;
  args?: Record<string, string>;
}

/**
 * Why a run is waiting when a provider deferred one of its steps: on the run (runs API) and on
 * its "waiting" timeline entry. A plain wait step has none (its step says until when).
 */
export const WaitReason = z.object({
  /** The step the provider deferred: it is tried again, with the same idempotency key, when the run wakes. */
  nodeId: z.string(),
  /** In English: the connector's words with the provider's answer. */
  reason: z.string(),
  reasonCode: DeferReasonCode.optional(),
  reasonArgs: z.record(z.string(), z.string()).optional(),
});
export type WaitReason = z.infer<typeof WaitReason>;

/** A deferral as a run's wait reason. */
export function waitReasonOf(nodeId: string, reason: string, why?: DeferWhy): WaitReason {
  return { nodeId, reason, ...(why ? { reasonCode: why.code, ...(why.args ? { reasonArgs: why.args } : {}) } : {}) };
}
