import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { IntentHandler } from '../nodes/intents.ts';
import { inAppIntentHandlers } from './flowdesk/in-app-intents.ts';
import { httpIntentHandlers } from './http/http-intents.ts';
import { createAccountStore, type ConnectorRuntime } from './account-store.ts';
import { emailIntentHandlers, smtpRuntime } from './email/smtp-connector.ts';
import { smsIntentHandlers } from './sms/sms-intents.ts';
import { esmsRuntime, esmsSender } from './sms/esms-connector.ts';
import { speedsmsRuntime, speedsmsSender } from './sms/speedsms-connector.ts';
import { twilioRuntime, twilioSender } from './sms/twilio-connector.ts';
import { telegramIntentHandlers, telegramRuntime } from './telegram/telegram-connector.ts';
import { slackIntentHandlers, slackRuntime } from './slack/slack-connector.ts';

export interface ConnectorDeps {
  repos: Repositories;
  timeline: Timeline;
  /** The transport for calls out; tests point it at local receivers. */
  fetch: typeof fetch;
}

/** The handler of every intent kind the built-in connectors own. */
export function builtinIntentHandlers(d: ConnectorDeps): IntentHandler[] {
  const accounts = createAccountStore(d.repos);
  return [
    ...inAppIntentHandlers(d.repos, d.timeline),
    ...httpIntentHandlers(d.fetch),
    ...emailIntentHandlers(accounts),
    ...smsIntentHandlers(d.repos, [esmsSender(accounts, d.fetch), speedsmsSender(accounts, d.fetch), twilioSender(accounts, d.fetch)]),
    ...telegramIntentHandlers(accounts, d.fetch),
    ...slackIntentHandlers(d.repos, accounts, d.fetch),
  ];
}

/** The connectors that hold accounts, with their Test calls. */
export function builtinConnectorRuntimes(d: Pick<ConnectorDeps, 'fetch'>): ConnectorRuntime[] {
  return [smtpRuntime(), esmsRuntime(d.fetch), speedsmsRuntime(d.fetch), twilioRuntime(d.fetch), telegramRuntime(d.fetch), slackRuntime(d.fetch)];
}
