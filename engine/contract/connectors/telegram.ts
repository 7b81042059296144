import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/** A Telegram bot, talking through the Bot API with the token BotFather gave. Reference: connectors.md §5. */
export const TelegramCredentials = z.object({
  botToken: z
    .string()
    .trim()
    .regex(/^\d{3,}:[A-Za-z0-9_-]{20,}$/, 'paste the token BotFather gave, e.g. 123456789:AAE…')
    .max(200)
    .meta({ title: 'Bot token', description: 'From @BotFather: /newbot or /token', secret: true }),
});
export type TelegramCredentials = z.infer<typeof TelegramCredentials>;

export const TELEGRAM_BASE_URL = 'https://api.telegram.org';

export const TelegramSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(TELEGRAM_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type TelegramSettings = z.infer<typeof TelegramSettings>;

export const telegramConnectorSpec = defineConnectorSpec({
  id: 'telegram',
  label: 'Telegram bot',
  description: 'Send messages from your Telegram bot to people who started a chat with it, and to groups and channels it belongs to.',
  credentials: TelegramCredentials,
  settings: TelegramSettings,
  test: "Asks Telegram who the bot is (getMe) and shows its name; sends nothing.",
});

/** A chat id Telegram takes: a number (groups and channels are negative, -100…) or a public @channel. */
export function isTelegramChatId(s: string): boolean {
  return /^-?\d{1,16}$/.test(s) || /^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(s);
}
