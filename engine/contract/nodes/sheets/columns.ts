import { z } from 'zod';

/**
 * The row a "append a spreadsheet row" step writes, as a list of columns: a header name and a
 * Liquid value rendered over the order. A list (not a fixed set of order fields) because each
 * shop's sheet has its own columns; the user maps order fields to them one by one. The headers
 * are what the row is matched by: in a local file, an existing header row is read and each
 * value goes under its header wherever it is; in Google Sheets, values go in the list's order
 * from column A of the tab (see append-google.spec.ts for why).
 */

/**
 * The hidden column that holds each row's idempotency key (the step's run and node) in a local
 * file, so a retried or restarted step finds its row already there and does not append it
 * again. A user column may not take this name.
 */
export const FLOWDESK_KEY_COLUMN = 'flowdesk_key';

const sameHeader = (a: string) => a.trim().normalize('NFC').toLocaleLowerCase('vi');

export const SheetColumn = z.object({
  header: z.string().trim().min(1, 'name the column').max(200),
  value: z.string().max(10_000).default(''),
});
export type SheetColumn = z.infer<typeof SheetColumn>;

export const SheetColumns = z
  .array(SheetColumn)
  .min(1, 'add at least one column')
  .max(200)
  .superRefine((columns, ctx) => {
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      const key = sameHeader(c.header);
      if (key === FLOWDESK_KEY_COLUMN) ctx.addIssue({ code: 'custom', path: [i, 'header'], message: `"${FLOWDESK_KEY_COLUMN}" is the column Flowdesk keeps to avoid double rows: choose another name` });
      else if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'header'], message: `two columns are named "${c.header.trim()}"` });
      seen.add(key);
    });
  });

/** A row a new step starts with: what most shops track per order, to be edited. */
export const DEFAULT_SHEET_COLUMNS: SheetColumn[] = [
  { header: 'Mã đơn', value: '{{ order.number }}' },
  { header: 'Ngày đặt', value: "{{ order.createdAt | date: '%Y-%m-%d %H:%M' }}" },
  { header: 'Khách hàng', value: "{{ order.customer.name | default: '' }}" },
  { header: 'Tổng tiền', value: '{{ order.totalPrice }}' },
];

export function columnsParam() {
  return SheetColumns.default(DEFAULT_SHEET_COLUMNS).meta({
    title: 'Columns',
    description: 'One column per value: the header in the sheet, and what goes under it (Liquid over the order)',
    widget: 'columns',
  });
}

/** Two headers that name the same column: spaces around, letter case and Unicode forms aside. */
export function isSameHeader(a: string, b: string): boolean {
  return sameHeader(a) === sameHeader(b);
}

/** An absolute path on Windows (C:\…, \\server\share\…) or elsewhere (/…); the app runs on both. */
export function isAbsoluteFilePath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path);
}

/** The file's format, from its extension; null for any other. */
export function sheetFileFormatOf(path: string): 'csv' | 'xlsx' | null {
  const m = /\.(csv|xlsx)$/i.exec(path.trim());
  return m ? (m[1]!.toLowerCase() as 'csv' | 'xlsx') : null;
}
