import { defineIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import type { Repositories } from '../../storage/repositories.ts';

export type EmailIntent = { account: string; from: string; replyTo: string; to: string[]; cc: string[]; bcc: string[]; subject: string; text: string; html: string };

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One email through a connector account (SMTP, Resend); addresses already rendered and checked. */
    'email.send': EmailIntent;
  }
}

/** One provider's way of sending an email (an SMTP server, Resend's API). */
export interface EmailSender {
  connector: string;
  send(intent: EmailIntent, ctx: IntentContext): Promise<unknown>;
}

/**
 * `email.send`: one kind for every email provider, sent by the provider of the step's account
 * (as `sms.send` is), so a flow changes provider by changing account and the run log reads the same.
 */
export function emailIntentHandlers(repos: Repositories, senders: readonly EmailSender[]): IntentHandler[] {
  const byConnector = new Map(senders.map((s) => [s.connector, s]));
  return [
    defineIntentHandler({
      kind: 'email.send',
      mode: 'external',
      describe: (i) => ({
        account: repos.accounts.get(i.account)?.name ?? i.account,
        ...(i.from ? { from: i.from } : {}),
        ...(i.replyTo ? { replyTo: i.replyTo } : {}),
        to: i.to,
        ...(i.cc.length > 0 ? { cc: i.cc } : {}),
        ...(i.bcc.length > 0 ? { bcc: i.bcc } : {}),
        subject: i.subject,
        ...(i.text ? { text: i.text } : {}),
        ...(i.html ? { html: i.html } : {}),
      }),
      async perform(i, ctx) {
        const row = repos.accounts.get(i.account);
        if (!row) throw new Error(`the email account ${i.account} does not exist (was it removed?): choose another in the step`);
        const sender = byConnector.get(row.connector);
        if (!sender) throw new Error(`account "${row.name}" (${row.connector}) cannot send email: choose an SMTP or Resend account in the step`);
        return sender.send(i, ctx);
      },
    }),
  ];
}
