import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../engine/contract/index.ts';
import { listText, numberValue, textList, type SettingColumn, type SettingField } from './connection-settings.ts';
import { RecordTable, RowsTable } from './SettingsTable.tsx';

interface SettingInputProps {
  platform: Platform;
  setting: SettingField;
  value: unknown;
  onChange: (value: unknown) => void;
}

/**
 * One adapter setting with the control its schema calls for, its title and help in the user's
 * language (`settings.fields.<platform>.<key>` in connections.json, else the schema's English).
 */
export function SettingInput({ platform, setting, value, onChange }: SettingInputProps) {
  const { t } = useTranslation('connections');
  const id = useId();
  const { field, control } = setting;
  const base = `settings.fields.${platform}.${field.key}`;
  const title = t(`${base}.title`, { defaultValue: field.title });
  const help = t(`${base}.help`, { defaultValue: field.description ?? '' });
  const helpId = help ? `${id}-help` : undefined;
  const columnTitle = (c: SettingColumn) => t(`${base}.columns.${c.key}`, { defaultValue: c.title });
  const wide = control.kind === 'rows' || control.kind === 'record' || control.kind === 'json';

  if (control.kind === 'checkbox') {
    return (
      <div className="conn-field acc-check">
        <label>
          <input type="checkbox" checked={value === true} aria-describedby={helpId} onChange={(e) => onChange(e.target.checked)} /> {title}
        </label>
        {help ? <p id={helpId} className="conn-hint">{help}</p> : null}
      </div>
    );
  }

  const helpText = help ? (
    <p id={helpId} className="conn-hint">
      {help}
    </p>
  ) : null;
  let input;
  if (control.kind === 'rows') {
    input = <RowsTable title={title} columns={control.columns} columnTitle={columnTitle} value={value} defaultValue={field.defaultValue} onChange={onChange} />;
  } else if (control.kind === 'record') {
    input = <RecordTable title={title} value={value} defaultValue={field.defaultValue} onChange={onChange} />;
  } else if (control.kind === 'json') {
    input = <JsonInput id={id} helpId={helpId} value={value} onChange={onChange} />;
  } else if (control.kind === 'select') {
    input = (
      <select id={id} value={value === null || value === undefined ? '' : String(value)} aria-describedby={helpId} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        {control.nullable ? <option value="">{t('settings.none')}</option> : null}
        {control.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        id={id}
        type={control.kind === 'number' ? 'number' : 'text'}
        required={field.required}
        autoComplete="off"
        spellCheck={false}
        value={control.kind === 'tags' ? listText(value) : value === undefined || value === null ? '' : String(value)}
        aria-describedby={helpId}
        onChange={(e) => onChange(control.kind === 'number' ? numberValue(e.target.value) : control.kind === 'tags' ? textList(e.target.value) : e.target.value)}
      />
    );
  }
  return (
    <div className={wide ? 'conn-field conn-field-wide' : 'conn-field'}>
      {wide ? <span className="conn-label">{title}</span> : <label htmlFor={id}>{title}</label>}
      {/* A table's help reads before it; a field's after it, so fields side by side line up. */}
      {wide ? helpText : null}
      {input}
      {wide ? null : helpText}
    </div>
  );
}

/** A setting the form has no control for, as JSON; the setting changes only while the text parses. */
function JsonInput({ id, helpId, value, onChange }: { id: string; helpId: string | undefined; value: unknown; onChange: (value: unknown) => void }) {
  const { t } = useTranslation('connections');
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <textarea
        id={id}
        className="conn-json"
        rows={Math.min(12, text.split('\n').length + 1)}
        spellCheck={false}
        value={text}
        aria-describedby={helpId}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <p className="conn-hint conn-hint-error">{t('settings.jsonFieldInvalid')}</p> : null}
    </>
  );
}
