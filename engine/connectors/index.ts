import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { IntentHandler } from '../nodes/intents.ts';
import { inAppIntentHandlers } from './flowdesk/in-app-intents.ts';
import { httpAuthRuntime, httpIntentHandlers } from './http/http-intents.ts';
import { createAccountStore, type ConnectorRuntime } from './account-store.ts';
import { smtpRuntime, smtpSender } from './email/smtp-connector.ts';
import { emailIntentHandlers } from './email/email-intents.ts';
import { resendRuntime, resendSender } from './email/resend-connector.ts';
import { messengerIntentHandlers, messengerRuntime } from './messenger/messenger-connector.ts';
import { smsIntentHandlers } from './sms/sms-intents.ts';
import { esmsRuntime, esmsSender } from './sms/esms-connector.ts';
import { speedsmsRuntime, speedsmsSender } from './sms/speedsms-connector.ts';
import { twilioRuntime, twilioSender } from './sms/twilio-connector.ts';
import { telegramIntentHandlers, telegramRuntime } from './telegram/telegram-connector.ts';
import { slackIntentHandlers, slackRuntime } from './slack/slack-connector.ts';
import { sheetFileIntentHandlers } from './sheets/file-connector.ts';
import { googleSheetsIntentHandlers, googleSheetsRuntime } from './sheets/google-connector.ts';
import { taskIntentHandlers } from './tasks/task-intents.ts';
import { trelloIntentHandlers, trelloRuntime } from './trello/trello-connector.ts';
import { asanaIntentHandlers, asanaRuntime } from './asana/asana-connector.ts';
import { zaloIntentHandlers, zaloRuntime } from './zalo/zalo-connector.ts';
import { createZaloTokens, type ZaloTokens } from './zalo/zalo-tokens.ts';
import { writeBackIntentHandlers, type WriteBackOptions } from './store-api/write-back-intents.ts';
import type { StoreApis } from './store-api/store-apis.ts';

export interface ConnectorDeps {
  repos: Repositories;
  timeline: Timeline;
  /** The transport for calls out; tests point it at local receivers. */
  fetch: typeof fetch;
  /**
   * The engine's one Zalo token keeper: the sends and the account's Test button must share its
   * in-flight refreshes (a refresh token is single use). Made here when not given.
   */
  zaloTokens?: ZaloTokens;
  /** The store API clients (write-back); without them, write-back steps are not handled (tests of other connectors). */
  storeApis?: StoreApis;
  now?: () => number;
  /** A flow's fulfillment order step, once the platform did it: the stored FOs and the order's timeline (processing/fulfillment-steps.ts). */
  onFulfillment?: WriteBackOptions['onFulfillment'];
}

/** A Zalo token keeper for one engine (create-engine.ts makes one and hands it to both lists below). */
export function zaloTokenKeeper(d: Pick<ConnectorDeps, 'repos' | 'fetch'>): ZaloTokens {
  return createZaloTokens(createAccountStore(d.repos), d.fetch);
}

/** The handler of every intent kind the built-in connectors own. */
export function builtinIntentHandlers(d: ConnectorDeps): IntentHandler[] {
  const accounts = createAccountStore(d.repos);
  const sms = smsIntentHandlers(d.repos, [esmsSender(accounts, d.fetch), speedsmsSender(accounts, d.fetch), twilioSender(accounts, d.fetch)]);
  return [
    ...inAppIntentHandlers(d.repos, d.timeline),
    ...httpIntentHandlers(d.fetch, accounts),
    ...emailIntentHandlers(d.repos, [smtpSender(accounts), resendSender(accounts, d.fetch)]),
    ...sms,
    // ZNS sends its declared SMS fallback through the SMS step's own handler.
    ...zaloIntentHandlers(accounts, d.zaloTokens ?? zaloTokenKeeper(d), d.fetch, sms),
    ...telegramIntentHandlers(accounts, d.fetch),
    ...messengerIntentHandlers(accounts, d.fetch),
    ...slackIntentHandlers(d.repos, accounts, d.fetch),
    ...sheetFileIntentHandlers(),
    ...googleSheetsIntentHandlers(accounts, d.fetch),
    ...taskIntentHandlers(d.repos, d.timeline),
    ...trelloIntentHandlers(accounts, d.fetch),
    ...asanaIntentHandlers(accounts, d.fetch),
    ...(d.storeApis ? writeBackIntentHandlers(d.repos, d.timeline, d.storeApis, d.now ?? Date.now, d.onFulfillment ? { onFulfillment: d.onFulfillment } : {}) : []),
  ];
}

/** The connectors that hold accounts, with their Test calls. */
export function builtinConnectorRuntimes(d: Pick<ConnectorDeps, 'fetch' | 'repos' | 'zaloTokens'>): ConnectorRuntime[] {
  // Zalo's Test renews the token: it stores the new pair, through the same keeper as the sends.
  const zalo = zaloRuntime(d.zaloTokens ?? zaloTokenKeeper(d), d.fetch);
  return [smtpRuntime(), resendRuntime(d.fetch), esmsRuntime(d.fetch), speedsmsRuntime(d.fetch), twilioRuntime(d.fetch), zalo, telegramRuntime(d.fetch), messengerRuntime(d.fetch), slackRuntime(d.fetch), googleSheetsRuntime(d.fetch), trelloRuntime(d.fetch), asanaRuntime(d.fetch), httpAuthRuntime()];
}
