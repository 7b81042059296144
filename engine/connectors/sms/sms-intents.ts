import { defineIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import type { Repositories } from '../../storage/repositories.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One SMS through a connector account; the phone already normalised, the segments counted. */
    'sms.send': { account: string; phone: string; text: string; unicode: boolean; segments: number };
  }
}

export type SmsIntent = { account: string; phone: string; text: string; unicode: boolean; segments: number };

/** One provider's way of sending an SMS (eSMS today; SpeedSMS, Twilio add theirs). */
export interface SmsSender {
  connector: string;
  send(intent: SmsIntent, ctx: IntentContext): Promise<unknown>;
}

/**
 * `sms.send`: one kind for every SMS provider, sent by the provider of the step's account, so a
 * flow changes provider by changing account and the run log reads the same.
 */
export function smsIntentHandlers(repos: Repositories, senders: readonly SmsSender[]): IntentHandler[] {
  const byConnector = new Map(senders.map((s) => [s.connector, s]));
  return [
    defineIntentHandler({
      kind: 'sms.send',
      mode: 'external',
      describe: (i) => ({ account: repos.accounts.get(i.account)?.name ?? i.account, phone: i.phone, text: i.text, segments: i.segments, encoding: i.unicode ? 'unicode' : 'gsm7' }),
      async perform(i, ctx) {
        const row = repos.accounts.get(i.account);
        if (!row) throw new Error(`the SMS account ${i.account} does not exist (was it removed?): choose another in the step`);
        const sender = byConnector.get(row.connector);
        if (!sender) throw new Error(`account "${row.name}" (${row.connector}) cannot send SMS`);
        return sender.send(i, ctx);
      },
    }),
  ];
}
