import { messengerConnectorSpec, type MessengerCredentials, type MessengerSettings, type MessengerTag } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, type ProviderCall } from '../provider-call.ts';
import { graphAnswerWords, graphErrorOf, messengerVerdict } from './messenger-answers.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One Messenger message from a page; the PSID checked, the window or a tag decided, the text rendered. */
    'messenger.send': { account: string; psid: string; text: string; tag: MessengerTag | null };
  }
}

type MessengerAccount = ResolvedAccount<MessengerCredentials, MessengerSettings>;

/** A Graph address; the Page token goes in the query (access_token), so it is kept out of every message. */
function graphUrl(a: MessengerAccount, path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...query, access_token: a.credentials.pageAccessToken });
  return `${a.settings.baseUrl.replace(/\/+$/, '')}/${a.settings.apiVersion}/${path}?${q.toString()}`;
}

function request(a: MessengerAccount, path: string, body?: Record<string, unknown>, query?: Record<string, string>): ProviderCall {
  return {
    provider: 'Facebook',
    url: graphUrl(a, path, query),
    method: body ? 'POST' : 'GET',
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.pageAccessToken, encodeURIComponent(a.credentials.pageAccessToken)],
  };
}

/**
 * `messenger.send`: the Send API (connectors.md §4). Messenger keeps no idempotency key, so a
 * request that may have arrived is never sent again (provider-call.ts: outcome unknown); only
 * answers that say it was not sent are retried.
 */
export function messengerIntentHandlers(accounts: AccountStore, transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'messenger.send',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        psid: i.psid,
        text: i.text,
        messagingType: i.tag ? 'MESSAGE_TAG' : 'RESPONSE',
        ...(i.tag ? { tag: i.tag } : {}),
      }),
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, messengerConnectorSpec);
        const started = performance.now();
        const body = {
          recipient: { id: i.psid },
          messaging_type: i.tag ? 'MESSAGE_TAG' : 'RESPONSE',
          ...(i.tag ? { tag: i.tag } : {}),
          message: { text: i.text },
        };
        const verdict = messengerVerdict(await callProvider(transport, request(a, `${a.credentials.pageId}/messages`, body)));
        switch (verdict.kind) {
          case 'sent':
            return { messageId: verdict.messageId, recipientId: verdict.recipientId };
          case 'wait':
            // Graph says "too many" without saying how long: the queue's backoff decides.
            throw rateLimited('Facebook', null, ctx.atMs + (performance.now() - started), verdict.answer);
          default:
            throw classifiedError(verdict.kind, verdict.reason);
        }
      },
    }),
  ];
}

/** The Test: GET /me?fields=id,name with the Page token, which names the page it belongs to. */
export function messengerRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: messengerConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as MessengerAccount;
      const answer = await probeProvider(transport, request(a, 'me', undefined, { fields: 'id,name' }));
      if (isTestAnswer(answer)) return answer;
      const words = graphAnswerWords(answer);
      const error = graphErrorOf(answer);
      if (error || answer.status >= 300) {
        if (error?.code === 190 || error?.type === 'OAuthException' || answer.status === 401) {
          return { ok: false, code: 'auth_failed', message: `Facebook refused the Page access token (${words})`, answer: words, facts: {} };
        }
        return { ok: false, code: 'refused', message: `Facebook answered ${words}`, answer: words, facts: {} };
      }
      const me = (answer.json ?? {}) as { id?: unknown; name?: unknown };
      const id = typeof me.id === 'string' ? me.id : '';
      const name = typeof me.name === 'string' ? me.name : '';
      const facts = { ...(name ? { page: name } : {}), ...(id ? { pageId: id } : {}) };
      if (id !== a.credentials.pageId) {
        // A person's token, or another page's: it cannot send as this page.
        return { ok: false, code: 'refused', message: `The token belongs to ${name || '?'} (${id || '?'}), not to page ${a.credentials.pageId}: paste that page's own access token`, answer: answer.text, facts: { ...facts, otherPage: a.credentials.pageId } };
      }
      return { ok: true, code: 'ok', message: `Signed in as the page ${name} (${id})`, answer: null, facts };
    },
  };
}
