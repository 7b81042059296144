import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';
import { spreadsheetIdOf } from '../../connectors/google-sheets.ts';
import { columnsParam } from './columns.ts';

/**
 * How Google reads the values (connectors.md §7): as typed in the UI (numbers and dates become
 * numbers and dates; the connector keeps a leading 0 and refuses to let order data become a
 * formula), or as plain text.
 */
export const SheetsValueInput = z.enum(['USER_ENTERED', 'RAW']);
export type SheetsValueInput = z.infer<typeof SheetsValueInput>;

/**
 * Google Sheets rows go in the columns' order from column A of the tab: values.append writes a
 * row after the tab's table, positionally. Matching headers by name would cost a read before
 * every write (the quota is 60 requests a minute per user) and could not be atomic with the
 * append, so the column list is the sheet's layout and its headers are the user's reminder.
 */
export const AppendGoogleRowParams = z.object({
  account: accountParam('google_sheets', 'Google account'),
  spreadsheet: z
    .string()
    .trim()
    .min(1, 'paste the spreadsheet’s link')
    .max(500)
    .refine((s) => spreadsheetIdOf(s) !== null, 'paste the spreadsheet’s link (https://docs.google.com/spreadsheets/d/…) or its id')
    .meta({ title: 'Spreadsheet', description: 'Its link from the browser, or its id. Share it with the service account’s email as an editor' }),
  sheet: z
    .string()
    .trim()
    .max(100)
    .default('')
    .meta({ title: 'Tab', description: 'The tab to add rows to, e.g. Đơn hàng; empty: the first tab' }),
  columns: columnsParam(),
  valueInput: SheetsValueInput.default('USER_ENTERED').meta({
    title: 'Values',
    description: 'As typed: numbers and dates are read as such (phone numbers keep their leading 0). As text: every value is stored as text',
  }),
});
export type AppendGoogleRowParams = z.infer<typeof AppendGoogleRowParams>;

export const appendGoogleRowSpec = defineNodeSpec({
  type: 'sheets.append_google_row',
  version: 1,
  label: 'Append row to Google Sheets',
  description: 'Add one row per order to a Google Sheets tab, each column’s value rendered from the order. Google keeps no idempotency key: an answer lost on the way fails the step as “outcome unknown” instead of risking a second row.',
  category: 'action',
  connector: 'google_sheets',
  icon: 'sheet',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: AppendGoogleRowParams,
});
