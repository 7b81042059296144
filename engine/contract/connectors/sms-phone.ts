import { normalizeVnPhone } from './vn-phone.ts';

/**
 * The number an SMS step texts, whichever provider sends it. Pure.
 *
 * A Vietnamese mobile, typed any way shops type it, is kept in its national form ("0912345678",
 * as eSMS takes it); each provider writes it its own way on the wire (SpeedSMS 84…, Twilio
 * +84…). A foreign number is accepted only written internationally ("+65 9123 4567",
 * "0065…"): without its country code it cannot be told from a mistyped Vietnamese one. Only
 * Twilio sends abroad; the Vietnamese providers skip such a number with the reason.
 */
export type SmsPhone =
  | { ok: true; phone: string; e164: string; vietnamese: boolean }
  | { ok: false; reason: string };

export function normalizeSmsPhone(raw: string): SmsPhone {
  const vn = normalizeVnPhone(raw);
  if (vn.ok) return { ok: true, phone: vn.national, e164: `+${vn.international}`, vietnamese: true };
  const trimmed = raw.trim();
  if (!/^(\+|00)[\d\s().-]+$/.test(trimmed)) return vn;
  const digits = trimmed.replace(/\D/g, '').replace(/^00/, '');
  // +84 that is not a mobile (a landline, a short number): the Vietnamese reason says why.
  if (digits.startsWith('84')) return { ok: false, reason: `${trimmed} is not a Vietnamese mobile number` };
  // E.164: a country code (no leading 0) and at most 15 digits in all.
  if (!/^[1-9]\d{7,14}$/.test(digits)) return { ok: false, reason: `${trimmed} is not an international phone number` };
  return { ok: true, phone: `+${digits}`, e164: `+${digits}`, vietnamese: false };
}

/** A number as `normalizeSmsPhone` keeps it, in E.164 ("+84912345678", "+6591234567"). */
export function smsPhoneE164(phone: string): string {
  return phone.startsWith('+') ? phone : `+84${phone.replace(/^0/, '')}`;
}

/** Whether a number as `normalizeSmsPhone` keeps it is Vietnamese (the national form). */
export const isVietnameseSmsPhone = (phone: string): boolean => !phone.startsWith('+');
