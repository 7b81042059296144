import type { ErrorClass } from '../../shared/errors.ts';
import type { TestAnswer } from '../account-store.ts';

/** What nodemailer puts on its errors (lib/errors, smtp-connection `_formatError`). */
export interface SmtpError {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  message: string;
}

const transient = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);
const signIn = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);

const answerOf = (e: SmtpError) => e.response?.trim() || e.message;

/**
 * Sorts an SMTP failure (connectors.md §9.1): network trouble and 4xx replies are passing,
 * sign-in, TLS, protocol and 5xx replies are not, every recipient refused means this
 * customer's address cannot get mail. `bodySent`: the whole message was written to the server
 * before the failure; then a dropped connection leaves the outcome unknown (the server may have
 * queued it), and SMTP has no way to recognise a resend.
 */
export function classifySmtpError(e: SmtpError, bodySent: boolean): { kind: ErrorClass | 'unknown'; message: string } {
  const code = e.code ?? '';
  if (!e.responseCode && transient.has(code) && bodySent) {
    return { kind: 'unknown', message: `the connection to the mail server was lost after the message was sent (${answerOf(e)}); it may or may not have been delivered` };
  }
  if (signIn.has(code)) return { kind: 'fail', message: `the mail server refused the sign-in: ${answerOf(e)}` };
  if (code === 'ETLS' || code === 'EREQUIRETLS') return { kind: 'fail', message: `no secure connection to the mail server: ${answerOf(e)}` };
  if (code === 'EENVELOPE' && e.command === 'RCPT TO') {
    if (e.responseCode && e.responseCode < 500) return { kind: 'retry', message: `the mail server put the recipients off: ${answerOf(e)}` };
    return { kind: 'skip', message: `the mail server refused the recipient: ${answerOf(e)}` };
  }
  if (e.responseCode) {
    return e.responseCode < 500
      ? { kind: 'retry', message: `the mail server answered ${answerOf(e)}` }
      : { kind: 'fail', message: `the mail server refused the message: ${answerOf(e)}` };
  }
  if (transient.has(code)) return { kind: 'retry', message: `could not reach the mail server: ${e.message}` };
  return { kind: 'fail', message: `the email was not sent: ${e.message}` };
}

/** A failed `verify()` as the Test button says it. */
export function smtpTestAnswer(e: SmtpError): TestAnswer {
  const code = e.code ?? '';
  const answer = e.response?.trim() || null;
  if (signIn.has(code)) return { ok: false, code: 'auth_failed', message: `The server refused the sign-in${answer ? `: ${answer}` : ''}`, answer: answer ?? e.message, facts: {} };
  if (code === 'ETLS' || code === 'EREQUIRETLS') return { ok: false, code: 'tls', message: `No secure connection: ${e.message}`, answer: answer ?? e.message, facts: {} };
  if (code === 'ETIMEDOUT') return { ok: false, code: 'timeout', message: `The server did not answer in time: ${e.message}`, answer, facts: {} };
  if (transient.has(code)) return { ok: false, code: 'unreachable', message: `Could not reach the server: ${e.message}`, answer, facts: {} };
  return { ok: false, code: 'refused', message: `The server answered: ${answer ?? e.message}`, answer: answer ?? e.message, facts: {} };
}
