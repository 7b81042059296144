import { describe, expect, it } from 'vitest';
import { firingsBetween, nextFiring, ruleKey, type ScheduleRule } from './schedule-rule.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => Date.parse(iso);
const next = (rule: Partial<ScheduleRule>, after: string) =>
  new Date(nextFiring({ every: 'day', at: '08:00', days: [], dayOfMonth: 1, timeZone: HCM, ...rule }, at(after))).toISOString();

describe('schedule rules: the next firing, in the shop’s time zone', () => {
  // 2026-12-07 is a Monday.
  it.each<[string, Partial<ScheduleRule>, string, string]>([
    ['every day at 8:00, before 8:00 Hanoi time', {}, '2026-12-07T00:30:00Z', '2026-12-07T01:00:00.000Z'],
    ['every day at 8:00, exactly at 8:00: the next day', {}, '2026-12-07T01:00:00Z', '2026-12-08T01:00:00.000Z'],
    ['every day at 8:00, late evening UTC is already tomorrow in Hanoi', {}, '2026-12-07T20:00:00Z', '2026-12-08T01:00:00.000Z'],
    ['every day, only on weekdays: Friday evening → Monday', { days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, '2026-12-11T05:00:00Z', '2026-12-14T01:00:00.000Z'],
    ['every week on Monday and Thursday at 9:30', { every: 'week', at: '09:30', days: ['mon', 'thu'] }, '2026-12-07T03:00:00Z', '2026-12-10T02:30:00.000Z'],
    ['every hour at :15', { every: 'hour', at: '00:15' }, '2026-12-07T01:20:00Z', '2026-12-07T02:15:00.000Z'],
    ['every hour, weekends only: Friday → Saturday 00:15 Hanoi', { every: 'hour', at: '00:15', days: ['sat', 'sun'] }, '2026-12-11T05:00:00Z', '2026-12-11T17:15:00.000Z'],
    ['every month on the 31st: a 30-day month fires on its last day', { every: 'month', dayOfMonth: 31 }, '2026-11-01T00:00:00Z', '2026-11-30T01:00:00.000Z'],
    ['every month on the 1st, after this month’s', { every: 'month', dayOfMonth: 1 }, '2026-12-01T02:00:00Z', '2027-01-01T01:00:00.000Z'],
    ['a zone with daylight saving: 8:00 in New York, across the night the clocks go back', { timeZone: 'America/New_York' }, '2026-10-31T13:00:00Z', '2026-11-01T13:00:00.000Z'],
  ])('%s', (_name, rule, after, expected) => {
    expect(next(rule, after)).toBe(expected);
  });

  it('counts the firings in a gap, ends included, and stops at a cap', () => {
    const hourly: ScheduleRule = { every: 'hour', at: '00:00', days: [], dayOfMonth: 1, timeZone: HCM };
    expect(firingsBetween(hourly, at('2026-12-07T10:00:00Z'), at('2026-12-07T12:30:00Z'))).toBe(3);
    expect(firingsBetween(hourly, at('2026-12-07T10:00:00Z'), at('2026-12-07T10:00:00Z'))).toBe(1);
    expect(firingsBetween(hourly, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), 500)).toBe(500);
  });

  it('keys a rule by what decides its times, whatever order the days were ticked in', () => {
    const a: ScheduleRule = { every: 'week', at: '08:00', days: ['thu', 'mon'], dayOfMonth: 1, timeZone: HCM };
    expect(ruleKey(a)).toBe(ruleKey({ ...a, days: ['mon', 'thu'] }));
    expect(ruleKey(a)).not.toBe(ruleKey({ ...a, at: '09:00' }));
  });
});
