import { trelloConnectorSpec, type TrelloCredentials, type TrelloSettings } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, retryAfterMs, type ProviderCall } from '../provider-call.ts';
import { trelloAnswerWords, trelloCardVerdict } from './trello-answers.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One Trello card in a list; name and description rendered, `dueAt` an ISO time or null. */
    'trello.createCard': { account: string; listId: string; name: string; desc: string; dueAt: string | null; labels: string[] };
  }
}

type TrelloAccount = ResolvedAccount<TrelloCredentials, TrelloSettings>;

/** A REST call: the key and token go in the query string (Trello's way), so both are secrets of the call. */
function request(a: TrelloAccount, path: string, body?: Record<string, unknown>): ProviderCall {
  const url = new URL(`${a.settings.baseUrl.replace(/\/+$/, '')}/1/${path}`);
  url.searchParams.set('key', a.credentials.apiKey);
  url.searchParams.set('token', a.credentials.token);
  return {
    provider: 'Trello',
    url: url.toString(),
    method: body ? 'POST' : 'GET',
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.apiKey, a.credentials.token],
    what: 'the card',
  };
}

/**
 * `trello.createCard`: POST /1/cards. Trello has no idempotency key, so a request that may
 * have arrived is never sent again (provider-call.ts: outcome unknown); only answers that say
 * no card was made are retried (5xx) or waited out (429).
 */
export function trelloIntentHandlers(accounts: AccountStore, transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'trello.createCard',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        listId: i.listId,
        name: i.name,
        ...(i.desc ? { desc: i.desc } : {}),
        ...(i.dueAt ? { due: i.dueAt } : {}),
        ...(i.labels.length > 0 ? { labels: i.labels } : {}),
      }),
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, trelloConnectorSpec);
        const started = performance.now();
        const answer = await callProvider(
          transport,
          request(a, 'cards', {
            idList: i.listId,
            name: i.name,
            pos: 'bottom',
            ...(i.desc ? { desc: i.desc } : {}),
            ...(i.dueAt ? { due: i.dueAt } : {}),
            ...(i.labels.length > 0 ? { idLabels: i.labels.join(',') } : {}),
          }),
        );
        const verdict = trelloCardVerdict(answer, i.listId);
        switch (verdict.kind) {
          case 'created':
            return { cardId: verdict.card['id'], url: verdict.card['shortUrl'] ?? verdict.card['url'] ?? null };
          case 'wait': {
            const answeredAt = ctx.atMs + (performance.now() - started);
            throw rateLimited('Trello', retryAfterMs(verdict.retryAfter, answeredAt), answeredAt, verdict.answer);
          }
          default:
            throw classifiedError(verdict.kind, verdict.reason);
        }
      },
    }),
  ];
}

export function trelloRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: trelloConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as TrelloAccount;
      const answer = await probeProvider(transport, request(a, 'members/me?fields=fullName,username'));
      if (isTestAnswer(answer)) return answer;
      const words = trelloAnswerWords(answer);
      const me = (answer.json ?? {}) as { fullName?: unknown; username?: unknown };
      if (answer.status === 200 && typeof me.username === 'string') {
        const name = typeof me.fullName === 'string' && me.fullName !== '' ? me.fullName : me.username;
        return {
          ok: true,
          code: 'ok',
          message: `Signed in to Trello as ${name} (@${me.username})`,
          answer: null,
          facts: { member: name, username: `@${me.username}` },
        };
      }
      if (answer.status === 401) return { ok: false, code: 'auth_failed', message: `Trello refused the API key or token (${words})`, answer: words, facts: {} };
      return { ok: false, code: 'refused', message: `Trello answered ${words}`, answer: words, facts: {} };
    },
  };
}
