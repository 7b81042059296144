import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/** The Graph API's error object (connectors.md §4): it comes with a 4xx/5xx status. */
export interface GraphError {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  fbtrace_id?: unknown;
}

/** The verdict on one Send API answer: sent, rate-limited (Graph gives no wait), or a class of failure with words. */
export type MessengerVerdict =
  | { kind: 'sent'; messageId: string | null; recipientId: string | null }
  | { kind: 'wait'; answer: string }
  | { kind: ErrorClass; reason: string };

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

export function graphErrorOf(a: ProviderAnswer): GraphError | null {
  const e = (a.json as { error?: unknown } | null)?.error;
  return e && typeof e === 'object' ? (e as GraphError) : null;
}

const num = (x: unknown): number | null => (typeof x === 'number' ? x : typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : null);

/** "(#551) This person isn't available right now. [code 551]": Facebook's words, for the step's reason. */
export function graphAnswerWords(a: ProviderAnswer): string {
  const e = graphErrorOf(a);
  if (!e) return `HTTP ${a.status}${a.text ? `: ${excerpt(a.text)}` : ''}`;
  const code = num(e.code);
  const sub = num(e.error_subcode);
  const message = typeof e.message === 'string' ? e.message : 'no message';
  return `${message} [code ${code ?? '?'}${sub !== null ? `/${sub}` : ''}]`;
}

/** Graph's codes for "too many calls" (app, user, page, Messenger's own): back off (§9.1). */
const rateLimitCodes = new Set([4, 17, 32, 613, 80006]);
/** Passing failures Graph asks to retry: "an unexpected error" and "temporary send message failure". */
const temporaryCodes = new Set([1, 2, 1200]);

/**
 * Sorts a Send API answer (connectors.md §4, §9.1). Graph puts its errors in an `error` object
 * with a 4xx (or 5xx) status; the code and subcode, not the status, say what happened.
 */
export function messengerVerdict(a: ProviderAnswer): MessengerVerdict {
  const e = graphErrorOf(a);
  if (a.status >= 200 && a.status < 300 && !e) {
    const body = (a.json ?? {}) as { message_id?: unknown; recipient_id?: unknown };
    if (typeof body.message_id === 'string') return { kind: 'sent', messageId: body.message_id, recipientId: typeof body.recipient_id === 'string' ? body.recipient_id : null };
    return { kind: 'fail', reason: `Facebook answered without a message id: ${excerpt(a.text)}` };
  }
  const answer = `Facebook: ${graphAnswerWords(a)}`;
  if (!e) {
    if (a.status >= 500 || a.status === 429) return { kind: 'retry', reason: `Facebook is having trouble (${answer})` };
    return { kind: 'fail', reason: `Facebook refused the message (${answer})` };
  }
  const code = num(e.code);
  const sub = num(e.error_subcode);
  const message = typeof e.message === 'string' ? e.message : '';
  if ((code === 10 && sub === 2018278) || /outside of allowed window/i.test(message)) {
    return { kind: 'skip', reason: `outside the 24-hour window: the customer has not written to the page in the last 24 hours; choose a message tag to send anyway (${answer})` };
  }
  if (code === 551) return { kind: 'skip', reason: `the person is not available on Messenger (they blocked the page or closed their account) (${answer})` };
  if (code === 100 && sub === 2018001) return { kind: 'skip', reason: `Facebook knows no person with this PSID for the page (${answer})` };
  if (code === 190) return { kind: 'fail', reason: `Facebook refused the page's access token (expired or revoked): reconnect the page with a new Page access token in the account (${answer})` };
  if (code !== null && rateLimitCodes.has(code)) return { kind: 'wait', answer };
  if (code !== null && temporaryCodes.has(code)) return { kind: 'retry', reason: `Facebook could not send it for now (${answer})` };
  if (code === 10 || code === 200 || (code !== null && code >= 200 && code < 300)) {
    return { kind: 'fail', reason: `the page's token may not send messages: it needs the pages_messaging permission and the MESSAGE task on the page (${answer})` };
  }
  if (a.status >= 500) return { kind: 'retry', reason: `Facebook is having trouble (${answer})` };
  return { kind: 'fail', reason: `Facebook refused the message (${answer})` };
}
