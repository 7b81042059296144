import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/** The Bot API's envelope (connectors.md §5): `ok`, then `result`, or `error_code`, `description` and `parameters`. */
export interface TelegramEnvelope {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
}

/**
 * The verdict on one Bot API answer: sent; wait (429, with `parameters.retry_after` seconds);
 * moved (a group became a supergroup: resend to its new id); or a class of failure with words.
 */
export type TelegramVerdict =
  | { kind: 'sent'; result: Record<string, unknown> }
  | { kind: 'wait'; seconds: number | null; answer: string }
  | { kind: 'moved'; chatId: number; answer: string }
  | { kind: ErrorClass; reason: string };

/** 403s say why the bot cannot write to this chat: each is about the recipient, not the flow (§9.1: skip). */
const forbidden: [RegExp, string][] = [
  [/blocked by the user/i, 'the person blocked the bot'],
  [/can't initiate conversation|cannot initiate conversation/i, 'the person has not started a chat with the bot (bots cannot write first)'],
  [/kicked|not a member|removed from/i, 'the bot is no longer in this group or channel'],
  [/deactivated/i, 'the Telegram account was deleted'],
];

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** "400 Bad Request: chat not found": Telegram's own words, for the step's reason. */
export function telegramAnswerWords(a: ProviderAnswer): string {
  const env = (a.json ?? {}) as TelegramEnvelope;
  const code = typeof env.error_code === 'number' ? env.error_code : a.status;
  return typeof env.description === 'string' ? `${code} ${env.description}` : `HTTP ${a.status}: ${excerpt(a.text)}`;
}

export function telegramVerdict(a: ProviderAnswer, chatId: string): TelegramVerdict {
  const env = (a.json ?? {}) as TelegramEnvelope;
  if (env.ok === true && a.status < 300) return { kind: 'sent', result: (env.result ?? {}) as Record<string, unknown> };
  const answer = `Telegram: ${telegramAnswerWords(a)}`;
  const code = typeof env.error_code === 'number' ? env.error_code : a.status;
  const description = typeof env.description === 'string' ? env.description : '';
  const retryAfter = env.parameters?.retry_after;
  if (code === 429 || typeof retryAfter === 'number') return { kind: 'wait', seconds: typeof retryAfter === 'number' ? retryAfter : null, answer };
  const moved = env.parameters?.migrate_to_chat_id;
  if (typeof moved === 'number') return { kind: 'moved', chatId: moved, answer };
  if (code >= 500 || a.status >= 500) return { kind: 'retry', reason: `Telegram is having trouble (${answer})` };
  if (code === 401) return { kind: 'fail', reason: `Telegram refused the bot token: check it in the account (${answer})` };
  if (code === 404) return { kind: 'fail', reason: `Telegram does not know this bot token: check it in the account (${answer})` };
  if (code === 403) {
    const why = forbidden.find(([re]) => re.test(description))?.[1] ?? 'the bot may not write to this chat';
    return { kind: 'skip', reason: `${why} (${answer})` };
  }
  if (/chat not found/i.test(description)) return { kind: 'fail', reason: `Telegram cannot find chat ${chatId}: check the chat id, and that the bot is in the group (${answer})` };
  if (/can't parse entities/i.test(description)) return { kind: 'fail', reason: `Telegram could not read the formatting: check the HTML or MarkdownV2, or choose no formatting (${answer})` };
  if (/too long/i.test(description)) return { kind: 'fail', reason: `the message is too long for Telegram: at most 4096 characters (${answer})` };
  if (env.ok === undefined && a.json === null) return { kind: 'fail', reason: `Telegram answered something else than the Bot API (HTTP ${a.status}: ${excerpt(a.text)})` };
  return { kind: 'fail', reason: `Telegram refused the message (${answer})` };
}
