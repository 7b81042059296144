import { z } from 'zod';
import { Platform } from './platform.ts';

/**
 * A capture file (issue 15): deliveries exactly as a platform sent them, to keep, share, import
 * into another Flowdesk, replay, and run as test cases. JSON, documented in docs/capture-files.md.
 * The body travels as base64 so every byte (and so the signature) survives.
 */
export const CAPTURE_FORMAT = 'flowdesk.capture/1';

export const CapturedDelivery = z.object({
  platform: Platform,
  /** The store it came from (shop domain, org id…): an importing Flowdesk finds its connection by platform + store. */
  storeId: z.string().min(1).max(255),
  topic: z.string().max(255).nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  method: z.string().min(1).max(16),
  /**
   * The path it was posted to, with its query. A LadiSales / catch-hook URL token is stored
   * masked, so such a delivery imports as unverified; `flowdesk replay` puts the connection's
   * token back when it signs.
   */
  path: z.string().max(4000),
  /** Header names lowercased, as received. */
  headers: z.record(z.string(), z.string().max(16_384)),
  bodyBase64: z.string().max(20_000_000),
  /** What the exporting Flowdesk made of it, for the reader; an import verifies again. */
  verdict: z.string().max(64).optional(),
  /** A note (a test case's name). */
  note: z.string().max(2000).optional(),
});
export type CapturedDelivery = z.infer<typeof CapturedDelivery>;

export const CaptureFile = z.object({
  format: z.literal(CAPTURE_FORMAT, { error: (issue) => `not a Flowdesk capture file (format "${String((issue.input as unknown) ?? '')}", expected "${CAPTURE_FORMAT}")` }),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  deliveries: z.array(CapturedDelivery).min(1, 'the file holds no delivery').max(100_000),
});
export type CaptureFile = z.infer<typeof CaptureFile>;

/** How a replay runs a delivery's flows (issue 15). */
export const ReplayMode = z.enum([
  /** The flow version each run was pinned to, on the original payload. */
  'as_ran',
  /** The flows' current versions (the active one, else the latest). */
  'current',
  /** Each failed run again from its failed step, on the flow's current version (the fixed one; steps before it are kept, not done again). */
  'from_failed',
]);
export type ReplayMode = z.infer<typeof ReplayMode>;
