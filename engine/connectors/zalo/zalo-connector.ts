import { createHash } from 'node:crypto';
import { zaloConnectorSpec, type ZaloOaMessageKind } from '../../contract/index.ts';
import { defineIntentHandler, type ExternalIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import { DeferStepError, RetryableError, SkipStepError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, type ProviderAnswer, type ProviderCall } from '../provider-call.ts';
import type { SmsIntent } from '../sms/sms-intents.ts';
import { oaVerdict, zaloAnswerWords, znsVerdict, type ZaloVerdict } from './zalo-answers.ts';
import { ZaloReconnectError, type ZaloAccount, type ZaloTokens } from './zalo-tokens.ts';

/** A transaction message's parts (Zalo's `transaction_order` template, connectors.md §1.3). */
export interface ZaloTransaction {
  header: string;
  table: { key: string; value: string }[];
  button: { title: string; url: string } | null;
}

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One ZNS template message; the phone as 84xxxxxxxxx, the params rendered; the SMS to send instead when the number has no Zalo. */
    'zalo.zns.send': { account: string; phone: string; templateId: string; templateData: Record<string, string>; fallback: SmsIntent | null };
    /** One OA message to a follower: consultation text, or a transaction template. */
    'zalo.oa.send': { account: string; userId: string; messageKind: ZaloOaMessageKind; text: string; transaction: ZaloTransaction | null };
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * ZNS `tracking_id`: the step's idempotency key, so Zalo's delivery receipt names the step.
 * Zalo does NOT dedupe on it (connectors.md §1.2): a send whose answer was lost is "outcome
 * unknown", never sent again. Kept short (a long key is hashed), as Zalo's limit is not published.
 */
export const znsTrackingId = (key: string): string => (key.length <= 48 ? key : `fd-${sha256(key).slice(0, 45)}`);

const base = (url: string) => url.replace(/\/+$/, '');

function post(a: ZaloAccount, url: string, body: Record<string, unknown>): ProviderCall {
  return {
    provider: 'Zalo',
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', access_token: a.credentials.accessToken },
    body: JSON.stringify(body),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.accessToken],
  };
}

/**
 * Calls Zalo with a live token: renewed first when known to expire; when Zalo answers that the
 * token is invalid or expired (an answer that says nothing was sent), renewed once and the call
 * made once more. A broken refresh chain (ZaloReconnectError, a plain failure: never retried)
 * fails the step saying to reconnect the OA.
 */
async function withToken(tokens: ZaloTokens, transport: typeof fetch, accountId: string, call: (a: ZaloAccount) => ProviderCall, verdict: (answer: ProviderAnswer) => ZaloVerdict): Promise<ZaloVerdict> {
  let a = await tokens.fresh(accountId);
  let v = verdict(await callProvider(transport, call(a)));
  if (v.kind !== 'refresh') return v;
  a = await tokens.renew(accountId, a.credentials.accessToken);
  v = verdict(await callProvider(transport, call(a)));
  return v.kind === 'refresh' ? { kind: 'fail', reason: `Zalo refused the renewed OA token too (${v.answer}): reconnect the OA — paste a new access token and refresh token in the Zalo account` } : v;
}

function thrown(v: Exclude<ZaloVerdict, { kind: 'sent' | 'refresh' | 'unreachable' }>): Error {
  switch (v.kind) {
    case 'skip':
      return new SkipStepError(v.reason, { code: v.code, args: v.args });
    case 'defer':
      return new DeferStepError(v.reason, v.untilMs, { code: v.why });
    case 'retry':
      return new RetryableError(v.reason);
    default:
      return new Error(v.reason);
  }
}

/**
 * `zalo.zns.send` (POST business.openapi.zalo.me/message/template) and `zalo.oa.send` (POST
 * openapi.zalo.me/v3.0/oa/message/cs|transaction). When ZNS says the number has no Zalo (or
 * cannot receive ZNS) and the step declared an SMS fallback, the SMS goes out once through the
 * SMS account's provider, with its own idempotency key (`…:sms`), so eSMS's RequestId still
 * dedupes a retried step.
 */
export function zaloIntentHandlers(accounts: AccountStore, tokens: ZaloTokens, transport: typeof fetch, sms: readonly IntentHandler[]): IntentHandler[] {
  const smsSend = sms.find((h) => h.kind === 'sms.send') as ExternalIntentHandler<'sms.send'> | undefined;
  const smsDescribe = (i: SmsIntent) => smsSend?.describe?.({ kind: 'sms.send', ...i }) ?? { ...i };

  async function fallBack(i: SmsIntent, why: string, answer: string, ctx: IntentContext): Promise<unknown> {
    if (!smsSend) throw new Error('no SMS provider is available for the fallback');
    const result = await smsSend.perform({ kind: 'sms.send', ...i }, { ...ctx, idempotencyKey: `${ctx.idempotencyKey}:sms` });
    return { sentBy: 'sms', note: `sent by SMS instead: ${why}`, zalo: answer, sms: result };
  }

  return [
    defineIntentHandler({
      kind: 'zalo.zns.send',
      mode: 'external',
      describe: (i) => {
        const fb = i.fallback ? smsDescribe(i.fallback) : null;
        return {
          account: accounts.nameOf(i.account) ?? i.account,
          phone: i.phone,
          templateId: i.templateId,
          templateData: i.templateData,
          ...(fb ? { fallbackAccount: fb['account'], fallbackText: i.fallback!.text } : {}),
        };
      },
      async perform(i, ctx) {
        const trackingId = znsTrackingId(ctx.idempotencyKey);
        const v = await withToken(
          tokens,
          transport,
          i.account,
          (a) =>
            post(a, `${base(a.settings.businessBaseUrl)}/message/template`, {
              phone: i.phone,
              template_id: i.templateId,
              template_data: i.templateData,
              tracking_id: trackingId,
              ...(a.settings.znsDevelopment ? { mode: 'development' } : {}),
            }),
          (answer) => znsVerdict(answer, i.phone, ctx.atMs),
        );
        if (v.kind === 'sent') {
          const quota = (v.data['quota'] ?? {}) as { remainingQuota?: unknown; dailyQuota?: unknown };
          return {
            msgId: v.data['msg_id'] ?? null,
            trackingId,
            ...(quota.remainingQuota !== undefined ? { remainingQuota: quota.remainingQuota } : {}),
          };
        }
        if (v.kind === 'unreachable') {
          if (i.fallback) return fallBack(i.fallback, v.reason, v.answer, ctx);
          throw new SkipStepError(`${v.reason} (${v.answer})`, { code: v.code, args: { answer: v.answer } });
        }
        throw thrown(v as Exclude<ZaloVerdict, { kind: 'sent' | 'refresh' | 'unreachable' }>);
      },
    }),
    defineIntentHandler({
      kind: 'zalo.oa.send',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        userId: i.userId,
        messageKind: i.messageKind,
        ...(i.transaction ? { header: i.transaction.header } : {}),
        text: i.text,
        ...(i.transaction && i.transaction.table.length > 0 ? { table: i.transaction.table.map((r) => `${r.key}: ${r.value}`) } : {}),
        ...(i.transaction?.button ? { button: `${i.transaction.button.title} → ${i.transaction.button.url}` } : {}),
      }),
      async perform(i, ctx) {
        const message = i.messageKind === 'transaction' && i.transaction ? { attachment: transactionAttachment(i.text, i.transaction) } : { text: i.text };
        const path = i.messageKind === 'transaction' ? 'transaction' : 'cs';
        const v = await withToken(
          tokens,
          transport,
          i.account,
          (a) => post(a, `${base(a.settings.openApiBaseUrl)}/v3.0/oa/message/${path}`, { recipient: { user_id: i.userId }, message }),
          (answer) => oaVerdict(answer, i.userId, ctx.atMs),
        );
        if (v.kind === 'sent') return { messageId: v.data['message_id'] ?? null, userId: v.data['user_id'] ?? i.userId };
        if (v.kind === 'unreachable') throw new SkipStepError(`${v.reason} (${v.answer})`, { code: v.code, args: { answer: v.answer } });
        throw thrown(v as Exclude<ZaloVerdict, { kind: 'sent' | 'refresh' | 'unreachable' }>);
      },
    }),
  ];
}

/** The `transaction_order` template (zalo-java-sdk SendTransactionMessage): header, text, table, one "open URL" button. */
function transactionAttachment(text: string, t: ZaloTransaction): Record<string, unknown> {
  const elements: Record<string, unknown>[] = [
    { type: 'header', content: t.header, align: 'left' },
    { type: 'text', content: text, align: 'left' },
    ...(t.table.length > 0 ? [{ type: 'table', content: t.table.map((r) => ({ key: r.key, value: r.value })) }] : []),
  ];
  const buttons = t.button ? [{ type: 'oa.open.url', title: t.button.title, payload: { url: t.button.url }, image_icon: '' }] : [];
  return { type: 'template', payload: { template_type: 'transaction_order', language: 'VI', elements, buttons } };
}

/** "2026-11-30 10:22 (UTC+7)": the OA is Vietnamese, and so is the time its token is shown to expire at. */
function vietnamTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)} (UTC+7)`;
}

/**
 * The Test button renews the token (what the issue asks: it proves the App ID, the secret and
 * the refresh token together, and stores the new pair like any refresh), then asks for the
 * OA's name with the new token (GET /v2.0/oa/getoa). Nothing is sent.
 */
export function zaloRuntime(tokens: ZaloTokens, transport: typeof fetch): ConnectorRuntime {
  return {
    spec: zaloConnectorSpec,
    async test(account): Promise<TestAnswer> {
      let a: ZaloAccount;
      try {
        a = await tokens.renewNow(account.id);
      } catch (error) {
        const message = (error as Error).message;
        if (error instanceof ZaloReconnectError) return { ok: false, code: 'auth_failed', message, answer: error.answer, facts: {} };
        return { ok: false, code: /did not answer|timeout/i.test(message) ? 'timeout' : 'unreachable', message, answer: null, facts: {} };
      }
      const expires = a.credentials.accessTokenExpiresAt;
      const facts: Record<string, string> = expires ? { tokenExpires: vietnamTime(expires) } : {};
      const answer = await probeProvider(transport, {
        provider: 'Zalo',
        url: `${base(a.settings.openApiBaseUrl)}/v2.0/oa/getoa`,
        method: 'GET',
        headers: { access_token: a.credentials.accessToken },
        timeoutMs: a.settings.timeoutSeconds * 1000,
        secrets: [a.credentials.accessToken],
      });
      const renewed = `Renewed the OA token${expires ? ` (valid until ${expires})` : ''}`;
      if (isTestAnswer(answer)) return { ok: true, code: 'ok', message: `${renewed}; the OA's name could not be read: ${answer.message}`, answer: null, facts };
      const env = (answer.json ?? {}) as { error?: unknown; data?: { name?: unknown } };
      const name = env.error === 0 && typeof env.data?.name === 'string' ? env.data.name : null;
      return name
        ? { ok: true, code: 'ok', message: `${renewed}; signed in as the OA ${name}`, answer: null, facts: { oa: name, ...facts } }
        : { ok: true, code: 'ok', message: `${renewed}; Zalo did not give the OA's name (${zaloAnswerWords(answer)})`, answer: zaloAnswerWords(answer), facts };
    },
  };
}
