import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Google Sheets through a service account (connectors.md §7): the user creates a service
 * account in Google Cloud, downloads its JSON key, pastes the whole file here, and shares each
 * spreadsheet with the account's `client_email` as an editor. No user consent screen, no
 * refresh tokens: Flowdesk signs a JWT with the key for each hour-long access token.
 */

/** The fields of a service-account key file Flowdesk uses. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId: string | null;
  projectId: string | null;
}

/** A key file's text, read; a string in words when it is not a service-account key. */
export function readServiceAccountKey(text: string): ServiceAccountKey | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'paste the whole JSON key file Google gave (it starts with { and ends with })';
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'paste the whole JSON key file Google gave';
  const k = json as Record<string, unknown>;
  if (k['type'] !== undefined && k['type'] !== 'service_account') return `this is a "${String(k['type'])}" key, not a service-account key: create a key for a service account`;
  const clientEmail = k['client_email'];
  const privateKey = k['private_key'];
  if (typeof clientEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(clientEmail)) return 'the key has no client_email: paste the whole JSON key file';
  if (typeof privateKey !== 'string' || !privateKey.includes('-----BEGIN PRIVATE KEY-----')) return 'the key has no private_key: paste the whole JSON key file';
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { clientEmail, privateKey, privateKeyId: str(k['private_key_id']), projectId: str(k['project_id']) };
}

export const GoogleSheetsCredentials = z.object({
  serviceAccountKey: z
    .string()
    .trim()
    .min(1, 'paste the JSON key file of the service account')
    .max(20_000)
    .superRefine((text, ctx) => {
      const key = readServiceAccountKey(text);
      if (typeof key === 'string') ctx.addIssue({ code: 'custom', message: key });
    })
    .meta({
      title: 'Service account key (JSON)',
      description: 'Google Cloud console → IAM → Service accounts → Keys → Add key → JSON: paste the whole file. Then share each spreadsheet with the account’s email as an editor',
      secret: true,
    }),
});
export type GoogleSheetsCredentials = z.infer<typeof GoogleSheetsCredentials>;

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const GOOGLE_SHEETS_BASE_URL = 'https://sheets.googleapis.com';
/** Writing cells and reading a spreadsheet's title; nothing of Drive. */
export const GOOGLE_SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export const GoogleSheetsSettings = z.object({
  testSpreadsheet: z
    .string()
    .trim()
    .max(500)
    .default('')
    .meta({ title: 'Spreadsheet to test with', description: 'A spreadsheet link or id: Test opens it and shows its title (writes nothing)' }),
  tokenUrl: z.url({ protocol: /^https?$/ }).default(GOOGLE_TOKEN_URL).meta({ title: 'Token address' }),
  baseUrl: z.url({ protocol: /^https?$/ }).default(GOOGLE_SHEETS_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(20).meta({ title: 'Timeout (seconds)' }),
});
export type GoogleSheetsSettings = z.infer<typeof GoogleSheetsSettings>;

export const googleSheetsConnectorSpec = defineConnectorSpec({
  id: 'google_sheets',
  label: 'Google Sheets',
  description: 'Append rows to Google Sheets spreadsheets shared with a service account.',
  credentials: GoogleSheetsCredentials,
  settings: GoogleSheetsSettings,
  test: 'Signs in with the key and, when a spreadsheet to test with is set, reads its title; writes nothing.',
});

/** The id in a spreadsheet's link (…/spreadsheets/d/<id>/edit…), or the id itself; null when it is neither. */
export function spreadsheetIdOf(input: string): string | null {
  const s = input.trim();
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(s);
  if (fromUrl) return fromUrl[1]!;
  return /^[A-Za-z0-9_-]{20,}$/.test(s) ? s : null;
}

/** A1 notation for "this tab, from its first cell": quoted, with quotes doubled ('Đơn hàng'!A1); empty tab = the first one. */
export function a1RangeOf(sheet: string): string {
  const tab = sheet.trim();
  return tab === '' ? 'A1' : `'${tab.replaceAll("'", "''")}'!A1`;
}
