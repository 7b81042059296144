import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';

/** How Telegram reads the text: as it is, or with HTML / MarkdownV2 formatting (connectors.md §5). */
export const TelegramParseMode = z.enum(['none', 'HTML', 'MarkdownV2']);
export type TelegramParseMode = z.infer<typeof TelegramParseMode>;

export const SendTelegramParams = z.object({
  account: accountParam('telegram', 'Telegram bot'),
  chatId: z
    .string()
    .trim()
    .min(1, 'enter the chat id')
    .max(500)
    .meta({
      title: 'Chat',
      description: 'A chat id (a person: 123456789; a group: -100…) or a public channel @name. The person must have started a chat with the bot',
      widget: 'template',
    }),
  text: z
    .string()
    .min(1, 'write the message')
    .max(10_000)
    .meta({ title: 'Message', description: 'e.g. Đơn mới {{ order.number }}: {{ order.totalPrice | money }}', widget: 'template' }),
  parseMode: TelegramParseMode.default('none').meta({
    title: 'Formatting',
    description: 'HTML: <b>, <i>, <a href="…">; put | escape after shop data such as {{ order.note | escape }}',
  }),
});
export type SendTelegramParams = z.infer<typeof SendTelegramParams>;

export const sendTelegramSpec = defineNodeSpec({
  type: 'telegram.send_message',
  version: 1,
  label: 'Send Telegram message',
  description: 'Send a message from your Telegram bot to a chat, group or channel. Skipped, with the reason, when the chat is empty or the person blocked the bot.',
  category: 'action',
  connector: 'telegram',
  // A speech bubble until the canvas has Telegram's own mark.
  icon: 'message',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendTelegramParams,
});
