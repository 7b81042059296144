import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/** Google's error envelope: `{"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}`. */
interface GoogleError {
  error?: { code?: unknown; message?: unknown; status?: unknown };
}

/**
 * The verdict on one Sheets API answer (connectors.md §7, §9.1): done; a token Google no longer
 * takes (a new one, then once more); wait (429, Retry-After honoured); or a class of failure.
 */
export type SheetsVerdict =
  | { kind: 'ok'; json: Record<string, unknown> }
  | { kind: 'new_token'; answer: string }
  | { kind: 'wait'; retryAfter: string | null; answer: string }
  | { kind: ErrorClass; reason: string };

/** "403 PERMISSION_DENIED: The caller does not have permission": Google's own words. */
export function sheetsAnswerWords(a: ProviderAnswer): string {
  const e = ((a.json ?? {}) as GoogleError).error;
  if (e && typeof e.message === 'string') return `${typeof e.code === 'number' ? e.code : a.status}${typeof e.status === 'string' ? ` ${e.status}` : ''}: ${e.message}`;
  return `HTTP ${a.status}: ${a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text}`;
}

export interface SheetsTarget {
  spreadsheetId: string;
  sheet: string;
  clientEmail: string;
}

export function sheetsVerdict(a: ProviderAnswer, t: SheetsTarget): SheetsVerdict {
  if (a.status === 200 && a.json && typeof a.json === 'object') return { kind: 'ok', json: a.json as Record<string, unknown> };
  const answer = `Google Sheets: ${sheetsAnswerWords(a)}`;
  const message = String(((a.json ?? {}) as GoogleError).error?.message ?? '');
  if (a.status === 401) return { kind: 'new_token', answer };
  if (a.status === 429) return { kind: 'wait', retryAfter: a.headers.get('retry-after'), answer };
  if ([500, 502, 503, 504].includes(a.status)) return { kind: 'retry', reason: `Google Sheets is having trouble (${answer})` };
  if (a.status === 403) {
    if (/has not been used|is disabled|SERVICE_DISABLED|API has not/i.test(message)) {
      return { kind: 'fail', reason: `the Google Sheets API is turned off for the service account's Google Cloud project: turn it on in the Cloud console (APIs & Services → Library → Google Sheets API), then retry (${answer})` };
    }
    return { kind: 'fail', reason: `the service account may not edit this spreadsheet: share the sheet with ${t.clientEmail} as an editor (${answer})` };
  }
  if (a.status === 404) return { kind: 'fail', reason: `Google Sheets has no spreadsheet ${t.spreadsheetId}: check its link in the step, and that it was not deleted (${answer})` };
  if (a.status === 400 && /Unable to parse range/i.test(message)) {
    return { kind: 'fail', reason: `the spreadsheet has no tab named "${t.sheet}": check the Tab field (${answer})` };
  }
  if (a.status === 200) return { kind: 'fail', reason: `Google Sheets answered something else than its API (${answer})` };
  return { kind: 'fail', reason: `Google Sheets refused the row (${answer})` };
}
