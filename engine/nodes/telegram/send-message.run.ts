import { isTelegramChatId, sendTelegramSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';

/** Telegram counts at most 4096 characters (UTF-16 units) after formatting is read. */
const TELEGRAM_MAX_TEXT = 4096;

/**
 * Renders the message; the Telegram connector sends it (connectors/telegram/). Precondition
 * (connectors.md §9.2): a chat to write to. An empty or malformed chat (a field of the order
 * that this customer does not have) skips the step with the reason.
 */
export const sendTelegramNode = defineNodeType(sendTelegramSpec, async ({ params, render }) => {
  const chatId = (await render(params.chatId)).trim();
  if (chatId === '') return { status: 'skipped', port: 'out', reason: 'no Telegram chat: the Chat field rendered empty', code: 'no_telegram_chat', input: { chatId: null } };
  if (!isTelegramChatId(chatId)) {
    return { status: 'skipped', port: 'out', reason: `"${chatId}" is not a Telegram chat id (a number such as 123456789 or -1001234567890, or a public @channel)`, code: 'bad_telegram_chat', args: { chatId }, input: { chatId } };
  }
  const text = (await render(params.text)).trim();
  if (text === '') throw new Error('the message rendered empty');
  // With formatting, Telegram counts after reading the tags: only it can tell, and it says so.
  if (params.parseMode === 'none' && text.length > TELEGRAM_MAX_TEXT) throw new Error(`the message is ${text.length} characters long; Telegram takes at most ${TELEGRAM_MAX_TEXT}`);
  return {
    status: 'done',
    port: 'out',
    input: { chatId, text },
    output: { chatId, characters: text.length },
    intents: [{ kind: 'telegram.send', account: params.account, chatId, text, parseMode: params.parseMode }],
  };
});
