import type { ErrorClass } from '../../shared/errors.ts';

/**
 * eSMS answers HTTP 200 with its verdict in `CodeResult` (connectors.md §2.1, §9.1). 100 is
 * "accepted by eSMS" (not yet delivered); 124 is a RequestId already seen in the last 24 h,
 * which is the earlier send succeeding, not an error.
 */
export type EsmsVerdict = { kind: 'sent'; duplicate: boolean } | { kind: ErrorClass; reason: string };

const meaning: Record<string, [ErrorClass, string]> = {
  '99': ['skip', 'the phone number is blocked at eSMS'],
  '101': ['fail', 'eSMS refused the ApiKey/SecretKey'],
  '102': ['fail', 'the eSMS account has no price list'],
  '103': ['defer', 'the eSMS balance is too low: top it up'],
  '104': ['fail', 'the brandname is not registered with eSMS'],
  '108': ['skip', 'eSMS says the phone number is malformed'],
  '118': ['fail', 'eSMS does not support this message type'],
  '140': ['fail', "this computer's IP address is not whitelisted at eSMS"],
  '146': ['fail', 'the text does not match a customer-care template registered with eSMS'],
  '160': ['retry', 'eSMS is receiving too many requests (TPS limit)'],
  '177': ['skip', "the recipient's network is not registered for this brandname"],
  '300': ['fail', 'eSMS says the message type is missing'],
};

/** The verdict on one send's answer body (already parsed JSON, or null when it was not JSON). */
export function esmsVerdict(body: unknown): EsmsVerdict {
  const b = (body && typeof body === 'object' ? body : {}) as { CodeResult?: unknown; ErrorMessage?: unknown; error?: unknown };
  const code = b.CodeResult === undefined ? null : String(b.CodeResult);
  if (code === '100') return { kind: 'sent', duplicate: false };
  if (code === '124') return { kind: 'sent', duplicate: true };
  const said = typeof b.ErrorMessage === 'string' ? b.ErrorMessage : typeof b.error === 'string' ? b.error : null;
  if (code === null) return { kind: 'fail', reason: `eSMS answered without a result code${said ? `: ${said}` : ''}` };
  const known = meaning[code];
  const words = `${known?.[1] ?? 'eSMS refused the message'} (code ${code}${said ? `: ${said}` : ''})`;
  return { kind: known?.[0] ?? 'fail', reason: words };
}

/** eSMS keeps a RequestId for dedupe up to 50 characters: a longer step key is shortened, the same way every time. */
export function esmsRequestId(idempotencyKey: string, hash: (s: string) => string): string {
  return idempotencyKey.length <= 50 ? idempotencyKey : `fd-${hash(idempotencyKey).slice(0, 47)}`;
}
