import { resolve } from 'node:path';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { folderProblem } from '../../nodes/sheets/append-row.run.ts';
import { RetryableError } from '../../shared/errors.ts';
import type { RenderedCell } from './cells.ts';
import { appendCsvRow } from './csv-file.ts';
import { appendXlsxRow, UnreadableWorkbookError } from './xlsx-file.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One row for a local .csv or .xlsx file: each column's header and rendered value. */
    'sheets.appendFile': { path: string; format: 'csv' | 'xlsx'; sheet: string; cells: RenderedCell[] };
  }
}

/**
 * One queue per file: appends to a file wait for the one before (two runs reading the same
 * workbook and each writing it back would lose a row; two CSV header rewrites would tear it).
 * Per engine process, which is the only writer Flowdesk has; another program writing the same
 * file at the same moment (Excel saving it) is not something a lock of ours could stop.
 */
function fileQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return async function serialized<T>(path: string, work: () => Promise<T>): Promise<T> {
    const id = process.platform === 'win32' ? resolve(path).toLowerCase() : resolve(path);
    const before = tails.get(id) ?? Promise.resolve();
    const mine = before.then(work, work);
    const settled = mine.catch(() => {});
    tails.set(id, settled);
    void settled.then(() => {
      if (tails.get(id) === settled) tails.delete(id);
    });
    return mine;
  };
}

/** File-system failures in the step's words: a locked file is waited out, the rest fails the step. */
function fileError(error: unknown, path: string): Error {
  if (error instanceof UnreadableWorkbookError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const words = error instanceof Error ? error.message : String(error);
  switch (code) {
    // Windows: Excel keeps the files it has open locked, for reading and for replacing.
    case 'EBUSY':
    case 'EPERM':
    case 'EAGAIN':
      return new RetryableError(`${path} is open in another program (Excel locks the files it has open): close it and the row is added on the next try (${words})`);
    case 'EACCES':
    case 'EROFS':
      return new Error(`Flowdesk may not write to ${path}: choose a folder you can write to, or change the file’s permissions (${words})`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new Error(folderProblem(path) ?? `${path} could not be written (${words})`);
    case 'EISDIR':
      return new Error(`${path} is a folder: the step needs a file name ending in .csv or .xlsx`);
    case 'ENOSPC':
      return new Error(`the disk is full: ${path} was left as it was (${words})`);
    default:
      return new Error(`${path} could not be written (${words})`);
  }
}

/**
 * `sheets.appendFile`: the row into a local CSV or Excel file (csv-file.ts, xlsx-file.ts). The
 * step's idempotency key goes in the file's `flowdesk_key` column, and a row already carrying
 * it is not added again: this is the file's own "provider dedupe".
 */
export function sheetFileIntentHandlers(): IntentHandler[] {
  const serialized = fileQueue();
  return [
    defineIntentHandler({
      kind: 'sheets.appendFile',
      mode: 'external',
      describe: (i) => ({
        file: i.path,
        ...(i.format === 'xlsx' ? { sheet: i.sheet || null } : {}),
        row: Object.fromEntries(i.cells.map((c) => [c.header, c.value])),
      }),
      async perform(i, ctx) {
        const problem = folderProblem(i.path);
        if (problem) throw new Error(problem);
        try {
          return await serialized(i.path, async () => {
            if (i.format === 'xlsx') {
              const done = await appendXlsxRow(i.path, i.sheet, i.cells, ctx.idempotencyKey);
              return { file: i.path, sheet: done.sheet, row: done.row, ...outcome(done) };
            }
            return { file: i.path, ...outcome(await appendCsvRow(i.path, i.cells, ctx.idempotencyKey)) };
          });
        } catch (error) {
          throw fileError(error, i.path);
        }
      },
    }),
  ];
}

function outcome(done: { appended: boolean; created: boolean; addedColumns: string[] }): Record<string, unknown> {
  if (!done.appended) return { alreadyThere: true, note: 'this step’s row was already in the file (an earlier try wrote it): not added again' };
  return { ...(done.created ? { created: true } : {}), ...(done.addedColumns.length > 0 ? { addedColumns: done.addedColumns } : {}) };
}
