import type { ScheduleParams, Weekday } from '../../contract/index.ts';
import { zonedParts, zonedToUtc } from '../timing/zoned-time.ts';

/** What a schedule's firing times depend on (its activation conditions do not). */
export type ScheduleRule = Pick<ScheduleParams, 'every' | 'at' | 'days' | 'dayOfMonth' | 'timeZone'>;

const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A calendar day `offset` days after y-m-d, with its weekday (plain date arithmetic, no zone). */
function dayAfter(y: number, m: number, d: number, offset: number): { y: number; m: number; d: number; weekday: Weekday } {
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: weekdays[date.getUTCDay()]! };
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The key a plan is stored under: a job planned for another rule is not this rule's. */
export function ruleKey(rule: ScheduleRule): string {
  const days = rule.every === 'month' ? '' : [...rule.days].sort().join(',');
  return [rule.every, rule.at, days, rule.every === 'month' ? rule.dayOfMonth : '', rule.timeZone].join('|');
}

/**
 * The first firing strictly after `afterMs`, as an instant. Wall-clock times are read in the
 * rule's time zone (a day that skips the hour, at a DST change, fires at the instant the zone
 * maps it to). Always found within a year and a month of `afterMs`.
 */
export function nextFiring(rule: ScheduleRule, afterMs: number): number {
  const [hour, minute] = rule.at.split(':').map(Number) as [number, number];
  const now = zonedParts(afterMs, rule.timeZone);
  const allowed = (w: Weekday) => rule.days.length === 0 || rule.days.includes(w);
  if (rule.every === 'month') {
    for (let i = 0; i <= 13; i++) {
      const y = now.year + Math.floor((now.month - 1 + i) / 12);
      const m = ((now.month - 1 + i) % 12) + 1;
      const at = zonedToUtc(y, m, Math.min(rule.dayOfMonth, daysInMonth(y, m)), hour, minute, rule.timeZone);
      if (at > afterMs) return at;
    }
  } else {
    for (let i = 0; i <= 8; i++) {
      const day = dayAfter(now.year, now.month, now.day, i);
      if (!allowed(day.weekday)) continue;
      if (rule.every === 'hour') {
        for (let h = 0; h < 24; h++) {
          const at = zonedToUtc(day.y, day.m, day.d, h, minute, rule.timeZone);
          if (at > afterMs) return at;
        }
      } else {
        const at = zonedToUtc(day.y, day.m, day.d, hour, minute, rule.timeZone);
        if (at > afterMs) return at;
      }
    }
  }
  throw new Error(`the schedule ${ruleKey(rule)} has no firing after ${new Date(afterMs).toISOString()}`);
}

/** How many firings fall in [fromMs, toMs], counting no further than `cap`. */
export function firingsBetween(rule: ScheduleRule, fromMs: number, toMs: number, cap = 100_000): number {
  let n = 0;
  for (let at = nextFiring(rule, fromMs - 1); at <= toMs && n < cap; at = nextFiring(rule, at)) n++;
  return n;
}
