import { describe, expect, it } from 'vitest';
import { applyTransform, convert, numberToDecimal } from './transforms.ts';

const vn = { utcOffset: '+07:00' };
const utc = { utcOffset: 'Z' };

describe('transforms', () => {
  it('turns numbers into decimal strings without losing or inventing digits', () => {
    expect(numberToDecimal(670000)).toBe('670000');
    expect(numberToDecimal(199.98)).toBe('199.98');
    expect(numberToDecimal(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(numberToDecimal(Number.NaN)).toBeNull();
    expect(applyTransform('decimal', 865000.0, utc)).toEqual({ ok: true, value: '865000' });
    expect(applyTransform('decimal', ' 865000.0000 ', utc)).toEqual({ ok: true, value: '865000.0000' });
    expect(applyTransform('decimal', '-12.5', utc)).toEqual({ ok: true, value: '-12.5' });
  });

  it('refuses money it would have to guess at', () => {
    expect(applyTransform('decimal', '1.234.500', utc)).toEqual({ ok: false, problem: 'is "1.234.500", not a decimal number such as 12.50 (no thousands separators)' });
    expect(applyTransform('decimal', '12,50', utc).ok).toBe(false);
    expect(applyTransform('decimal', { amount: 1 }, utc)).toEqual({ ok: false, problem: 'is an object, not a number' });
    expect(applyTransform('decimal', true, utc).ok).toBe(false);
  });

  it('reads whole numbers, text and yes/no', () => {
    expect(applyTransform('integer', '2', utc)).toEqual({ ok: true, value: 2 });
    expect(applyTransform('integer', 3.0, utc)).toEqual({ ok: true, value: 3 });
    expect(applyTransform('integer', '2.5', utc)).toEqual({ ok: false, problem: 'is "2.5", not a whole number' });
    expect(applyTransform('string', 38291045, utc)).toEqual({ ok: true, value: '38291045' });
    expect(applyTransform('string', ['a'], utc)).toEqual({ ok: false, problem: 'is a list, not text' });
    expect(applyTransform('lowercase', 'Minh.Nguyen@Example.VN', utc)).toEqual({ ok: true, value: 'minh.nguyen@example.vn' });
    expect(applyTransform('uppercase', 'vn', utc)).toEqual({ ok: true, value: 'VN' });
    expect(applyTransform('trim', '  a b ', utc)).toEqual({ ok: true, value: 'a b' });
    expect(applyTransform('boolean', 'yes', utc)).toEqual({ ok: true, value: true });
    expect(applyTransform('boolean', 0, utc)).toEqual({ ok: true, value: false });
    expect(applyTransform('boolean', 'maybe', utc).ok).toBe(false);
  });

  it('turns times into ISO UTC: with an offset, without one (the setting), epoch seconds/ms, and day-first', () => {
    expect(applyTransform('date', '2026-11-20T09:15:02+07:00', utc)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', '2026-11-20 09:15:02+0700', utc)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', '2026-11-20 09:15:02', vn)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', '2026-11-20 09:15:02', utc)).toEqual({ ok: true, value: '2026-11-20T09:15:02.000Z' });
    expect(applyTransform('date', '2026-11-20', vn)).toEqual({ ok: true, value: '2026-11-19T17:00:00.000Z' });
    expect(applyTransform('date', '20/11/2026 09:15:02', vn)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', '5/1/2026', utc)).toEqual({ ok: true, value: '2026-01-05T00:00:00.000Z' });
    expect(applyTransform('date', 1795140902, utc)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', 1795140902000, utc)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', '1795140902', utc)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(applyTransform('date', 'hôm qua', utc)).toEqual({ ok: false, problem: expect.stringContaining('is "hôm qua", not a time this mapping reads') });
    expect(applyTransform('date', '2026-13-40T00:00:00Z', utc).ok).toBe(false);
  });

  it('runs a rule\'s transforms in order, then the conversion its target needs', () => {
    expect(convert('  LAN@EXAMPLE.COM ', ['trim', 'lowercase'], 'text', utc)).toEqual({ ok: true, value: 'lan@example.com' });
    expect(convert(250000, [], 'decimal', utc)).toEqual({ ok: true, value: '250000' });
    expect(convert('2026-11-20 09:15:02', [], 'date', vn)).toEqual({ ok: true, value: '2026-11-20T02:15:02.000Z' });
    expect(convert('abc', ['trim'], 'integer', utc)).toEqual({ ok: false, problem: 'is "abc", not a whole number' });
  });
});
