import type { ErrorClass } from '../../shared/errors.ts';

/**
 * Twilio answers a created message with HTTP 201 and refuses with a JSON error
 * `{code, message, more_info, status}` (connectors.md §2.4, §9.1). Its numeric `code` says more
 * than the HTTP status; a code not listed falls back to the status.
 */
const meaning: Record<number, [ErrorClass, string]> = {
  20003: ['fail', 'Twilio refused the Account SID or Auth Token'],
  20429: ['retry', 'Twilio is receiving too many requests at once'],
  21606: ['fail', 'the From number cannot send SMS (or not to this country)'],
  21608: ['fail', 'a Twilio trial account only texts verified numbers: verify this one or upgrade'],
  21211: ['skip', "Twilio says the recipient's number is not valid"],
  21610: ['skip', 'the recipient unsubscribed from your messages (replied STOP)'],
  21612: ['skip', 'Twilio cannot reach this number from your sender'],
  21614: ['skip', "the recipient's number cannot receive SMS (a landline?)"],
};

export interface TwilioRefusal {
  kind: ErrorClass;
  reason: string;
}

/** The verdict on a refused request: its parsed JSON body (or null) and HTTP status. 5xx, 429 and 504 are decided before. */
export function twilioRefusal(body: unknown, status: number): TwilioRefusal {
  const b = (body && typeof body === 'object' ? body : {}) as { code?: unknown; message?: unknown };
  const code = typeof b.code === 'number' ? b.code : typeof b.code === 'string' && /^\d+$/.test(b.code) ? Number(b.code) : null;
  const said = typeof b.message === 'string' && b.message !== '' ? b.message : null;
  const detail = `(${code !== null ? `code ${code}, ` : ''}HTTP ${status}${said ? `: ${said}` : ''})`;
  const known = code === null ? undefined : meaning[code];
  if (known) return { kind: known[0], reason: `${known[1]} ${detail}` };
  if (status === 401 || status === 403) return { kind: 'fail', reason: `Twilio refused the credentials ${detail}` };
  return { kind: 'fail', reason: `Twilio refused the message ${detail}` };
}
