import { IsoDateTime } from '../../contract/index.ts';

/**
 * Haravan documents .NET-style decimals ("865000.0000", reference Errata 8), sent as JSON
 * numbers or strings. The canonical order carries money as decimal strings.
 */
export function decimal(value: number | string | null | undefined, fallback = '0'): string {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return fallback;
    if (/^-?\d+(\.\d+)?$/.test(text)) return text;
    return numberText(Number(text), value);
  }
  return numberText(value, value);
}

function numberText(n: number, original: unknown): string {
  if (!Number.isFinite(n)) throw new Error(`${JSON.stringify(original)} is not an amount`);
  const text = String(n);
  // 1e-7 and 1e21 print in exponent form; write them out.
  return /e/i.test(text) ? n.toFixed(10).replace(/\.?0+$/, '') : text;
}

/**
 * A timestamp as the canonical model wants it (ISO 8601 with an offset). A valid value is kept
 * as sent, so `updatedAt` stays the platform's own version string; a value without an offset
 * is read as UTC (Haravan's times are UTC "…Z").
 */
export function isoTime(value: string, field: string): string {
  if (IsoDateTime.safeParse(value).success) return value;
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new Error(`${field} "${value}" is not a date and time`);
  return new Date(ms).toISOString();
}

/** Haravan pads names (" Haravan Demo", " "): trimmed, and blank means none. */
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
