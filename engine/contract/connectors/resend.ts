import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Email through Resend's HTTP API (connectors.md §3.3): an API key, and the sender to use when
 * a step sets none. Resend sends only from a domain verified in the Resend dashboard.
 */
export const ResendCredentials = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^re_[A-Za-z0-9_-]{8,}$/, 'paste the API key Resend gave, e.g. re_123abc…')
    .max(200)
    .meta({ title: 'API key', description: 'resend.com → API Keys; "Sending access" is enough to send', secret: true }),
  from: z
    .string()
    .trim()
    .max(320)
    .default('')
    .meta({ title: 'Default sender', description: 'An address on a domain verified in Resend, e.g. "Cửa hàng An <shop@example.vn>"; a step may set its own' }),
});
export type ResendCredentials = z.infer<typeof ResendCredentials>;

export const RESEND_BASE_URL = 'https://api.resend.com';

export const ResendSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(RESEND_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(30).meta({ title: 'Timeout (seconds)' }),
});
export type ResendSettings = z.infer<typeof ResendSettings>;

export const resendConnectorSpec = defineConnectorSpec({
  id: 'resend',
  label: 'Email (Resend)',
  description: "Send email through Resend's API, from a domain you verified there.",
  credentials: ResendCredentials,
  settings: ResendSettings,
  test: 'Lists the domains of the Resend account and says which are verified; sends nothing.',
});

/** `Name <a@b.vn>` or `a@b.vn` → `b.vn` (lower case); null when there is no address. */
export function emailDomainOf(address: string): string | null {
  const bare = /<([^<>]+)>\s*$/.exec(address)?.[1] ?? address;
  const m = /@([^\s@<>]+)\s*$/.exec(bare.trim());
  return m ? m[1]!.toLowerCase() : null;
}
