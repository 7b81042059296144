import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';

export const PostSlackParams = z.object({
  account: accountParam('slack', 'Slack account'),
  channel: z
    .string()
    .trim()
    .max(200)
    .default('')
    .meta({
      title: 'Channel',
      description: 'With a bot token: a channel id (C0123…) or #name. Empty, or an account with only a webhook: the webhook’s own channel',
      widget: 'template',
    }),
  text: z
    .string()
    .min(1, 'write the message')
    .max(40_000)
    .meta({ title: 'Message', description: 'e.g. Đơn mới {{ order.number }}: {{ order.totalPrice | money }}', widget: 'template' }),
});
export type PostSlackParams = z.infer<typeof PostSlackParams>;

export const postSlackSpec = defineNodeSpec({
  type: 'slack.post_message',
  version: 1,
  label: 'Post to Slack',
  description: 'Post a message to a Slack channel, through the account’s incoming webhook or its bot token.',
  category: 'action',
  connector: 'slack',
  icon: 'slack',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: PostSlackParams,
});
