import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { appendFileRowSpec, appendGoogleRowSpec, AppendFileRowParams, sheetFileFormatOf, spreadsheetIdOf, type SheetColumn } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';

/** Why a file's folder cannot take the file; null when it is a folder that exists. */
export function folderProblem(path: string): string | null {
  const dir = dirname(path);
  try {
    return statSync(dir).isDirectory() ? null : `${dir} is a file, not a folder`;
  } catch {
    return `the folder ${dir} does not exist: create it, or choose another place for the file`;
  }
}

/**
 * The engine's copy of the file node's params: the contract's (pure, shared with the editor)
 * plus the one check that needs the file system, so saving a flow whose file would land in a
 * missing folder is refused in words, and a run finds it out again if the folder went since.
 * The JSON Schema the editor gets is unchanged (a check adds nothing to it).
 */
const FileRowParams = AppendFileRowParams.superRefine((params, ctx) => {
  const problem = folderProblem(params.path);
  if (problem) ctx.addIssue({ code: 'custom', path: ['path'], message: problem });
});

/** Each column's value rendered over the order; a template problem fails the step naming the column. */
async function renderColumns(columns: readonly SheetColumn[], render: (t: string) => Promise<string>): Promise<{ header: string; value: string; formula: boolean }[]> {
  const out: { header: string; value: string; formula: boolean }[] = [];
  for (const c of columns) {
    let value: string;
    try {
      value = await render(c.value);
    } catch (error) {
      throw new Error(`column "${c.header}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    // A value the user typed as a formula (=SUM(…)) may stay one; a value that became one from order data may not.
    out.push({ header: c.header, value, formula: c.value.trimStart().startsWith('=') });
  }
  return out;
}

/** The row as a run's input shows it: header → value. */
const asRow = (cells: { header: string; value: string }[]) => Object.fromEntries(cells.map((c) => [c.header, c.value]));

/** Renders the row; the sheets connector writes it (connectors/sheets/file-connector.ts). */
export const appendFileRowNode = defineNodeType({ ...appendFileRowSpec, params: FileRowParams }, async ({ params, render }) => {
  const cells = await renderColumns(params.columns, render);
  const format = sheetFileFormatOf(params.path)!;
  const sheet = format === 'xlsx' ? params.sheet : '';
  return {
    status: 'done',
    port: 'out',
    input: { path: params.path, ...(sheet ? { sheet } : {}), row: asRow(cells) },
    intents: [{ kind: 'sheets.appendFile', path: params.path, format, sheet, cells }],
  };
});

/** Renders the row; the Google Sheets connector appends it (connectors/sheets/google-connector.ts). */
export const appendGoogleRowNode = defineNodeType(appendGoogleRowSpec, async ({ params, render }) => {
  const cells = await renderColumns(params.columns, render);
  const spreadsheetId = spreadsheetIdOf(params.spreadsheet)!;
  return {
    status: 'done',
    port: 'out',
    input: { spreadsheetId, ...(params.sheet ? { sheet: params.sheet } : {}), row: asRow(cells) },
    intents: [{ kind: 'sheets.appendGoogle', account: params.account, spreadsheetId, sheet: params.sheet, valueInput: params.valueInput, cells }],
  };
});
