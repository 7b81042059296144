import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * A Zalo Official Account, through the app linked to it (connectors.md §1). One OA access token
 * serves both the OA messages (openapi.zalo.me) and ZNS (business.openapi.zalo.me); it lives
 * about 25 hours and is renewed with the refresh token, which works ONCE: every refresh gives a
 * new pair, stored at once (engine/connectors/zalo/zalo-tokens.ts).
 *
 * The object is loose on purpose: beside the pasted fields the connector keeps when the access
 * token expires (`accessTokenExpiresAt`, ISO), learnt from each refresh, never typed in. A pair
 * pasted later keeps it until the next refresh: at worst one early refresh, and a token Zalo
 * refuses as expired is refreshed whatever the date said.
 */
export const ZaloCredentials = z
  .object({
    appId: z
      .string()
      .trim()
      .regex(/^\d{5,25}$/, 'the App ID is a number, e.g. 1234567890123456789')
      .meta({ title: 'App ID', description: 'developers.zalo.me → your app → Settings: the app linked to the OA' }),
    appSecret: z
      .string()
      .trim()
      .min(8, 'paste the app’s secret key')
      .max(200)
      .meta({ title: 'App secret key', description: 'Beside the App ID; sent only to renew the tokens', secret: true }),
    accessToken: z
      .string()
      .trim()
      .min(20, 'paste the OA access token')
      .max(2000)
      .meta({ title: 'OA access token', description: 'developers.zalo.me → Tools → API Explorer: OA Access Token', secret: true }),
    refreshToken: z
      .string()
      .trim()
      .min(20, 'paste the refresh token')
      .max(2000)
      .meta({ title: 'Refresh token', description: 'Given with the access token; Flowdesk renews both by itself', secret: true }),
  })
  .loose();
export type ZaloCredentials = z.infer<typeof ZaloCredentials> & { accessTokenExpiresAt?: string };

export const ZALO_OAUTH_BASE_URL = 'https://oauth.zaloapp.com';
export const ZALO_OPENAPI_BASE_URL = 'https://openapi.zalo.me';
/** ZNS has its own host (connectors.md §1.2). */
export const ZALO_BUSINESS_BASE_URL = 'https://business.openapi.zalo.me';

const url = (fallback: string, title: string) => z.url({ protocol: /^https?$/ }).default(fallback).meta({ title });

export const ZaloSettings = z.object({
  oauthBaseUrl: url(ZALO_OAUTH_BASE_URL, 'Sign-in address (tokens)'),
  openApiBaseUrl: url(ZALO_OPENAPI_BASE_URL, 'OA API address'),
  businessBaseUrl: url(ZALO_BUSINESS_BASE_URL, 'ZNS API address'),
  /** ZNS `mode: "development"`: delivered only to the app's and OA's admins, not charged. */
  znsDevelopment: z.boolean().default(false).meta({ title: 'ZNS development mode (only to the OA’s admins, not charged)' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type ZaloSettings = z.infer<typeof ZaloSettings>;

export const zaloConnectorSpec = defineConnectorSpec({
  id: 'zalo',
  label: 'Zalo OA',
  description: 'Send ZNS template messages by phone number and OA messages to your followers from your Zalo Official Account.',
  credentials: ZaloCredentials,
  settings: ZaloSettings,
  test: 'Renews the OA access token with the refresh token (the new pair is stored) and asks Zalo for the OA’s name; sends nothing.',
});

/** A Zalo user id as the OA sees it: 16–19 digits, more than 2^53, so always a string. */
export const isZaloUserId = (s: string): boolean => /^\d{6,25}$/.test(s);

/** The customer wrote to the OA within this long: a consultation message may be sent (connectors.md §1.3). */
export const ZALO_CONSULTATION_WINDOW_MS = 7 * 24 * 3_600_000;
