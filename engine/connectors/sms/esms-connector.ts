import { createHash } from 'node:crypto';
import { esmsConnectorSpec, type EsmsCredentials, type EsmsSettings } from '../../contract/index.ts';
import { classifiedError, RetryableError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { esmsRequestId, esmsVerdict } from './esms-codes.ts';
import type { SmsSender } from './sms-intents.ts';

type EsmsAccount = ResolvedAccount<EsmsCredentials, EsmsSettings>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
/** How long a step waits when eSMS says the balance is too low: the shop tops up, the step goes out then. */
const TOP_UP_WAIT_MS = 60 * 60_000;

const endpoint = (a: EsmsAccount, path: string) => `${a.settings.baseUrl.replace(/\/+$/, '')}/${path}`;

/** POSTs JSON to eSMS; network trouble and 5xx/429 are passing (eSMS dedupes a resend by RequestId). */
async function post(transport: typeof fetch, a: EsmsAccount, path: string, body: Record<string, string>): Promise<{ status: number; text: string; json: unknown }> {
  let res: Response;
  let text: string;
  try {
    res = await transport(endpoint(a, path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Flowdesk' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(a.settings.timeoutSeconds * 1000),
    });
    text = await res.text();
  } catch (error) {
    throw new RetryableError(`could not reach eSMS: ${(error as Error).message}`);
  }
  if (res.status >= 500 || res.status === 429) throw new RetryableError(`eSMS answered HTTP ${res.status}: ${excerpt(text)}`);
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // eSMS answers JSON; anything else is said as it came.
  }
  if (res.status >= 400) throw new Error(`eSMS answered HTTP ${res.status}: ${excerpt(text)}`);
  return { status: res.status, text, json };
}

/** The eSMS sender of `sms.send` (SendMultipleMessage_V4_post_json, one number per request). */
export function esmsSender(accounts: AccountStore, transport: typeof fetch): SmsSender {
  return {
    connector: esmsConnectorSpec.id,
    async send(i, ctx) {
      const a = accounts.resolve(i.account, esmsConnectorSpec);
      const requestId = esmsRequestId(ctx.idempotencyKey, sha256);
      const body: Record<string, string> = {
        ApiKey: a.credentials.apiKey,
        SecretKey: a.credentials.secretKey,
        Phone: i.phone,
        Content: i.text,
        SmsType: a.settings.smsType,
        ...(a.settings.smsType === '2' ? { Brandname: a.credentials.brandname } : {}),
        IsUnicode: i.unicode ? '1' : '0',
        Sandbox: a.settings.sandbox ? '1' : '0',
        // eSMS refuses a RequestId it saw in the last 24 h (code 124): a retried step cannot send twice.
        RequestId: requestId,
      };
      const { json, text } = await post(transport, a, 'SendMultipleMessage_V4_post_json/', body);
      const verdict = esmsVerdict(json);
      if (verdict.kind === 'sent') {
        const smsId = (json as { SMSID?: unknown }).SMSID;
        return { requestId, smsId: typeof smsId === 'string' ? smsId : null, duplicate: verdict.duplicate, segments: i.segments, sandbox: a.settings.sandbox };
      }
      // eSMS defers only for a low balance (103).
      throw classifiedError(verdict.kind, json === null ? `${verdict.reason}: ${excerpt(text)}` : verdict.reason, ctx.atMs + TOP_UP_WAIT_MS, { code: 'balance_low', args: { provider: 'eSMS' } });
    },
  };
}

export function esmsRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: esmsConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as EsmsAccount;
      try {
        const { json, text } = await post(transport, a, 'GetBalance_json', { ApiKey: a.credentials.apiKey, SecretKey: a.credentials.secretKey });
        const b = (json ?? {}) as { CodeResponse?: unknown; Balance?: unknown; ErrorMessage?: unknown };
        const code = b.CodeResponse === undefined ? null : String(b.CodeResponse);
        const said = typeof b.ErrorMessage === 'string' ? b.ErrorMessage : null;
        const answer = code ? `${code}${said ? ` ${said}` : ''}` : excerpt(text);
        if (code === '100') {
          const balance = Number(b.Balance);
          return { ok: true, code: 'ok', message: `Signed in to eSMS; the balance is ${Number.isFinite(balance) ? balance.toLocaleString('en-US') : String(b.Balance)} ₫`, answer, facts: { balance: Number.isFinite(balance) ? balance : String(b.Balance) } };
        }
        if (code === '101') return { ok: false, code: 'auth_failed', message: `eSMS refused the ApiKey/SecretKey (${answer})`, answer, facts: {} };
        return { ok: false, code: 'refused', message: `eSMS answered ${answer}`, answer, facts: {} };
      } catch (error) {
        const message = (error as Error).message;
        return { ok: false, code: /timeout|aborted/i.test(message) ? 'timeout' : 'unreachable', message, answer: null, facts: {} };
      }
    },
  };
}
