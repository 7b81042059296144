import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijkmnpqrstvwxyz';

/** A short random id with a prefix that says what it names: `con_…`, `ord_…`, `flw_…`. */
export function newId(prefix: string): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${prefix}_${out}`;
}
