import { parseZoned, zonedParts } from '../timing/zoned-time.ts';

/** A due time read from the Due field: none, an instant, or words that are not a time. */
export type Due =
  | { kind: 'none' }
  | {
      kind: 'at';
      ms: number;
      /** Said as a day, not a time of day ("in 2 days", "2026-12-24"): Asana takes it as due_on. */
      dateOnly: boolean;
      /** The day in the step's time zone, YYYY-MM-DD. */
      day: string;
    }
  | { kind: 'bad'; text: string };

const HOUR = 3_600_000;
const relative = /^(?:in|sau)?\s*(\d{1,5})\s*(h|hours?|giờ|tiếng|d|days?|ngày)(?:\s*(?:nữa|later))?$/i;

function dayIn(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Reads the rendered Due field (create-task.spec.ts): empty → no due date; "in 2 days" / "in
 * 4 hours" (or "sau 2 ngày", "4 giờ") from `nowMs`; else a date or date-time in `timeZone`.
 */
export function readDue(text: string, nowMs: number, timeZone: string): Due {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return { kind: 'none' };
  const rel = relative.exec(s);
  if (rel) {
    const n = Number(rel[1]);
    const days = /^(d|days?|ngày)$/i.test(rel[2]!);
    const ms = nowMs + n * (days ? 24 : 1) * HOUR;
    return { kind: 'at', ms, dateOnly: days, day: dayIn(ms, timeZone) };
  }
  const ms = parseZoned(s, timeZone);
  if (ms === null) return { kind: 'bad', text: s };
  return { kind: 'at', ms, dateOnly: /^\d{4}-\d{2}-\d{2}$/.test(s), day: /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : dayIn(ms, timeZone) };
}

/** The skip a Due field that is not a time gives (the code the editor words). */
export function notADate(text: string, input: unknown) {
  return { status: 'skipped' as const, port: 'out', reason: `the Due field rendered "${text}", which is not a date (write "in 2 days", "in 4 hours" or a date such as 2026-12-24 17:00)`, code: 'not_a_date' as const, args: { text }, input };
}
