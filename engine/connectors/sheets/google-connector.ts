import { a1RangeOf, googleSheetsConnectorSpec, spreadsheetIdOf, type GoogleSheetsCredentials, type GoogleSheetsSettings, type SheetsValueInput } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, retryAfterMs } from '../provider-call.ts';
import { userEnteredValue, type RenderedCell } from './cells.ts';
import { sheetsAnswerWords, sheetsVerdict } from './google-answers.ts';
import { googleTokens, keyOf, requestToken, type GoogleTokens, type TokenAccount } from './google-token.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One row for a Google Sheets tab: the columns' headers and rendered values, in the sheet's order. */
    'sheets.appendGoogle': { account: string; spreadsheetId: string; sheet: string; valueInput: SheetsValueInput; cells: RenderedCell[] };
  }
}

type SheetsAccount = ResolvedAccount<GoogleSheetsCredentials, GoogleSheetsSettings>;

const tokenAccountOf = (a: SheetsAccount): TokenAccount => ({ id: a.id, key: keyOf(a.credentials.serviceAccountKey), tokenUrl: a.settings.tokenUrl, timeoutMs: a.settings.timeoutSeconds * 1000 });
const apiBase = (a: SheetsAccount) => `${a.settings.baseUrl.replace(/\/+$/, '')}/v4/spreadsheets`;

/** values.append's address (connectors.md §7): the A1 range percent-encoded in the path, rows inserted, not written over. */
export function appendUrl(base: string, spreadsheetId: string, sheet: string, valueInput: SheetsValueInput): string {
  const query = new URLSearchParams({ valueInputOption: valueInput, insertDataOption: 'INSERT_ROWS', includeValuesInResponse: 'false' });
  return `${base}/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(a1RangeOf(sheet))}:append?${query}`;
}

/**
 * `sheets.appendGoogle`: values.append with a service account's token. Google keeps no
 * idempotency key and an append is not idempotent, so a request that may have arrived is never
 * sent again (provider-call.ts: "outcome unknown"); 429 and 5xx (nothing written: each request
 * is applied whole or not at all) are retried; a 401 gets a new token and one more try.
 */
export function googleSheetsIntentHandlers(accounts: AccountStore, transport: typeof fetch, tokens: GoogleTokens = googleTokens(transport)): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'sheets.appendGoogle',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        spreadsheetId: i.spreadsheetId,
        sheet: i.sheet || null,
        row: Object.fromEntries(i.cells.map((c) => [c.header, c.value])),
      }),
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, googleSheetsConnectorSpec);
        const ta = tokenAccountOf(a);
        const started = performance.now();
        const values = i.cells.map((c) => (i.valueInput === 'RAW' ? c.value : userEnteredValue(c)));
        const target = { spreadsheetId: i.spreadsheetId, sheet: i.sheet, clientEmail: ta.key.clientEmail };
        for (let attempt = 1; ; attempt++) {
          const token = await tokens.get(ta);
          const answer = await callProvider(transport, {
            provider: 'Google Sheets',
            url: appendUrl(apiBase(a), i.spreadsheetId, i.sheet, i.valueInput),
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ majorDimension: 'ROWS', values: [values] }),
            timeoutMs: a.settings.timeoutSeconds * 1000,
            secrets: [token],
            what: 'the row',
          });
          const verdict = sheetsVerdict(answer, target);
          switch (verdict.kind) {
            case 'ok': {
              const updates = (verdict.json['updates'] ?? {}) as { updatedRange?: unknown; updatedRows?: unknown };
              return { spreadsheetId: i.spreadsheetId, updatedRange: updates.updatedRange ?? null, updatedRows: updates.updatedRows ?? null };
            }
            case 'new_token':
              // A token Google stopped taking (revoked, or its hour is over by Google's clock): nothing was written.
              tokens.drop(ta, token);
              if (attempt < 2) continue;
              throw classifiedError('fail', `Google Sheets refused the service account's access token twice: check the key in the account (${verdict.answer})`);
            case 'wait': {
              const answeredAt = ctx.atMs + (performance.now() - started);
              throw rateLimited('Google Sheets', retryAfterMs(verdict.retryAfter, answeredAt), answeredAt, verdict.answer);
            }
            default:
              throw classifiedError(verdict.kind, verdict.reason);
          }
        }
      },
    }),
  ];
}

/** The Test: a fresh token (the key works), then the test spreadsheet's title (the sharing works); nothing written. */
export function googleSheetsRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: googleSheetsConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as SheetsAccount;
      let ta: TokenAccount;
      try {
        ta = tokenAccountOf(a);
      } catch (error) {
        return { ok: false, code: 'refused', message: (error as Error).message, answer: null, facts: {} };
      }
      const facts: Record<string, string> = { serviceAccount: ta.key.clientEmail };
      const got = await requestToken(transport, ta, Date.now());
      if ('kind' in got) return { ok: false, code: got.kind === 'fail' ? 'auth_failed' : 'unreachable', message: got.reason, answer: null, facts };
      const wanted = a.settings.testSpreadsheet.trim();
      if (wanted === '') return { ok: true, code: 'ok', message: `Signed in as ${ta.key.clientEmail}; share each spreadsheet with this address as an editor`, answer: null, facts };
      const id = spreadsheetIdOf(wanted);
      if (!id) return { ok: false, code: 'refused', message: `"${wanted}" is not a spreadsheet link or id: check "Spreadsheet to test with"`, answer: null, facts };
      const answer = await probeProvider(transport, {
        provider: 'Google Sheets',
        url: `${apiBase(a)}/${encodeURIComponent(id)}?fields=properties.title`,
        method: 'GET',
        headers: { authorization: `Bearer ${got.token}` },
        timeoutMs: a.settings.timeoutSeconds * 1000,
        secrets: [got.token],
      });
      if (isTestAnswer(answer)) return { ...answer, facts };
      const verdict = sheetsVerdict(answer, { spreadsheetId: id, sheet: '', clientEmail: ta.key.clientEmail });
      if (verdict.kind === 'ok') {
        const title = String(((verdict.json['properties'] ?? {}) as { title?: unknown }).title ?? id);
        return { ok: true, code: 'ok', message: `Signed in as ${ta.key.clientEmail} and opened "${title}"`, answer: null, facts: { ...facts, spreadsheet: title } };
      }
      const words = sheetsAnswerWords(answer);
      return { ok: false, code: 'refused', message: 'reason' in verdict ? verdict.reason : `Google Sheets answered ${words}`, answer: words, facts };
    },
  };
}
