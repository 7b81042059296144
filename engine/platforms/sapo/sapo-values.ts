import { IsoDateTime } from '../../contract/index.ts';

/** Sapo sends money as JSON numbers (200000.0) or strings; the canonical order wants decimal strings. */
export function decimal(value: number | string | null | undefined, fallback = '0'): string {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return fallback;
    if (/^-?\d+(\.\d+)?$/.test(t)) return t;
    return numberText(Number(t), value);
  }
  return numberText(value, value);
}

function numberText(n: number, original: unknown): string {
  if (!Number.isFinite(n)) throw new Error(`${JSON.stringify(original)} is not an amount`);
  const t = String(n);
  return /e/i.test(t) ? n.toFixed(10).replace(/\.?0+$/, '') : t;
}

const SCALE = 1_000_000n;

function scaled(value: string): bigint {
  const [whole = '0', frac = ''] = value.replace('-', '').split('.');
  const v = BigInt(whole) * SCALE + BigInt((frac + '000000').slice(0, 6));
  return value.startsWith('-') ? -v : v;
}

function unscaled(v: bigint): string {
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const frac = (abs % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / SCALE}${frac ? `.${frac}` : ''}`;
}

/** Exact sum of decimal strings (no float drift: 0.1 + 0.2 is "0.3"). */
export function sumDecimals(values: readonly string[]): string {
  return unscaled(values.reduce((acc, v) => acc + scaled(v), 0n));
}

/** Exact product of two decimal strings, for price × quantity. */
export function timesDecimal(a: string, b: string): string {
  return unscaled((scaled(a) * scaled(b)) / SCALE);
}

/**
 * A timestamp as the canonical model wants it. A valid value is kept as sent, so `updatedAt`
 * stays the platform's version string; a value without an offset is read as UTC (Sapo GO's
 * captured times are "…Z").
 */
export function isoTime(value: string, field: string): string {
  if (IsoDateTime.safeParse(value).success) return value;
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new Error(`${field} "${value}" is not a date and time`);
  return new Date(ms).toISOString();
}

export function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

export function tagList(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(',') : (value ?? []);
  return parts.map((t) => t.trim()).filter((t) => t.length > 0);
}

export function idText(value: number | string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** A record lookup that ignores inherited keys ("constructor") and tries the lower-cased key too. */
export function lookup<V>(map: Record<string, V>, key: string | null | undefined): V | undefined {
  if (!key) return undefined;
  if (Object.hasOwn(map, key)) return map[key];
  const lower = key.toLowerCase();
  return Object.hasOwn(map, lower) ? map[lower] : undefined;
}
