import { describe, expect, it } from 'vitest';
import { isVietnameseSmsPhone, normalizeSmsPhone, smsPhoneE164 } from './sms-phone.ts';
import { smsCount } from './sms-segments.ts';

describe('the number an SMS step texts', () => {
  it.each([
    ['0912 345 678', '0912345678', '+84912345678'],
    ['+84 912-345-678', '0912345678', '+84912345678'],
    ['+65 9123 4567', '+6591234567', '+6591234567'],
    ['0065 9123 4567', '+6591234567', '+6591234567'],
    ['+1 (415) 555-0100', '+14155550100', '+14155550100'],
  ])('%s → %s (%s)', (raw, phone, e164) => {
    expect(normalizeSmsPhone(raw)).toEqual({ ok: true, phone, e164, vietnamese: phone === '0912345678' });
    expect(smsPhoneE164(phone)).toBe(e164);
    expect(isVietnameseSmsPhone(phone)).toBe(phone.startsWith('0'));
  });

  it('keeps the Vietnamese reason for a Vietnamese landline and for a foreign number written without its country code', () => {
    expect(normalizeSmsPhone('028 3822 1234')).toEqual({ ok: false, reason: '028 3822 1234 is not a Vietnamese mobile number' });
    expect(normalizeSmsPhone('+84 28 3822 1234')).toMatchObject({ ok: false, reason: '+84 28 3822 1234 is not a Vietnamese mobile number' });
    expect(normalizeSmsPhone('4155550100')).toMatchObject({ ok: false });
    expect(normalizeSmsPhone('+0 123')).toEqual({ ok: false, reason: '+0 123 is not an international phone number' });
  });
});

describe('the count the editor shows under an SMS text', () => {
  it('says how much room the parts hold and why a text is Unicode', () => {
    expect(smsCount('')).toMatchObject({ segments: 0, units: 0, capacity: 160, unicodeBecause: null, vietnamese: false });
    expect(smsCount('Don hang da huy')).toMatchObject({ encoding: 'gsm7', segments: 1, units: 15, capacity: 160, unicodeBecause: null });
    expect(smsCount(`Đơn ${'a'.repeat(71)}`)).toMatchObject({ encoding: 'unicode', segments: 2, units: 75, capacity: 134, unicodeBecause: 'Đ', vietnamese: true });
    // é and à are GSM-7: "ệ" is what makes this Unicode.
    expect(smsCount('Café à Hà Nội')).toMatchObject({ encoding: 'unicode', unicodeBecause: 'ộ', vietnamese: true });
    expect(smsCount('Thanks 🎉')).toMatchObject({ encoding: 'unicode', unicodeBecause: '🎉', vietnamese: false });
  });
});
