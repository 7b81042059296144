import { describe, expect, it } from 'vitest';
import { smsSegments, withoutVietnameseAccents } from './sms-segments.ts';
import { normalizeVnPhone } from './vn-phone.ts';

describe('SMS parts', () => {
  it('counts GSM-7 at 160 in one part and 153 per part after', () => {
    expect(smsSegments('')).toMatchObject({ segments: 0 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts the extended characters twice', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments(`${'{'.repeat(80)}a`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('switches the whole text to Unicode for one Vietnamese letter: 70, then 67 per part', () => {
    expect(smsSegments('Đơn hàng')).toMatchObject({ encoding: 'unicode', units: 8, segments: 1, perSegment: 70 });
    expect(smsSegments(`ơ${'a'.repeat(69)}`)).toMatchObject({ segments: 1, remaining: 0 });
    expect(smsSegments(`ơ${'a'.repeat(70)}`)).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments('🎉')).toMatchObject({ encoding: 'unicode', units: 2 });
  });

  it('takes the accents off Vietnamese, đ included, to stay in GSM-7', () => {
    const plain = withoutVietnameseAccents('Đơn hàng đã được huỷ. Cảm ơn quý khách!');
    expect(plain).toBe('Don hang da duoc huy. Cam on quy khach!');
    expect(smsSegments(plain).encoding).toBe('gsm7');
  });
});

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['+84 912-345-678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(+84) 0912.345.678', '0912345678'],
    ['912345678', '0912345678'],
    ['0084 386 123 456', '0386123456'],
  ])('%s → %s', (raw, national) => {
    expect(normalizeVnPhone(raw)).toEqual({ ok: true, national, international: `84${national.slice(1)}` });
  });

  it.each(['', 'abc', '028 3822 1234', '+1 415 555 0100', '091234567', '01612345678'])('refuses "%s" with a reason', (raw) => {
    expect(normalizeVnPhone(raw)).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});
