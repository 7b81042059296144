import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { FLOWDESK_KEY_COLUMN, isSameHeader } from '../../contract/index.ts';
import { guardFormula, type RenderedCell } from './cells.ts';

/**
 * Appending one row to a CSV file, the way Excel reads it: UTF-8 with a BOM written once (so
 * Vietnamese shows right), CRLF line ends, quotes only where needed. The caller serializes
 * calls per file (file-connector.ts).
 *
 * - A new or empty file gets a header row: the step's headers, then `flowdesk_key`.
 * - An existing header row is matched by name (case, spaces and Unicode forms aside); a header
 *   the file lacks is added at the end of the header row, so older rows are simply shorter
 *   (the only whole-file rewrite, done through a temp file and a rename).
 * - The row itself is one O_APPEND write, flushed to disk: a crash leaves the file as it was or
 *   with the row whole; a torn last line (no line end) gets one before the next row.
 * - No double rows: the row carries the step's idempotency key under `flowdesk_key`; before
 *   appending, the file's tail is searched for it. A retry or a restart comes seconds to
 *   minutes after the first try, so its row (if written) is among the last rows: the last
 *   256 KB is over a thousand rows, and reading only the tail keeps a big file's append cheap.
 */

export interface FileAppend {
  /** False when the row was found already there (a retried step). */
  appended: boolean;
  /** Headers the file did not have, added at the end of its header row. */
  addedColumns: string[];
  created: boolean;
}

const BOM = '\uFEFF';
const TAIL_BYTES = 256 * 1024;

/** The first record of a CSV text and where it ends (quotes and line breaks in quotes honoured). */
export function firstRecord(text: string, delimiter: string): { fields: string[]; end: number; eol: string } {
  const fields: string[] = [];
  let field = '';
  let i = text.startsWith(BOM) ? 1 : 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      fields.push(field);
      const eol = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : ch;
      return { fields, end: i + eol.length, eol };
    } else field += ch;
  }
  fields.push(field);
  return { fields, end: text.length, eol: '\r\n' };
}

/** Excel saves CSV with the list separator of the computer's region: ";" in much of Europe, "," in Vietnam. */
function delimiterOf(firstLine: string): string {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  return outsideQuotes.includes(';') && !outsideQuotes.includes(',') ? ';' : ',';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The key as a whole field anywhere in the text: after a delimiter or a line start, before a delimiter or a line end. */
function holdsKey(text: string, key: string, delimiter: string): boolean {
  const d = escapeRegExp(delimiter);
  return new RegExp(`(^|${d}|\\n)"?${escapeRegExp(key)}"?(${d}|\\r|\\n|$)`).test(text);
}

async function readSlice(path: string, position: number, length: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

const readTail = (path: string, size: number) => readSlice(path, Math.max(0, size - TAIL_BYTES), Math.min(size, TAIL_BYTES));

/** Writes a whole file through a temp file in its folder and a rename: readers see the old file or the new, never half. */
export async function replaceFile(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await write(tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

async function appendDurably(path: string, text: string): Promise<void> {
  const fh = await open(path, 'a');
  try {
    await fh.write(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function appendCsvRow(path: string, cells: readonly RenderedCell[], key: string): Promise<FileAppend> {
  const size = await stat(path).then((s) => s.size, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? -1 : Promise.reject(e)));
  // A small file is read whole; of a big one, its head (for the header row) and later its tail.
  const text = size <= 0 ? '' : size > TAIL_BYTES ? await readSlice(path, 0, 64 * 1024) : await readFile(path, 'utf8');
  const record = (values: string[], delimiter = ',', eol = '\r\n') => stringify([values], { delimiter, record_delimiter: eol === '\r\n' ? 'windows' : 'unix' });

  if (text.replace(BOM, '').trim() === '') {
    const headers = [...cells.map((c) => c.header), FLOWDESK_KEY_COLUMN];
    const body = BOM + record(headers) + record([...cells.map(guardFormula), key]);
    await replaceFile(path, (tmp) => appendDurably(tmp, body));
    return { appended: true, addedColumns: [], created: size < 0 };
  }

  const delimiter = delimiterOf(text.slice(0, text.search(/\r|\n|$/)));
  const head = firstRecord(text, delimiter);
  const headers = head.fields.map((h) => h.trim());
  const hadKey = headers.some((h) => isSameHeader(h, FLOWDESK_KEY_COLUMN));
  if (hadKey && holdsKey(size > TAIL_BYTES ? await readTail(path, size) : text, key, delimiter)) return { appended: false, addedColumns: [], created: false };

  const addedColumns: string[] = [];
  const indexOf = (header: string) => {
    let i = headers.findIndex((h) => isSameHeader(h, header));
    if (i < 0) {
      i = headers.push(header) - 1;
      addedColumns.push(header);
    }
    return i;
  };
  const values: string[] = [];
  for (const c of cells) values[indexOf(c.header)] = guardFormula(c);
  values[indexOf(FLOWDESK_KEY_COLUMN)] = key;
  const row = record(Array.from({ length: headers.length }, (_, i) => values[i] ?? ''), delimiter, head.eol);

  if (addedColumns.length > 0) {
    const whole = await readFile(path, 'utf8');
    const bom = whole.startsWith(BOM) ? BOM : '';
    const rest = whole.slice(firstRecord(whole, delimiter).end);
    const sep = rest === '' || /[\r\n]$/.test(rest) ? '' : head.eol;
    await replaceFile(path, (tmp) => appendDurably(tmp, bom + record(headers, delimiter, head.eol) + rest + sep + row));
    return { appended: true, addedColumns, created: false };
  }
  // A torn last line (a crash mid-write, or a file saved without a final line end) is closed first.
  const last = await readSlice(path, size - 1, 1);
  await appendDurably(path, (last === '\n' || last === '\r' ? '' : head.eol) + row);
  return { appended: true, addedColumns, created: false };
}
