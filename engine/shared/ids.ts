import { randomFillSync } from 'node:crypto';

// Ascending in ASCII, so ids of one width compare as the numbers they spell.
const alphabet = '0123456789abcdefghijkmnpqrstvwxyz';
const TIME_CHARS = 8;
const RANDOM_CHARS = 8;
/** Milliseconds are counted from here: 33^8 ms (~44.6 years) last until 2069, then wrap (see below). */
const EPOCH_MS = Date.UTC(2025, 0, 1);
const TIME_SPAN = 33 ** TIME_CHARS;
// Random bytes drawn 4 KB at a time: a run makes several ids, and one call per id costs more
// than the id.
const pool = Buffer.alloc(RANDOM_CHARS * 512);
let offset = pool.length;

/**
 * A short id with a prefix that says what it names: `ord_…`, `run_…`, `con_…`: the time it was
 * made to the millisecond, then 8 random characters (33^8 ≈ 1.4 × 10^12 a millisecond).
 *
 * Time first, because ids are keys: an order's id leads the indexes of its timeline entries, runs,
 * tags and the orders table itself. Random ids put each new order's rows on a random leaf page of
 * each of those b-trees, so every commit wrote as many scattered pages as it had orders; ids that
 * grow with time put them on the last few (issue 17: five-node runs 10–13 % less CPU). Nothing
 * relies on the order for correctness: after the wrap in 2069 ids are as unique, only less local.
 * Ids made before this scheme (12 random characters) stay valid.
 */
export function newId(prefix: string): string {
  if (offset + RANDOM_CHARS > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let t = (Date.now() - EPOCH_MS) % TIME_SPAN;
  let time = '';
  for (let k = 0; k < TIME_CHARS; k++) {
    time = alphabet[t % 33] + time;
    t = Math.floor(t / 33);
  }
  let random = '';
  for (let i = offset; i < offset + RANDOM_CHARS; i++) random += alphabet[(pool[i] as number) % alphabet.length];
  offset += RANDOM_CHARS;
  return `${prefix}_${time}${random}`;
}
