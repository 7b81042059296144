/**
 * What a rendered value becomes in a cell. Order data is written by customers (a name, a
 * note), and a spreadsheet runs what starts with = + - @ as a formula when it reads it as
 * typed (Excel opening a CSV, Google's USER_ENTERED): "=HYPERLINK(…)" in a customer's name must
 * stay text (OWASP "CSV injection"). A value the user's own template starts with "=" is the
 * user's formula and is kept one.
 */

/** One column's rendered value; `formula` when the user's template itself starts with "=". */
export interface RenderedCell {
  header: string;
  value: string;
  formula: boolean;
}

/** A number a spreadsheet keeps exactly: no leading zero (a phone), at most 15 digits (an id would lose its tail). */
export function isPlainNumber(value: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value) && value.replace(/[^\d]/g, '').length <= 15;
}

const formulaStart = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula, made plain text with the leading apostrophe spreadsheets know. */
export function guardFormula(cell: RenderedCell): string {
  if (cell.formula || isPlainNumber(cell.value) || !formulaStart.test(cell.value)) return cell.value;
  return `'${cell.value}`;
}

/** For Google's USER_ENTERED: formulas guarded, and digits that are not a plain number (0912345678, +84…) kept as typed. */
export function userEnteredValue(cell: RenderedCell): string {
  const guarded = guardFormula(cell);
  if (guarded !== cell.value) return guarded;
  return /^[+0]\d/.test(cell.value) && !isPlainNumber(cell.value) ? `'${cell.value}` : cell.value;
}

/** An .xlsx cell: a number when it is one, the user's formula, else text (a string cell is never run). */
export function xlsxValue(cell: RenderedCell): string | number | { formula: string } {
  if (cell.formula && cell.value.startsWith('=')) return { formula: cell.value.slice(1) };
  return isPlainNumber(cell.value) ? Number(cell.value) : cell.value;
}
