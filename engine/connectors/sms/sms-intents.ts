import { isVietnameseSmsPhone } from '../../contract/index.ts';
import { defineIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import type { Repositories } from '../../storage/repositories.ts';
import { SkipStepError } from '../../shared/errors.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One SMS through a connector account; the phone already normalised, the segments counted. */
    'sms.send': { account: string; phone: string; text: string; unicode: boolean; segments: number };
  }
}

export type SmsIntent = { account: string; phone: string; text: string; unicode: boolean; segments: number };

/** One provider's way of sending an SMS (eSMS, SpeedSMS, Twilio). */
export interface SmsSender {
  connector: string;
  /** It texts numbers abroad (a phone kept as "+…"); the Vietnamese providers do not, and such a number is skipped with the reason. */
  abroad?: boolean;
  /** The number as it goes on the wire ("84912345678", "+84912345678"), for the run log and dry runs; absent: as the step gave it. */
  recipient?(phone: string): string;
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
      describe: (i) => {
        const row = repos.accounts.get(i.account);
        const phone = (row && byConnector.get(row.connector)?.recipient?.(i.phone)) || i.phone;
        return { account: row?.name ?? i.account, phone, text: i.text, segments: i.segments, encoding: i.unicode ? 'unicode' : 'gsm7' };
      },
      async perform(i, ctx) {
        const row = repos.accounts.get(i.account);
        if (!row) throw new Error(`the SMS account ${i.account} does not exist (was it removed?): choose another in the step`);
        const sender = byConnector.get(row.connector);
        if (!sender) throw new Error(`account "${row.name}" (${row.connector}) cannot send SMS`);
        if (!sender.abroad && !isVietnameseSmsPhone(i.phone)) throw new SkipStepError(`${i.phone} is a number abroad; account "${row.name}" (${row.connector}) sends only to Vietnamese mobiles`);
        return sender.send(i, ctx);
      },
    }),
  ];
}
