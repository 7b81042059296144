import type { Weekday } from '../../contract/index.ts';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time at an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts & { second: number } {
  const parts = Object.fromEntries(format(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: String(parts['weekday']).toLowerCase().slice(0, 3) as Weekday,
  };
}

/** The instant a wall-clock time in a time zone names (the earlier one when a clock goes back). */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at the guess, then again at the corrected instant (DST moves it).
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(ms, timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    ms = guess - (shown - ms);
  }
  return ms;
}

/**
 * Reads a date the user typed or a template rendered: an ISO instant keeps its offset; a date
 * or date-time without one ("2026-12-24", "2026-12-24 08:00") is read in the time zone.
 */
export function parseZoned(text: string, timeZone: string): number | null {
  const s = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2})?)?$/.exec(s);
  if (local) {
    const [, y, mo, d, h, mi] = local;
    return zonedToUtc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), timeZone);
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}
