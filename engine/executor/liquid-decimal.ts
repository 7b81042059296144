/**
 * Exact decimal arithmetic for the Liquid filters. Money arrives as decimal strings
 * ("404.95", "2000000"); going through a float would round "1.005" the wrong way, so amounts
 * are kept as a big integer of units plus a scale (value = units / 10^scale).
 */
export interface DecimalValue {
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Reads a decimal string or a finite number; null when it is not one. */
export function parseDecimal(value: unknown): DecimalValue | null {
  if (typeof value === 'number') return Number.isFinite(value) ? parseDecimal(numberToPlainString(value)) : null;
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  if (typeof value !== 'string') return null;
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Rounds to `places` fraction digits, half away from zero (as Ruby's `round`). */
export function roundDecimal(value: DecimalValue, places: number): DecimalValue {
  if (value.scale <= places) return rescale(value, places);
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.units < 0n ? -value.units : value.units;
  let rounded = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) rounded += 1n;
  return { units: value.units < 0n ? -rounded : rounded, scale: places };
}

export function addDecimals(a: DecimalValue, b: DecimalValue): DecimalValue {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units + rescale(b, scale).units, scale };
}

export function negateDecimal(value: DecimalValue): DecimalValue {
  return { units: -value.units, scale: value.scale };
}

/** Splits into sign, whole digits and exactly `scale` fraction digits ("-", "1234", "50"). */
export function decimalParts(value: DecimalValue): { negative: boolean; whole: string; fraction: string } {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  return { negative, whole: digits.slice(0, digits.length - value.scale), fraction: digits.slice(digits.length - value.scale) };
}

export function decimalToNumber(value: DecimalValue): number {
  const { negative, whole, fraction } = decimalParts(value);
  return Number(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
}

/**
 * Shopify Liquid's `Utils.to_number`: a number stays a number, "12.50" is a decimal, any other
 * string is its leading integer (Ruby's `to_i`: "12abc" is 12, "abc" is 0), anything else 0.
 */
export function toLiquidNumber(value: unknown): DecimalValue {
  const zero = { units: 0n, scale: 0 };
  if (typeof value === 'number') return parseDecimal(value) ?? zero;
  if (typeof value !== 'string') return zero;
  const trimmed = value.trim();
  if (/^-?\d+\.\d+$/.test(trimmed)) return parseDecimal(trimmed) ?? zero;
  const leading = /^[+-]?\d+/.exec(trimmed.replace(/_/g, ''));
  return (leading && parseDecimal(leading[0])) ?? zero;
}

function rescale(value: DecimalValue, scale: number): DecimalValue {
  return scale <= value.scale ? value : { units: value.units * 10n ** BigInt(scale - value.scale), scale };
}

/** A number as plain digits: 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}
