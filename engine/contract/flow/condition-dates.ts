/**
 * Dates as conditions read them. Only ISO 8601 is accepted: `Date.parse` of anything else is
 * implementation-defined, and the editor (a browser) and the engine (Node) must agree. Calendar
 * days are read in the shop's time zone, since "ordered on 31 January" means the shop's day, not
 * UTC's; times without an offset are wall-clock times in that zone.
 */

/** Flowdesk's shops are Vietnamese first; the engine passes the shop's own zone when it knows it. */
export const DEFAULT_CONDITION_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A point in time, and its calendar day (YYYY-MM-DD) when the text named one without an offset. */
export interface ParsedDate {
  instant: number;
  /** Set for "2026-01-31" and for wall-clock times: the day as written, not converted. */
  writtenDay?: string;
  /** True for a bare date ("2026-01-31"): compared by whole days. */
  dateOnly: boolean;
}

/** True when the text is an ISO date or date-time the evaluator can read. */
export function isIsoDate(text: string): boolean {
  return parseIsoParts(text.trim()) !== null;
}

interface IsoParts {
  y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number;
  /** Minutes east of UTC; undefined when the text has no offset. */
  offset?: number;
  dateOnly: boolean;
}

function parseIsoParts(text: string): IsoParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parts: IsoParts = {
    y: Number(y), mo: Number(mo), d: Number(d), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0),
    ms: frac ? Math.floor(Number(`0${frac}`) * 1000) : 0, dateOnly: h === undefined,
  };
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible dates.
  const check = new Date(Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s));
  if (check.getUTCMonth() !== parts.mo - 1 || check.getUTCDate() !== parts.d || check.getUTCHours() !== parts.h || parts.mi > 59 || parts.s > 59) {
    return null;
  }
  if (zone) {
    if (zone.toUpperCase() === 'Z') parts.offset = 0;
    else {
      const digits = zone.replace(':', '');
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
      parts.offset = digits.startsWith('-') ? -minutes : minutes;
    }
  }
  return parts;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone; the evaluator turns that into a note.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedParts(instant: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Minutes east of UTC that `timeZone` is at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time in `timeZone` names (twice round, so a DST change is honoured). */
function zonedToInstant(wall: number, timeZone: string): number {
  let guess = wall - offsetAt(wall, timeZone) * 60_000;
  guess = wall - offsetAt(guess, timeZone) * 60_000;
  return guess;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Reads an ISO text (or a Date) as a point in time; null when it is not one. */
export function parseConditionDate(value: unknown, timeZone: string): ParsedDate | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { instant: value.getTime(), dateOnly: false };
  if (typeof value !== 'string') return null;
  const p = parseIsoParts(value.trim());
  if (!p) return null;
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms);
  if (p.offset !== undefined) return { instant: wall - p.offset * 60_000, dateOnly: false };
  return { instant: zonedToInstant(wall, timeZone), writtenDay: `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`, dateOnly: p.dateOnly };
}

/** The calendar day (YYYY-MM-DD) of a parsed date in the shop's zone, or as written. */
export function dayOf(date: ParsedDate, timeZone: string): string {
  if (date.writtenDay) return date.writtenDay;
  const p = zonedParts(date.instant, timeZone);
  return `${pad(p.year ?? 0, 4)}-${pad(p.month ?? 0)}-${pad(p.day ?? 0)}`;
}

export const unitMs = { hours: 3_600_000, days: 86_400_000, weeks: 7 * 86_400_000 } as const;
