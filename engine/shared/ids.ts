import { randomFillSync } from 'node:crypto';

const alphabet = '0123456789abcdefghijkmnpqrstvwxyz';
const ID_BYTES = 12;
// Random bytes drawn 4 KB at a time: a run makes several ids, and one call per id costs more
// than the id.
const pool = Buffer.alloc(ID_BYTES * 341);
let offset = pool.length;

/** A short random id with a prefix that says what it names: `con_…`, `ord_…`, `flw_…`. */
export function newId(prefix: string): string {
  if (offset + ID_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let out = '';
  for (let i = offset; i < offset + ID_BYTES; i++) out += alphabet[(pool[i] as number) % alphabet.length];
  offset += ID_BYTES;
  return `${prefix}_${out}`;
}
