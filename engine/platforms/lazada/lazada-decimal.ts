/** Money as decimal strings, added exactly (BigInt), never through floating point. */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A platform amount (string or number) as a decimal string; null when it is not a number. */
export function asDecimal(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const s = String(value);
    return DECIMAL.test(s) ? s : value.toFixed(2);
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  return null;
}

function scaled(s: string, scale: number): bigint {
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = s.replace('-', '').split('.');
  const v = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -v : v;
}

/** plus₁ + plus₂ + … − minus₁ − …, keeping the largest number of decimals among the terms. */
export function decimalSum(plus: readonly string[], minus: readonly string[] = []): string {
  const all = [...plus, ...minus];
  const scale = Math.max(0, ...all.map((s) => (s.split('.')[1] ?? '').length));
  let total = 0n;
  for (const p of plus) total += scaled(p, scale);
  for (const m of minus) total -= scaled(m, scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const out = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${out}` : out;
}
