import { z } from 'zod';

/**
 * The transforms a mapping rule may apply to a value, in order, before the value is converted
 * to what its target holds (text, a decimal string, an integer, an ISO time, a yes/no).
 */
export const Transform = z.enum(['string', 'decimal', 'integer', 'lowercase', 'uppercase', 'trim', 'date', 'boolean']);
export type Transform = z.infer<typeof Transform>;

export interface TransformOptions {
  /** The UTC offset of times sent without one ("2026-11-20 09:15:02"), e.g. "+07:00" or "Z". */
  utcOffset: string;
}

export type Converted = { ok: true; value: unknown } | { ok: false; problem: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (problem: string): Converted => ({ ok: false, problem });

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A JSON number as a plain decimal string: 199.98 → "199.98", 1e21 → "1000000000000000000000". */
export function numberToDecimal(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function toText(value: unknown): Converted {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number') return ok(numberToDecimal(value) ?? String(value));
  if (typeof value === 'boolean' || typeof value === 'bigint') return ok(String(value));
  return bad(`is ${shown(value)}, not text`);
}

const decimalText = /^-?\d+(\.\d+)?$/;

function toDecimal(value: unknown): Converted {
  if (typeof value === 'number') {
    const d = numberToDecimal(value);
    return d === null ? bad(`is ${shown(value)}, not a number`) : ok(d);
  }
  if (typeof value === 'string') {
    const t = value.trim().replace(/^\+/, '');
    if (decimalText.test(t)) return ok(t);
    return bad(`is ${shown(value)}, not a decimal number such as 12.50 (no thousands separators)`);
  }
  return bad(`is ${shown(value)}, not a number`);
}

function toInteger(value: unknown): Converted {
  const d = toDecimal(value);
  const n = d.ok ? Number(d.value) : Number.NaN;
  if (!Number.isSafeInteger(n)) return bad(`is ${shown(value)}, not a whole number`);
  return ok(n);
}

function toBoolean(value: unknown): Converted {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (['true', 'yes', '1', 'y'].includes(t)) return ok(true);
    if (['false', 'no', '0', 'n'].includes(t)) return ok(false);
  }
  return bad(`is ${shown(value)}, not true/false`);
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const isoNoZone = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?)?$/;
const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function fromEpoch(n: number): Converted {
  // Seconds or milliseconds: a value above 10^12 is milliseconds (as Lazada's timestamps).
  const ms = Math.abs(n) >= 1e12 ? n : n * 1000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? bad(`is ${shown(n)}, not a time`) : ok(d.toISOString());
}

/**
 * A time as an ISO 8601 UTC string. Reads ISO times (with or without an offset), Unix
 * seconds or milliseconds, and the Vietnamese day-first "20/11/2026 09:15:02". A time without
 * an offset is taken in `utcOffset`.
 */
function toDate(value: unknown, opts: TransformOptions): Converted {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return bad(`is ${shown(value)}, not a time`);
  const t = value.trim();
  if (/^\d{9,13}$/.test(t)) return fromEpoch(Number(t));
  let candidate: string | null = null;
  if (isoWithZone.test(t)) candidate = t.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const plain = isoNoZone.exec(t);
  if (plain) candidate = `${plain[1]}T${plain[2] ?? '00:00'}${plain[3] ?? ':00'}${opts.utcOffset}`;
  const vn = dayFirst.exec(t);
  if (vn) {
    const [, d, m, y, hh, mm, ss] = vn;
    const pad = (s: string | undefined, def: string) => (s ?? def).padStart(2, '0');
    candidate = `${y}-${pad(m, '1')}-${pad(d, '1')}T${pad(hh, '0')}:${pad(mm, '0')}:${pad(ss, '0')}${opts.utcOffset}`;
  }
  const ms = candidate === null ? NaN : Date.parse(candidate);
  if (Number.isNaN(ms)) return bad(`is ${shown(value)}, not a time this mapping reads (ISO 8601, Unix seconds or milliseconds, or dd/mm/yyyy hh:mm:ss)`);
  return ok(new Date(ms).toISOString());
}

function textThen(value: unknown, f: (s: string) => string): Converted {
  const t = toText(value);
  return t.ok ? ok(f(t.value as string)) : t;
}

export function applyTransform(name: Transform, value: unknown, opts: TransformOptions): Converted {
  switch (name) {
    case 'string':
      return toText(value);
    case 'decimal':
      return toDecimal(value);
    case 'integer':
      return toInteger(value);
    case 'boolean':
      return toBoolean(value);
    case 'date':
      return toDate(value, opts);
    case 'lowercase':
      return textThen(value, (s) => s.toLowerCase());
    case 'uppercase':
      return textThen(value, (s) => s.toUpperCase());
    case 'trim':
      return textThen(value, (s) => s.trim());
  }
}

/** What a target holds; the last conversion every mapped value goes through. */
export type ValueKind = 'text' | 'decimal' | 'integer' | 'date' | 'boolean';

const kindTransform: Record<ValueKind, Transform> = { text: 'string', decimal: 'decimal', integer: 'integer', date: 'date', boolean: 'boolean' };

/** Runs a rule's transforms, then the conversion its target needs. */
export function convert(value: unknown, transforms: readonly Transform[], kind: ValueKind, opts: TransformOptions): Converted {
  let cur = value;
  for (const t of [...transforms, kindTransform[kind]]) {
    const next = applyTransform(t, cur, opts);
    if (!next.ok) return next;
    cur = next.value;
  }
  return ok(cur);
}
