import './column-mapping.css';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { insertAt } from '../template/template-text.ts';
import { VariablePicker } from '../template/VariablePicker.tsx';

/** One column of a spreadsheet row as the params hold it (engine/contract/nodes/sheets/columns.ts). */
interface Column {
  header: string;
  value: string;
}

interface ColumnMappingFieldProps {
  id: string;
  nodeType: string;
  title: string;
  help: string | null;
  value: unknown;
  onChange: (value: Column[]) => void;
  problem: string | null;
}

const asColumns = (v: unknown): Column[] =>
  Array.isArray(v) ? v.map((c: { header?: unknown; value?: unknown }) => ({ header: typeof c?.header === 'string' ? c.header : '', value: typeof c?.value === 'string' ? c.value : '' })) : [];

/** Spec words and examples hold Liquid ("{{ order.number }}"): no interpolation. */
const plain = { skipInterpolation: true } as const;

/**
 * "Append a spreadsheet row": the row as a list of columns, each a header and a Liquid value
 * over the order, in the order they are written (Google Sheets writes them from column A).
 * Each value has the variable picker; rows move up and down and go away.
 */
export function ColumnMappingField({ id, nodeType, title, help, value, onChange, problem }: ColumnMappingFieldProps) {
  const { t } = useTranslation('sheets');
  const columns = asColumns(value);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const set = (i: number, patch: Partial<Column>) => onChange(columns.map((c, n) => (n === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: number) => {
    const next = [...columns];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    onChange(next);
  };
  const name = (c: Column, i: number) => c.header.trim() || t('columns.unnamed', { n: i + 1 });

  function insert(i: number, snippet: string) {
    const el = inputs.current[i];
    const text = columns[i]!.value;
    const start = el?.selectionStart ?? text.length;
    const next = insertAt(text, start, el?.selectionEnd ?? start, snippet);
    set(i, { value: next.text });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <fieldset className="param col-map" aria-describedby={[help ? `${id}-help` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{title}</legend>
      {columns.length === 0 ? <p className="muted">{t('columns.empty')}</p> : null}
      <ol className="col-map-list">
        {columns.map((c, i) => (
          <li key={i} className="col-map-row">
            <span className="col-map-n" aria-hidden="true">
              {i + 1}
            </span>
            <input
              className="col-map-header"
              type="text"
              value={c.header}
              placeholder={t('columns.headerPlaceholder')}
              aria-label={t('columns.headerOf', { n: i + 1 })}
              onChange={(e) => set(i, { header: e.target.value })}
            />
            <div className="col-map-value">
              <input
                ref={(el) => void (inputs.current[i] = el)}
                type="text"
                spellCheck={false}
                value={c.value}
                placeholder={t('columns.valuePlaceholder', plain)}
                aria-label={t('columns.valueOf', { n: i + 1, header: name(c, i) })}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              <VariablePicker onInsert={(snippet) => insert(i, snippet)} />
            </div>
            <div className="col-map-tools">
              <button type="button" className="icon-button" disabled={i === 0} aria-label={t('columns.up', { header: name(c, i) })} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={i === columns.length - 1} aria-label={t('columns.down', { header: name(c, i) })} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={t('columns.remove', { header: name(c, i) })} onClick={() => onChange(columns.filter((_, n) => n !== i))}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="col-map-add" onClick={() => onChange([...columns, { header: '', value: '' }])}>
        + {t('columns.add')}
      </button>
      {problem ? (
        <p className="param-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
      {help ? (
        <p className="param-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {nodeType === 'sheets.append_file_row' ? <p className="param-help">{t('columns.keyNote')}</p> : null}
    </fieldset>
  );
}
