import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatTime, parseLocalNumber } from './format.ts';

const evening = '2026-12-07T16:00:19Z';
const tz = (iso: string) => new Date(iso);

describe('times and money in the chosen language', () => {
  it('Vietnamese reads 24-hour times and dd/MM/yyyy dates, whatever the machine locale', () => {
    const today = formatTime(evening, tz(evening), 'vi');
    expect(today).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(today).not.toMatch(/AM|PM|SA|CH/);
    const older = formatTime(evening, new Date('2026-12-20T00:00:00Z'), 'vi');
    expect(older).toMatch(/^\d{2}\/12\/2026 \d{2}:\d{2}$/);
    expect(formatDate('2026-03-05T12:00:00Z', 'vi')).toBe('05/03/2026');
  });

  it('English keeps its own forms', () => {
    expect(formatTime(evening, new Date('2026-12-20T00:00:00Z'), 'en')).toMatch(/^Dec \d, 2026, \d{1,2}:\d{2} (AM|PM)$/);
  });

  it('money: 600.000 ₫ in Vietnamese, ₫600,000 in English', () => {
    expect(formatMoney('600000', 'VND', 'vi').replace(/\u00a0/g, ' ')).toBe('600.000 ₫');
    expect(formatMoney('600000', 'VND', 'en')).toBe('₫600,000');
    expect(formatMoney('12.50', 'XYZ?', 'vi')).toBe('12.50 XYZ?');
  });

  it('numbers typed as a Vietnamese shop owner writes them', () => {
    expect(parseLocalNumber('2.000.000', 'vi')).toBe(2_000_000);
    expect(parseLocalNumber('2.000.000 ₫', 'vi')).toBe(2_000_000);
    expect(parseLocalNumber('12,5', 'vi')).toBe(12.5);
    expect(parseLocalNumber('1.234,75', 'vi')).toBe(1234.75);
    expect(parseLocalNumber('2,000,000', 'en')).toBe(2_000_000);
    expect(parseLocalNumber('12.5', 'en')).toBe(12.5);
    expect(parseLocalNumber('12.5', 'vi')).toBe(12.5);
    expect(parseLocalNumber('abc', 'vi')).toBeNull();
    expect(parseLocalNumber('', 'vi')).toBeNull();
    expect(parseLocalNumber('1.2.3', 'vi')).toBeNull();
  });
});
