import { telegramConnectorSpec, type TelegramCredentials, type TelegramParseMode, type TelegramSettings } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, type ProviderCall } from '../provider-call.ts';
import { telegramAnswerWords, telegramVerdict, type TelegramEnvelope } from './telegram-answers.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One Telegram message from a bot account; the chat id checked, the text rendered. */
    'telegram.send': { account: string; chatId: string; text: string; parseMode: TelegramParseMode };
  }
}

type TelegramAccount = ResolvedAccount<TelegramCredentials, TelegramSettings>;

/** The Bot API's address for a method; the token is in the path, so it is never said in a message. */
function methodUrl(a: TelegramAccount, method: string): string {
  return `${a.settings.baseUrl.replace(/\/+$/, '')}/bot${a.credentials.botToken}/${method}`;
}

/** Chat ids are numbers on the wire (they fit in 52 bits); a public channel is its @name. */
const chatIdOnWire = (chatId: string): number | string => (/^-?\d+$/.test(chatId) ? Number(chatId) : chatId);

function request(a: TelegramAccount, method: string, body?: Record<string, unknown>): ProviderCall {
  return {
    provider: 'Telegram',
    url: methodUrl(a, method),
    method: body ? 'POST' : 'GET',
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.botToken],
  };
}

/**
 * `telegram.send`: sendMessage (connectors.md §5). Telegram has no idempotency key, so a
 * request that may have arrived is never sent again (provider-call.ts: outcome unknown);
 * only answers that say it was not sent are retried or waited out.
 */
export function telegramIntentHandlers(accounts: AccountStore, transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'telegram.send',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        chatId: i.chatId,
        text: i.text,
        ...(i.parseMode !== 'none' ? { parseMode: i.parseMode } : {}),
      }),
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, telegramConnectorSpec);
        const started = performance.now();
        const send = (chatId: string) =>
          callProvider(transport, request(a, 'sendMessage', { chat_id: chatIdOnWire(chatId), text: i.text, ...(i.parseMode !== 'none' ? { parse_mode: i.parseMode } : {}) }));
        let chatId = i.chatId;
        let verdict = telegramVerdict(await send(chatId), chatId);
        let movedFrom: string | null = null;
        // A group that became a supergroup has a new id, and nothing was sent to the old one: send there once.
        if (verdict.kind === 'moved') {
          movedFrom = chatId;
          chatId = String(verdict.chatId);
          verdict = telegramVerdict(await send(chatId), chatId);
        }
        switch (verdict.kind) {
          case 'sent': {
            const chat = (verdict.result['chat'] ?? {}) as { id?: unknown };
            return {
              messageId: verdict.result['message_id'] ?? null,
              chatId: typeof chat.id === 'number' || typeof chat.id === 'string' ? chat.id : chatId,
              ...(movedFrom ? { note: `the group ${movedFrom} is now the supergroup ${chatId}: put the new id in the step` } : {}),
            };
          }
          case 'wait':
            throw rateLimited('Telegram', verdict.seconds === null ? null : verdict.seconds * 1000, ctx.atMs + (performance.now() - started), verdict.answer);
          case 'moved':
            throw new Error(`the chat moved twice (${verdict.answer})`);
          default:
            throw classifiedError(verdict.kind, verdict.reason);
        }
      },
    }),
  ];
}

export function telegramRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: telegramConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as TelegramAccount;
      const answer = await probeProvider(transport, request(a, 'getMe'));
      if (isTestAnswer(answer)) return answer;
      const env = (answer.json ?? {}) as TelegramEnvelope;
      const words = telegramAnswerWords(answer);
      if (env.ok === true) {
        const bot = (env.result ?? {}) as { first_name?: unknown; username?: unknown };
        const name = typeof bot.first_name === 'string' ? bot.first_name : '';
        const username = typeof bot.username === 'string' ? `@${bot.username}` : '';
        return {
          ok: true,
          code: 'ok',
          message: `Signed in as the bot ${[name, username && `(${username})`].filter(Boolean).join(' ')}`,
          answer: null,
          facts: { ...(name ? { bot: name } : {}), ...(username ? { username } : {}) },
        };
      }
      const code = typeof env.error_code === 'number' ? env.error_code : answer.status;
      if (code === 401 || code === 404) return { ok: false, code: 'auth_failed', message: `Telegram refused the bot token (${words})`, answer: words, facts: {} };
      return { ok: false, code: 'refused', message: `Telegram answered ${words}`, answer: words, facts: {} };
    },
  };
}
