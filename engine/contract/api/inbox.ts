import { z } from 'zod';
import { Platform } from '../platform.ts';
import { method } from './method.ts';

/** What the listener decided about a delivery, before any processing. */
export const InboxVerdict = z.enum([
  'accepted',
  'duplicate',
  'bad_signature',
  'unknown_connection',
  'too_large',
  'malformed',
  'ignored_topic',
  /** A platform's unsigned "are you there?" request (WooCommerce's webhook_id ping). */
  'ping',
  /** Not a POST (webhooks are delivered with POST), or a URL that cannot be read. */
  'not_a_delivery',
]);
export type InboxVerdict = z.infer<typeof InboxVerdict>;

/** How a delivery came in; `imported` from a capture file or a HAR (issue 15), verified like a webhook. */
export const DeliverySource = z.enum(['webhook', 'reconciled', 'polled', 'imported']);
export type DeliverySource = z.infer<typeof DeliverySource>;

/** What became of an accepted delivery. */
export const InboxProcessing = z.enum(['pending', 'processed', 'failed', 'dead', 'not_processed']);
export type InboxProcessing = z.infer<typeof InboxProcessing>;

export const InboxEntryDto = z.object({
  id: z.number(),
  receivedAt: z.string(),
  connectionId: z.string().nullable(),
  platform: Platform.nullable(),
  topic: z.string().nullable(),
  deliveryKey: z.string().nullable(),
  verdict: InboxVerdict,
  reason: z.string().nullable(),
  duplicateOf: z.number().nullable(),
  httpStatus: z.number(),
  bodySize: z.number(),
  processing: InboxProcessing,
  outcome: z.string().nullable(),
  orderId: z.string().nullable(),
  /** How it came in: a webhook, or an order fetched through the platform's API (reconciled, polled: nothing to verify). */
  source: DeliverySource.default('webhook'),
});
export type InboxEntryDto = z.infer<typeof InboxEntryDto>;

export const InboxEntryDetailDto = InboxEntryDto.extend({
  method: z.string(),
  path: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The body as received: UTF-8 text when it is valid UTF-8, otherwise base64. */
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  /** When retention removed the raw body (the record stays), or null. */
  bodyPrunedAt: z.string().nullable(),
});
export type InboxEntryDetailDto = z.infer<typeof InboxEntryDetailDto>;

export const inboxApi = {
  'inbox.list': method(
    z.object({
      connectionId: z.string().optional(),
      verdict: InboxVerdict.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      beforeId: z.number().int().optional(),
    }),
    z.array(InboxEntryDto),
  ),
  'inbox.get': method(z.object({ id: z.number().int() }), InboxEntryDetailDto),
};
