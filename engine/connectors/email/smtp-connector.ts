import { createHash } from 'node:crypto';
import { smtpConnectorSpec, type SmtpCredentials, type SmtpSettings } from '../../contract/index.ts';
import { classifiedError, OutcomeUnknownError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount } from '../account-store.ts';
import { classifySmtpError, smtpTestAnswer, type SmtpError } from './smtp-errors.ts';
import type { EmailSender } from './email-intents.ts';

type SmtpAccount = ResolvedAccount<SmtpCredentials, SmtpSettings>;

/**
 * nodemailer's options for an account, with a logger that only listens for one thing: the
 * line it writes once the whole message has gone to the server. After it, a lost connection
 * means the outcome is unknown.
 */
async function transportFor(account: SmtpAccount, onBodySent: () => void = () => {}) {
  // nodemailer is loaded with the first email or account test, not at engine start (~16 MB of RSS).
  const { default: nodemailer } = await import('nodemailer');
  const c = account.credentials;
  const ms = account.settings.timeoutSeconds * 1000;
  const quiet = () => {};
  const logger = {
    info: (entry: { tnx?: string } | undefined) => {
      if (entry?.tnx === 'message') onBodySent();
    },
    debug: quiet, warn: quiet, error: quiet, trace: quiet, fatal: quiet, level: quiet,
  };
  return nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.security === 'tls',
    requireTLS: c.security === 'starttls',
    ignoreTLS: c.security === 'none',
    ...(c.user ? { auth: { user: c.user, pass: c.pass } } : {}),
    tls: { rejectUnauthorized: account.settings.rejectUnauthorized },
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms * 2,
    logger: logger as never,
  });
}

/** `Name <a@b>` or `a@b` → the domain, for a Message-ID that looks like the sender's own. */
function domainOf(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'flowdesk.local';
}

/**
 * The same on every attempt of a step: a resent message carries the Message-ID of the first,
 * so the server's logs and the customer's mail program can tell it is the same one.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  return `<flowdesk.${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domainOf(from)}>`;
}

export function smtpRuntime(): ConnectorRuntime {
  return {
    spec: smtpConnectorSpec,
    async test(account) {
      const a = account as unknown as SmtpAccount;
      const transport = await transportFor(a);
      try {
        await transport.verify();
        const who = a.credentials.user ? ` and signed in as ${a.credentials.user}` : '';
        return { ok: true, code: 'ok', message: `Connected to ${a.credentials.host}:${a.credentials.port}${who}`, answer: null, facts: { host: a.credentials.host, port: a.credentials.port } };
      } catch (error) {
        return smtpTestAnswer(error as SmtpError);
      } finally {
        transport.close();
      }
    },
  };
}

/** The SMTP sender of `email.send` (nodemailer). */
export function smtpSender(accounts: AccountStore): EmailSender {
  return {
    connector: smtpConnectorSpec.id,
    async send(i, ctx) {
      const account = accounts.resolve(i.account, smtpConnectorSpec);
      const from = i.from || account.credentials.from || account.credentials.user;
      if (!from) throw new Error(`no sender: set the step's From or the default sender of account "${account.name}"`);
      let bodySent = false;
      const transport = await transportFor(account, () => {
        bodySent = true;
      });
      try {
        const info = await transport.sendMail({
          from,
          to: i.to,
          ...(i.cc.length > 0 ? { cc: i.cc } : {}),
          ...(i.bcc.length > 0 ? { bcc: i.bcc } : {}),
          ...(i.replyTo ? { replyTo: i.replyTo } : {}),
          subject: i.subject,
          ...(i.text ? { text: i.text } : {}),
          ...(i.html ? { html: i.html } : {}),
          messageId: messageIdFor(ctx.idempotencyKey, from),
        });
        // Some recipients refused is not a failure: the others got it, and the step says who did not.
        return { messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String), response: info.response };
      } catch (error) {
        const { kind, message } = classifySmtpError(error as SmtpError, bodySent);
        if (kind === 'unknown') throw new OutcomeUnknownError(message);
        throw classifiedError(kind, message);
      } finally {
        transport.close();
      }
    },
  };
}
