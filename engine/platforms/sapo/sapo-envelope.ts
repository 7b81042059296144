import { z } from 'zod';
import type { RawDelivery } from '../adapter.ts';
import { looksLikeSapoGo } from './sapo-go-payload.ts';

export type SapoDialect = 'web' | 'go';

/**
 * What the Sapo adapter's `parse` gives: the order as sent, and what only the headers say
 * (which Sapo sent it, whether it is a test send, the GO event version). Normalizing needs
 * them and sees only the parsed payload, so they travel with it.
 */
export const SapoEnvelope = z.object({
  sapo: z.object({
    dialect: z.enum(['web', 'go']),
    test: z.boolean(),
    eventVersion: z.string().nullable(),
    objectId: z.string().nullable(),
  }),
  order: z.unknown(),
});
export type SapoEnvelope = z.infer<typeof SapoEnvelope>;

/** The shop (Web, `X-Sapo-Shop-Domain`) or tenant (GO, `x-sapo-tenant-domain`) domain. */
export function sapoDomain(h: Record<string, string>): string | null {
  return h['x-sapo-tenant-domain'] ?? h['x-sapo-shop-domain'] ?? h['x-shopify-shop-domain'] ?? null;
}

/**
 * Which Sapo sent a delivery (§3.2's recommendation: route on the host). GO's own headers
 * (`x-sapo-tenant-domain`, `x-event-version`, `x-sapo-object-id`) or a `*.mysapogo.com` host mean
 * GO; `X-Sapo-Shop-Domain` or a `*.mysapo.net` host mean Web; otherwise the body's shape decides.
 */
export function detectDialect(h: Record<string, string>, body: unknown): SapoDialect {
  const domain = sapoDomain(h)?.toLowerCase() ?? '';
  if (domain.endsWith('.mysapogo.com') || h['x-sapo-tenant-domain'] || h['x-event-version'] || h['x-sapo-object-id']) return 'go';
  if (domain.endsWith('.mysapo.net') || h['x-sapo-shop-domain']) return 'web';
  return looksLikeSapoGo(body) ? 'go' : 'web';
}

export function envelope(d: RawDelivery, order: unknown): SapoEnvelope {
  const h = d.headers;
  return {
    sapo: {
      dialect: detectDialect(h, order),
      test: h['x-sapo-test'] === 'true',
      eventVersion: h['x-event-version'] ?? null,
      objectId: h['x-sapo-object-id'] ?? h['x-sapo-order-id'] ?? null,
    },
    order,
  };
}

/** The envelope, or a bare order (as a test or an older caller passes it) read by its shape. */
export function openEnvelope(payload: unknown): SapoEnvelope {
  const parsed = SapoEnvelope.safeParse(payload);
  if (parsed.success) return parsed.data;
  return { sapo: { dialect: looksLikeSapoGo(payload) ? 'go' : 'web', test: false, eventVersion: null, objectId: null }, order: payload };
}
