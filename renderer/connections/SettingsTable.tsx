import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listText, recordRows, rowsRecord, textList, type RecordRow, type SettingColumn } from './connection-settings.ts';

interface TableProps {
  /** The setting's title, naming the table and its row buttons. */
  title: string;
  /** Says what a column's header is in the user's language. */
  columnTitle: (column: SettingColumn) => string;
  columns: readonly SettingColumn[];
  value: unknown;
  defaultValue: unknown;
  onChange: (value: unknown) => void;
}

type Row = Record<string, string>;

const asRows = (value: unknown, columns: readonly SettingColumn[]): Row[] =>
  (Array.isArray(value) ? value : []).map((item: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c.key, listText(item?.[c.key])])));

const toValue = (rows: readonly Row[], columns: readonly SettingColumn[]) =>
  rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.list ? textList(row[c.key] ?? '') : (row[c.key] ?? '')])));

/**
 * A list of flat rows (Lazada status → store status) as an editable table. The cells keep the text
 * as typed ("pending, packed" while typing a comma) and the setting gets the parsed rows.
 */
export function RowsTable({ title, columnTitle, columns, value, defaultValue, onChange }: TableProps) {
  const { t } = useTranslation('connections');
  const [rows, setRows] = useState<Row[]>(() => asRows(value, columns));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toValue(next, columns));
  };
  const blank = () => Object.fromEntries(columns.map((c) => [c.key, ''])) as Row;
  return (
    <div className="conn-table-wrap">
      <table className="conn-table" aria-label={title}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {columnTitle(c)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('settings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key}>
                  <input
                    aria-label={`${columnTitle(c)} ${i + 1}`}
                    spellCheck={false}
                    value={row[c.key] ?? ''}
                    title={c.list ? row[c.key] : undefined}
                    placeholder={c.list ? t('settings.listPlaceholder') : undefined}
                    onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, [c.key]: e.target.value } : r)))}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="conn-row-remove" aria-label={t('settings.removeRow', { n: i + 1 })} onClick={() => update(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableButtons onAdd={() => update([...rows, blank()])} onReset={() => update(asRows(defaultValue, columns))} />
    </div>
  );
}

interface RecordTableProps {
  title: string;
  value: unknown;
  defaultValue: unknown;
  onChange: (value: Record<string, string>) => void;
}

/** A record of text (platform value → Flowdesk value) as a two-column table; rows with no key are dropped on save. */
export function RecordTable({ title, value, defaultValue, onChange }: RecordTableProps) {
  const { t } = useTranslation('connections');
  const [rows, setRows] = useState<RecordRow[]>(() => recordRows(value));
  const update = (next: RecordRow[]) => {
    setRows(next);
    onChange(rowsRecord(next));
  };
  const cell = (i: number, which: 0 | 1, text: string) => update(rows.map((r, j) => (j === i ? (which === 0 ? [text, r[1]] : [r[0], text]) : r)));
  return (
    <div className="conn-table-wrap">
      <table className="conn-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t('settings.from')}</th>
            <th scope="col">{t('settings.to')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, text], i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${t('settings.from')} ${i + 1}`} spellCheck={false} value={key} onChange={(e) => cell(i, 0, e.target.value)} />
              </td>
              <td>
                <input aria-label={`${t('settings.to')} ${i + 1}`} spellCheck={false} value={text} onChange={(e) => cell(i, 1, e.target.value)} />
              </td>
              <td>
                <button type="button" className="conn-row-remove" aria-label={t('settings.removeRow', { n: i + 1 })} onClick={() => update(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableButtons onAdd={() => update([...rows, ['', '']])} onReset={() => update(recordRows(defaultValue))} />
    </div>
  );
}

function TableButtons({ onAdd, onReset }: { onAdd: () => void; onReset: () => void }) {
  const { t } = useTranslation('connections');
  return (
    <div className="conn-table-buttons">
      <button type="button" onClick={onAdd}>
        {t('settings.addRow')}
      </button>
      <button type="button" onClick={onReset}>
        {t('settings.reset')}
      </button>
    </div>
  );
}
