import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../canvas/core/schema-form.ts';

interface AccountFieldInputProps {
  connector: string;
  group: 'credentials' | 'settings';
  field: FormField;
  value: string | boolean;
  secret: boolean;
  /** A stored secret's mask: shown as the placeholder of an empty secret on an update. */
  hint: string | null;
  onChange: (value: string | boolean) => void;
}

/** One credential or setting, with the control its schema calls for; a secret is a password box, never filled. */
export function AccountFieldInput({ connector, group, field, value, secret, hint, onChange }: AccountFieldInputProps) {
  const { t } = useTranslation('accounts');
  const id = useId();
  const base = `fields.${connector}.${field.key}`;
  const title = t(`${base}.title`, { defaultValue: field.title });
  const help = t(`${base}.help`, { defaultValue: field.description ?? '' });
  const helpId = help ? `${id}-help` : undefined;

  if (field.kind === 'checkbox') {
    return (
      <div className="conn-field acc-check">
        <label>
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {title}
        </label>
      </div>
    );
  }
  const required = field.required && !(secret && hint) && group === 'credentials';
  return (
    <div className="conn-field">
      <label htmlFor={id}>{title}</label>
      {field.kind === 'select' ? (
        <select id={id} value={String(value)} aria-describedby={helpId} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {t(`${base}.options.${o}`, { defaultValue: o })}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={secret ? 'password' : field.kind === 'number' ? 'number' : 'text'}
          required={required}
          autoComplete={secret ? 'new-password' : 'off'}
          spellCheck={false}
          value={String(value)}
          placeholder={secret && hint ? t('form.keepSecret', { hint }) : undefined}
          aria-describedby={helpId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {help ? (
        <p id={helpId} className="conn-hint">
          {help}
        </p>
      ) : null}
    </div>
  );
}
