import { stat } from 'node:fs/promises';
import type { CellValue } from 'exceljs';
import { FLOWDESK_KEY_COLUMN, isSameHeader } from '../../contract/index.ts';
import { xlsxValue, type RenderedCell } from './cells.ts';
import { replaceFile, type FileAppend } from './csv-file.ts';

/**
 * Appending one row to an .xlsx workbook with exceljs. An .xlsx is a zip: it cannot be
 * appended to, only rewritten, so the whole workbook is written to a temp file in the same
 * folder and renamed over the old one (csv-file.ts `replaceFile`): a crash or a full disk
 * mid-write leaves the old workbook whole, never a corrupt one. The caller serializes calls per
 * file, so two runs never rewrite it from the same old copy (a lost row).
 *
 * Row 1 is the header row, matched by name like a CSV's; `flowdesk_key` is a hidden column
 * holding each row's idempotency key. The workbook is read whole anyway, so the whole key
 * column is searched before appending: a retried or restarted step never adds its row twice.
 */

export interface XlsxAppend extends FileAppend {
  sheet: string;
  /** The row's number in the sheet (1 is the header). */
  row: number | null;
}

function headerText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

export async function appendXlsxRow(path: string, sheetName: string, cells: readonly RenderedCell[], key: string): Promise<XlsxAppend> {
  const exists = await stat(path).then((s) => s.size > 0, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)));
  // exceljs is loaded on the first XLSX write, not at engine start (~38 MB, ~300 ms): most
  // installs never write a workbook. Node caches the module after the first import.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  if (exists) {
    try {
      await wb.xlsx.readFile(path);
    } catch (error) {
      throw new UnreadableWorkbookError(`${path} cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)}); it was left as it is`);
    }
  } else {
    wb.creator = 'Flowdesk';
  }
  const ws = sheetName ? (wb.worksheets.find((w) => isSameHeader(w.name, sheetName)) ?? wb.addWorksheet(sheetName)) : (wb.worksheets[0] ?? wb.addWorksheet('Sheet1'));

  const head = ws.getRow(1);
  const headers: string[] = [];
  if (ws.actualRowCount > 0) head.eachCell({ includeEmpty: false }, (cell, col) => void (headers[col - 1] = headerText(cell.value).trim()));
  const keyCol = headers.findIndex((h) => isSameHeader(h ?? '', FLOWDESK_KEY_COLUMN)) + 1;
  if (keyCol > 0) {
    for (let r = 2; r <= ws.rowCount; r++) {
      if (headerText(ws.getRow(r).getCell(keyCol).value) === key) return { appended: false, addedColumns: [], created: false, sheet: ws.name, row: r };
    }
  }

  const addedColumns: string[] = [];
  const fresh = headers.length === 0;
  const columnOf = (header: string) => {
    const i = headers.findIndex((h) => isSameHeader(h ?? '', header));
    if (i >= 0) return i + 1;
    headers[headers.length] = header;
    if (!fresh) addedColumns.push(header);
    head.getCell(headers.length).value = header;
    if (fresh) head.getCell(headers.length).font = { bold: true };
    return headers.length;
  };
  const rowNumber = Math.max(ws.rowCount, 1) + 1;
  const row = ws.getRow(rowNumber);
  for (const c of cells) row.getCell(columnOf(c.header)).value = xlsxValue(c);
  const keyAt = columnOf(FLOWDESK_KEY_COLUMN);
  row.getCell(keyAt).value = key;
  // The key is for Flowdesk, not for reading: hidden, the user sees only their columns.
  ws.getColumn(keyAt).hidden = true;
  if (fresh) ws.views = [{ state: 'frozen', ySplit: 1 }];

  await replaceFile(path, (tmp) => wb.xlsx.writeFile(tmp));
  return { appended: true, addedColumns, created: !exists, sheet: ws.name, row: rowNumber };
}

/** The file is there but is no workbook (another format renamed, or damaged): fixing it is the user's call. */
export class UnreadableWorkbookError extends Error {
  override name = 'UnreadableWorkbookError';
}
