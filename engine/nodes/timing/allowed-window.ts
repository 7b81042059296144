import type { AllowedHoursParams } from '../../contract/index.ts';
import { zonedParts, zonedToUtc } from './zoned-time.ts';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The first instant at or after `nowMs` inside the allowed hours: `nowMs` itself when inside.
 * A window whose end is before its start runs overnight (21:00–08:00). Looks a week ahead;
 * with no allowed day at all it answers null.
 */
export function nextAllowed(nowMs: number, p: AllowedHoursParams): number | null {
  const from = minutesOf(p.from);
  const to = minutesOf(p.to);
  const days = new Set(p.days);
  const now = zonedParts(nowMs, p.timeZone);
  const minute = now.hour * 60 + now.minute;
  const overnight = to <= from;
  if (days.has(now.weekday)) {
    const inside = overnight ? minute >= from || minute < to : minute >= from && minute < to;
    if (inside) return nowMs;
  }
  // Overnight windows that began yesterday count for yesterday's day; keep it simple: a window
  // is allowed when the day it starts on is allowed.
  for (let ahead = 0; ahead <= 7; ahead++) {
    const start = zonedToUtc(now.year, now.month, now.day + ahead, Math.floor(from / 60), from % 60, p.timeZone);
    if (start < nowMs) continue;
    if (days.has(zonedParts(start, p.timeZone).weekday)) return start;
  }
  return null;
}
