/**
 * Vietnamese mobile numbers, as shops type them: "0912 345 678", "+84 912-345-678",
 * "84912345678", or "912345678" (a spreadsheet dropped the leading 0). Pure.
 *
 * Mobile numbers are 10 digits starting 03, 05, 07, 08 or 09 since the 2018 renumbering;
 * anything else (a landline 02x, a foreign number, an 11-digit pre-2018 number) cannot get a
 * brandname SMS and is refused with a reason.
 */
export type VnPhone = { ok: true; national: string; international: string } | { ok: false; reason: string };

export function normalizeVnPhone(raw: string): VnPhone {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^[\d\s().+-]+$/.test(trimmed) || (trimmed.match(/\+/g) ?? []).length > 1) return { ok: false, reason: `"${trimmed}" is not a phone number` };
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (digits.startsWith('84') && digits.length === 11) digits = digits.slice(2);
  // "+84 0912…": the country code written before the national number, leading 0 and all.
  else if (digits.startsWith('840') && digits.length === 12) digits = digits.slice(3);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else if (trimmed.includes('+')) return { ok: false, reason: `${trimmed} is not a Vietnamese number` };
  if (!/^[35789]\d{8}$/.test(digits)) return { ok: false, reason: `${trimmed} is not a Vietnamese mobile number` };
  return { ok: true, national: `0${digits}`, international: `84${digits}` };
}
