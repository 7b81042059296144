import { createHash } from 'node:crypto';
import { emailDomainOf, resendConnectorSpec, type ResendCredentials, type ResendSettings } from '../../contract/index.ts';
import { classifiedError, RetryableError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { rateLimited, retryAfterMs } from '../provider-call.ts';
import type { EmailSender } from './email-intents.ts';
import { domainsOf, resendAnswerWords, resendErrorName, resendVerdict, sendsFrom, type ResendAnswer } from './resend-answers.ts';

type ResendAccount = ResolvedAccount<ResendCredentials, ResendSettings>;

/** How long a step waits when the day's quota is spent: Resend counts the last 24 hours. */
const QUOTA_WAIT_MS = 60 * 60_000;

type Sent = { answer: ResendAnswer } | { failure: { timedOut: boolean; words: string } };

async function call(transport: typeof fetch, a: ResendAccount, method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<Sent> {
  try {
    const res = await transport(`${a.settings.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${a.credentials.apiKey}`,
        'user-agent': 'Flowdesk',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(a.settings.timeoutSeconds * 1000),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page): said as it came.
    }
    return { answer: { status: res.status, headers: res.headers, text, json } };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { message?: string } };
    const words = e.cause?.message && e.cause.message !== e.message ? `${e.message} (${e.cause.message})` : (e.message ?? String(error));
    return { failure: { timedOut: e.name === 'TimeoutError', words: words.replaceAll(a.credentials.apiKey, '••••') } };
  }
}

/** Resend keeps keys of 1–256 characters; a longer step key (a long node id) goes as its hash, the same on every attempt. */
export function resendIdempotencyKey(stepKey: string): string {
  return stepKey.length <= 256 ? stepKey : `flowdesk/${createHash('sha256').update(stepKey).digest('hex')}`;
}

/**
 * The Resend sender of `email.send`: POST /emails with the step's Idempotency-Key. Resend
 * answers a resent key with the first answer and sends nothing (for 24 hours), so unlike the
 * providers without dedupe, an answer lost on the way (a timeout, a connection cut mid-answer)
 * is simply asked again: a retry cannot send twice.
 */
export function resendSender(accounts: AccountStore, transport: typeof fetch): EmailSender {
  return {
    connector: resendConnectorSpec.id,
    async send(i, ctx) {
      const a = accounts.resolve(i.account, resendConnectorSpec);
      const from = i.from || a.credentials.from;
      if (!from) throw new Error(`no sender: set the step's From or the default sender of account "${a.name}"`);
      const key = resendIdempotencyKey(ctx.idempotencyKey);
      const started = performance.now();
      const sent = await call(
        transport,
        a,
        'POST',
        '/emails',
        {
          from,
          to: i.to,
          ...(i.cc.length > 0 ? { cc: i.cc } : {}),
          ...(i.bcc.length > 0 ? { bcc: i.bcc } : {}),
          ...(i.replyTo ? { reply_to: i.replyTo } : {}),
          subject: i.subject,
          ...(i.html ? { html: i.html } : {}),
          // Left out, Resend writes the text from the HTML.
          ...(i.text ? { text: i.text } : {}),
        },
        key,
      );
      if ('failure' in sent) {
        const f = sent.failure;
        const what = f.timedOut ? `Resend did not answer within ${a.settings.timeoutSeconds} s` : `no answer from Resend (${f.words})`;
        throw new RetryableError(`${what}; asked again with the same Idempotency-Key, so Resend cannot send it twice`);
      }
      const verdict = resendVerdict(sent.answer);
      switch (verdict.kind) {
        case 'sent':
          return { id: verdict.id, idempotencyKey: key };
        case 'wait': {
          const answeredAt = ctx.atMs + (performance.now() - started);
          throw rateLimited('Resend', retryAfterMs(verdict.retryAfter, answeredAt), answeredAt, verdict.answer);
        }
        default:
          // The only deferral Resend causes is the day's quota, worded by the run view from its code.
          throw classifiedError(verdict.kind, verdict.reason, ctx.atMs + QUOTA_WAIT_MS, { code: 'quota_exceeded', args: { provider: 'Resend' } });
      }
    },
  };
}

/** The Test: GET /domains (harmless), saying which domains send and whether the default sender's is one. */
export function resendRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: resendConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as ResendAccount;
      const sent = await call(transport, a, 'GET', '/domains');
      if ('failure' in sent) {
        const f = sent.failure;
        return f.timedOut
          ? { ok: false, code: 'timeout', message: `Resend did not answer within ${a.settings.timeoutSeconds} s`, answer: null, facts: {} }
          : { ok: false, code: 'unreachable', message: `could not reach Resend: ${f.words}`, answer: null, facts: {} };
      }
      const answer = sent.answer;
      const words = resendAnswerWords(answer);
      const name = resendErrorName(answer);
      // A key with "Sending access" only may not list domains (401 restricted_api_key): it is a working key all the same.
      if (answer.status === 401 && name === 'restricted_api_key') {
        return { ok: true, code: 'ok', message: 'The API key works; it may only send emails, so its domains could not be listed', answer: words, facts: { sendingOnly: '' } };
      }
      if (answer.status === 401 || answer.status === 403) return { ok: false, code: 'auth_failed', message: `Resend refused the API key (${words})`, answer: words, facts: {} };
      const domains = answer.status === 200 ? domainsOf(answer.json) : null;
      if (!domains) return { ok: false, code: 'refused', message: `Resend answered ${words}`, answer: words, facts: {} };

      const verified = domains.filter(sendsFrom).map((d) => d.name);
      const others = domains.filter((d) => !sendsFrom(d)).map((d) => `${d.name} (${d.status})`);
      const facts: Record<string, string> = verified.length > 0 ? { verifiedDomains: verified.join(', ') } : { noVerifiedDomain: String(domains.length) };
      if (others.length > 0) facts['otherDomains'] = others.join(', ');
      const fromDomain = a.credentials.from ? emailDomainOf(a.credentials.from) : null;
      // resend.dev is Resend's own testing sender, which every account may use (to its own address).
      if (fromDomain && fromDomain !== 'resend.dev' && !verified.includes(fromDomain)) facts['senderNotVerified'] = fromDomain;
      const said = verified.length > 0 ? `verified domains: ${verified.join(', ')}` : 'no verified domain yet';
      const warning = facts['senderNotVerified'] ? `; the default sender's domain ${fromDomain} is not verified, so Resend will refuse mail from it` : '';
      return { ok: true, code: 'ok', message: `Signed in to Resend; ${said}${warning}`, answer: null, facts };
    },
  };
}
