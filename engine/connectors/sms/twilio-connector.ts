import { smsPhoneE164, twilioConnectorSpec, type TwilioCredentials, type TwilioSettings } from '../../contract/index.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, type ProviderCall } from '../provider-call.ts';
import { basicAuth, excerpt, httpTrouble } from './sms-http-answer.ts';
import type { SmsSender } from './sms-intents.ts';
import { twilioRefusal } from './twilio-codes.ts';

type TwilioAccount = ResolvedAccount<TwilioCredentials, TwilioSettings>;

function call(a: TwilioAccount, path: string, method: 'GET' | 'POST', form?: URLSearchParams): ProviderCall {
  return {
    provider: 'Twilio',
    url: `${a.settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(a.credentials.accountSid)}${path}`,
    method,
    headers: {
      authorization: basicAuth(a.credentials.accountSid, a.credentials.authToken),
      accept: 'application/json',
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: form.toString() } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.authToken],
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/**
 * The Twilio sender of `sms.send` (POST /2010-04-01/Accounts/{SID}/Messages.json, form-encoded,
 * To in E.164). Twilio has no idempotency key for creating a message: an answer lost after the
 * request left is "outcome unknown" and the message is not sent again (provider-call.ts); only
 * what Twilio says was never processed (429, 20429) or a 5xx is tried again.
 */
export function twilioSender(accounts: AccountStore, transport: typeof fetch): SmsSender {
  return {
    connector: twilioConnectorSpec.id,
    abroad: true,
    recipient: smsPhoneE164,
    async send(i, ctx) {
      const a = accounts.resolve(i.account, twilioConnectorSpec);
      const to = smsPhoneE164(i.phone);
      const form = new URLSearchParams({ To: to });
      if (a.credentials.messagingServiceSid !== '') form.set('MessagingServiceSid', a.credentials.messagingServiceSid);
      else form.set('From', a.credentials.from);
      form.set('Body', i.text);
      const answer = await callProvider(transport, call(a, '/Messages.json', 'POST', form));
      const trouble = httpTrouble('Twilio', answer, ctx.atMs);
      if (trouble) throw trouble;
      if (answer.status === 200 || answer.status === 201) {
        const m = (answer.json ?? {}) as { sid?: unknown; status?: unknown; num_segments?: unknown };
        const segments = Number(text(m.num_segments) ?? i.segments);
        return { to, sid: text(m.sid), status: text(m.status), segments: Number.isFinite(segments) ? segments : i.segments };
      }
      const refusal = twilioRefusal(answer.json, answer.status);
      throw classifiedError(refusal.kind, answer.json === null ? `${refusal.reason}: ${excerpt(answer.text)}` : refusal.reason);
    },
  };
}

export function twilioRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: twilioConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as TwilioAccount;
      const answer = await probeProvider(transport, call(a, '.json', 'GET'));
      if (isTestAnswer(answer)) return answer;
      const said = excerpt(answer.text);
      const b = (answer.json ?? {}) as { friendly_name?: unknown; status?: unknown; type?: unknown; code?: unknown; message?: unknown };
      if (answer.status === 200) {
        const facts: Record<string, string> = {};
        const name = text(b.friendly_name);
        const status = text(b.status);
        const type = text(b.type);
        if (name) facts['account'] = name;
        if (status) facts['status'] = status;
        if (type) facts['type'] = type;
        const words = `Twilio account ${name ?? a.credentials.accountSid}${type ? ` (${type})` : ''} is ${status ?? 'found'}`;
        // A suspended or closed account signs in but cannot send.
        return status === null || status === 'active' ? { ok: true, code: 'ok', message: words, answer: said, facts } : { ok: false, code: 'refused', message: words, answer: said, facts };
      }
      const refusal = twilioRefusal(answer.json, answer.status);
      const auth = answer.status === 401 || answer.status === 403 || b.code === 20003;
      return { ok: false, code: auth ? 'auth_failed' : 'refused', message: refusal.reason, answer: said, facts: {} };
    },
  };
}
