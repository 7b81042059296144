import { describe, expect, it } from 'vitest';
import { AllowedHoursParams } from '../../contract/index.ts';
import { nextAllowed } from './allowed-window.ts';
import { parseZoned, zonedToUtc } from './zoned-time.ts';

const hcm = (text: string) => Date.parse(`${text}+07:00`);
const window = (p: Partial<AllowedHoursParams> = {}) => AllowedHoursParams.parse(p);

describe('allowed hours, in the shop’s time zone', () => {
  it.each([
    ['inside the window: now', '2026-12-07T10:00:00', '2026-12-07T10:00:00'],
    ['before it opens: today at 8:00', '2026-12-07T06:30:00', '2026-12-07T08:00:00'],
    ['after it closes: tomorrow at 8:00', '2026-12-07T21:00:00', '2026-12-08T08:00:00'],
    ['just before midnight UTC, 06:59 in Hồ Chí Minh: today at 8:00', '2026-12-07T06:59:00', '2026-12-07T08:00:00'],
  ])('%s', (_name, now, next) => {
    expect(new Date(nextAllowed(hcm(now), window())!).toISOString()).toBe(new Date(hcm(next)).toISOString());
  });

  it('skips days that are not allowed (Monday 7 December 2026, weekends only → Saturday)', () => {
    expect(nextAllowed(hcm('2026-12-07T10:00:00'), window({ days: ['sat', 'sun'] }))).toBe(hcm('2026-12-12T08:00:00'));
  });

  it('runs an overnight window across midnight', () => {
    const night = window({ from: '21:00', to: '06:00' });
    expect(nextAllowed(hcm('2026-12-07T23:30:00'), night)).toBe(hcm('2026-12-07T23:30:00'));
    expect(nextAllowed(hcm('2026-12-07T05:00:00'), night)).toBe(hcm('2026-12-07T05:00:00'));
    expect(nextAllowed(hcm('2026-12-07T12:00:00'), night)).toBe(hcm('2026-12-07T21:00:00'));
  });

  it('answers null when no day is allowed', () => {
    expect(nextAllowed(hcm('2026-12-07T10:00:00'), window({ days: [] }))).toBeNull();
  });
});

describe('zoned times', () => {
  it('reads a date without an offset in the zone, and keeps an explicit offset', () => {
    expect(parseZoned('2026-12-24 08:00', 'Asia/Ho_Chi_Minh')).toBe(hcm('2026-12-24T08:00:00'));
    expect(parseZoned('2026-12-24', 'Asia/Ho_Chi_Minh')).toBe(hcm('2026-12-24T00:00:00'));
    expect(parseZoned('2026-12-24T08:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(Date.parse('2026-12-24T08:00:00Z'));
    expect(parseZoned('next tuesday', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it('follows daylight saving time where a zone has it', () => {
    // New York: 08:00 is UTC−5 in winter, UTC−4 in summer.
    expect(zonedToUtc(2026, 1, 15, 8, 0, 'America/New_York')).toBe(Date.parse('2026-01-15T13:00:00Z'));
    expect(zonedToUtc(2026, 7, 15, 8, 0, 'America/New_York')).toBe(Date.parse('2026-07-15T12:00:00Z'));
  });
});
