import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { columnsParam, isAbsoluteFilePath, sheetFileFormatOf } from './columns.ts';

/**
 * Two node types, not one with a destination choice: a local file needs no account and a
 * Google sheet needs one, and the generated form cannot show or hide fields by a choice; two
 * nodes also keep each one's words (and its dry run) plain. They share the columns param.
 *
 * The path is typed, not Liquid: it is checked when the flow is saved (absolute, .csv or
 * .xlsx, its folder exists: engine/nodes/sheets/append-row.run.ts adds the folder check, which
 * needs the file system), and a path that changed per order would make that check meaningless.
 */
export const AppendFileRowParams = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'enter the file’s full path')
    .max(1000)
    .refine(isAbsoluteFilePath, 'a full path from the drive or root, e.g. C:\\Users\\An\\Documents\\don-hang.xlsx or /home/an/don-hang.csv')
    .refine((p) => sheetFileFormatOf(p) !== null, 'the file must end in .csv or .xlsx')
    .meta({
      title: 'File',
      description: 'The full path of a .csv or .xlsx file; it is created, with a header row, when it does not exist yet. Close it in Excel while flows run: Excel locks it',
    }),
  sheet: z
    .string()
    .trim()
    .max(31, 'Excel sheet names are at most 31 characters')
    .regex(/^[^\\/?*[\]:]*$/, 'a sheet name cannot hold \\ / ? * [ ] :')
    .default('')
    .meta({ title: 'Sheet (Excel only)', description: 'The sheet of the .xlsx file to add rows to; empty: the first sheet. Created when missing' }),
  columns: columnsParam(),
});
export type AppendFileRowParams = z.infer<typeof AppendFileRowParams>;

export const appendFileRowSpec = defineNodeSpec({
  type: 'sheets.append_file_row',
  version: 1,
  label: 'Append row to a CSV or Excel file',
  description: 'Add one row per order to a .csv or .xlsx file on this computer: each column’s value rendered from the order, under its header. A retried step never adds the row twice.',
  category: 'action',
  connector: 'sheets',
  icon: 'sheet',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: AppendFileRowParams,
});
