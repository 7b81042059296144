import { speedsmsConnectorSpec, speedsmsNeedsSender, type SpeedsmsCredentials, type SpeedsmsSettings } from '../../contract/index.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, type ProviderCall } from '../provider-call.ts';
import { basicAuth, excerpt, httpTrouble } from './sms-http-answer.ts';
import { speedsmsVerdict } from './speedsms-codes.ts';
import type { SmsSender } from './sms-intents.ts';

type SpeedsmsAccount = ResolvedAccount<SpeedsmsCredentials, SpeedsmsSettings>;

/** How long a step waits when SpeedSMS says the balance is too low: the shop tops up, the step goes out then. */
const TOP_UP_WAIT_MS = 60 * 60_000;

/** SpeedSMS takes Vietnamese numbers as 84 and the national number (connectors.md §2.2). */
export const speedsmsPhone = (national: string): string => (national.startsWith('0') ? `84${national.slice(1)}` : national.replace(/^\+/, ''));

function call(a: SpeedsmsAccount, path: string, method: 'GET' | 'POST', body?: unknown): ProviderCall {
  return {
    provider: 'SpeedSMS',
    url: `${a.settings.baseUrl.replace(/\/+$/, '')}/index.php/${path}`,
    method,
    headers: {
      // HTTP Basic with the access token as the user and "x" as the password, as SpeedSMS asks.
      authorization: basicAuth(a.credentials.accessToken, 'x'),
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.accessToken],
  };
}

/**
 * The SpeedSMS sender of `sms.send` (POST /index.php/sms/send, one number per request).
 * SpeedSMS has no idempotency key: an answer lost after the request left is "outcome
 * unknown" and the message is not sent again (provider-call.ts).
 */
export function speedsmsSender(accounts: AccountStore, transport: typeof fetch): SmsSender {
  return {
    connector: speedsmsConnectorSpec.id,
    abroad: false,
    recipient: speedsmsPhone,
    async send(i, ctx) {
      const a = accounts.resolve(i.account, speedsmsConnectorSpec);
      const type = a.settings.smsType;
      if (speedsmsNeedsSender(type) && a.credentials.brandname === '') {
        throw new Error(`account "${a.name}" sends as SpeedSMS type ${type} but has no ${type === '3' ? 'brandname' : 'device id'}: fill it in Connections`);
      }
      const to = speedsmsPhone(i.phone);
      const body = { to: [to], content: i.text, sms_type: Number(type), sender: a.credentials.brandname };
      const answer = await callProvider(transport, call(a, 'sms/send', 'POST', body));
      const trouble = httpTrouble('SpeedSMS', answer, ctx.atMs);
      if (trouble) throw trouble;
      if (answer.status === 401 || answer.status === 403) throw new Error(`SpeedSMS refused the access token (HTTP ${answer.status}: ${excerpt(answer.text)})`);
      if (answer.status >= 400) throw new Error(`SpeedSMS answered HTTP ${answer.status}: ${excerpt(answer.text)}`);
      const verdict = speedsmsVerdict(answer.json, to);
      if (verdict.kind === 'sent') return { to, tranId: verdict.tranId, totalSms: verdict.totalSms, totalPrice: verdict.totalPrice, segments: i.segments };
      // SpeedSMS defers only for a low balance (300).
      throw classifiedError(verdict.kind, answer.json === null ? `${verdict.reason}: ${excerpt(answer.text)}` : verdict.reason, ctx.atMs + TOP_UP_WAIT_MS, { code: 'balance_low', args: { provider: 'SpeedSMS' } });
    },
  };
}

export function speedsmsRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: speedsmsConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as SpeedsmsAccount;
      const answer = await probeProvider(transport, call(a, 'user/info', 'GET'));
      if (isTestAnswer(answer)) return answer;
      const said = excerpt(answer.text);
      if (answer.status === 401 || answer.status === 403) return { ok: false, code: 'auth_failed', message: `SpeedSMS refused the access token (HTTP ${answer.status})`, answer: said, facts: {} };
      const b = (answer.json ?? {}) as { status?: unknown; code?: unknown; message?: unknown; data?: unknown };
      // The documented sample is the bare user; the API wraps it in {status, code, data}.
      const user = (b.data && typeof b.data === 'object' ? b.data : b) as { email?: unknown; balance?: unknown; currency?: unknown };
      if (answer.status === 200 && b.status !== 'error' && user.balance !== undefined) {
        const balance = Number(user.balance);
        const facts: Record<string, string | number> = { balance: Number.isFinite(balance) ? balance : String(user.balance) };
        if (typeof user.email === 'string') facts['email'] = user.email;
        const currency = typeof user.currency === 'string' ? user.currency : 'VND';
        return { ok: true, code: 'ok', message: `Signed in to SpeedSMS${typeof user.email === 'string' ? ` as ${user.email}` : ''}; the balance is ${Number.isFinite(balance) ? balance.toLocaleString('en-US') : String(user.balance)} ${currency}`, answer: said, facts };
      }
      const code = b.code === undefined ? '' : ` ${String(b.code)}`;
      return { ok: false, code: code === ' 008' || code === ' 009' ? 'auth_failed' : 'refused', message: `SpeedSMS answered HTTP ${answer.status}${code}${typeof b.message === 'string' ? `: ${b.message}` : ''}`, answer: said, facts: {} };
    },
  };
}
