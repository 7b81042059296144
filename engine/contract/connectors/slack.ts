import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Slack, two ways (connectors.md §6): an incoming webhook posts to the one channel chosen when
 * it was made; a bot token posts to any channel the bot is in (chat.postMessage). An account
 * has either or both.
 */
export const SlackCredentials = z
  .object({
    webhookUrl: z
      .union([z.literal(''), z.url({ protocol: /^https?$/ })])
      .default('')
      .meta({ title: 'Incoming webhook URL', description: 'https://hooks.slack.com/services/T…/B…/…, from the app’s Incoming Webhooks page', secret: true }),
    botToken: z
      .union([z.literal(''), z.string().trim().regex(/^xox[a-z]-[A-Za-z0-9-]+$/, 'a bot token starts with xoxb-')])
      .default('')
      .meta({ title: 'Bot token', description: 'xoxb-…, with the chat:write permission; lets a step choose the channel', secret: true }),
  })
  .refine((c) => c.webhookUrl !== '' || c.botToken !== '', { message: 'paste an incoming webhook URL, a bot token, or both', path: ['webhookUrl'] });
export type SlackCredentials = z.infer<typeof SlackCredentials>;

export const SLACK_API_URL = 'https://slack.com/api';

export const SlackSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(SLACK_API_URL).meta({ title: 'Web API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type SlackSettings = z.infer<typeof SlackSettings>;

export const slackConnectorSpec = defineConnectorSpec({
  id: 'slack',
  label: 'Slack',
  description: 'Post messages to your team’s Slack channels, through an incoming webhook or a bot token.',
  credentials: SlackCredentials,
  settings: SlackSettings,
  test: 'With a bot token: asks Slack who it is (auth.test). An incoming webhook cannot be tested without posting, so only its address is checked. Sends nothing.',
});

/** `https://hooks.slack.com/services/T…/B…/…`: the shape of an incoming webhook's address (any host, so a local fake passes). */
export function isSlackWebhookPath(url: string): boolean {
  // The contract runs without the URL global (zod and TypeScript only): read the path by hand.
  const path = /^https?:\/\/[^/?#]+(\/[^?#]*)/i.exec(url.trim())?.[1] ?? '';
  return /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+\/?$/.test(path);
}
