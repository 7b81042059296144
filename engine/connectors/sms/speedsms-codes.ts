import type { ErrorClass } from '../../shared/errors.ts';

/**
 * SpeedSMS answers HTTP 200 with `status` "success" or "error" and a `code` (connectors.md
 * §2.2, §9.1). A success can still name our number in `invalidPhone`: then nothing went to it.
 */
export type SpeedsmsVerdict =
  | { kind: 'sent'; tranId: string | null; totalSms: number | null; totalPrice: number | null }
  | { kind: ErrorClass; reason: string };

const meaning: Record<string, [ErrorClass, string]> = {
  '007': ['fail', "SpeedSMS has locked this computer's IP address"],
  '008': ['fail', 'the SpeedSMS account is blocked'],
  '009': ['fail', 'the SpeedSMS account is not allowed to use the API'],
  '101': ['fail', 'SpeedSMS says a parameter is missing or invalid (the brandname or message type?)'],
  '105': ['skip', 'SpeedSMS says the phone number is invalid'],
  '110': ['fail', "SpeedSMS does not support the text's encoding"],
  '113': ['fail', 'the text is too long for SpeedSMS'],
  '300': ['defer', 'the SpeedSMS balance is too low: top it up'],
  '500': ['retry', 'SpeedSMS had an internal error'],
};

const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const phones = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The verdict on one send's answer body (parsed JSON, or null when it was not JSON); `to` is the number as sent. */
export function speedsmsVerdict(body: unknown, to: string): SpeedsmsVerdict {
  const b = (body && typeof body === 'object' ? body : {}) as { status?: unknown; code?: unknown; message?: unknown; data?: unknown; invalidPhone?: unknown };
  const code = b.code === undefined || b.code === null ? null : String(b.code);
  const said = typeof b.message === 'string' && b.message !== '' ? b.message : null;
  if (b.status === 'success') {
    const data = (b.data && typeof b.data === 'object' ? b.data : {}) as { tranId?: unknown; totalSMS?: unknown; totalPrice?: unknown; invalidPhone?: unknown };
    if (phones(data.invalidPhone).includes(to)) return { kind: 'skip', reason: `SpeedSMS says ${to} is not a valid phone number (listed in invalidPhone)` };
    return { kind: 'sent', tranId: data.tranId === undefined || data.tranId === null ? null : String(data.tranId), totalSms: asNumber(data.totalSMS), totalPrice: asNumber(data.totalPrice) };
  }
  if (b.status !== 'error') return { kind: 'fail', reason: `SpeedSMS answered without a status${said ? `: ${said}` : ''}` };
  if (phones(b.invalidPhone).includes(to) && code !== '300') return { kind: 'skip', reason: `SpeedSMS says ${to} is not a valid phone number (code ${code ?? '?'}${said ? `: ${said}` : ''})` };
  const known = code === null ? undefined : meaning[code];
  return { kind: known?.[0] ?? 'fail', reason: `${known?.[1] ?? 'SpeedSMS refused the message'} (code ${code ?? '?'}${said ? `: ${said}` : ''})` };
}
