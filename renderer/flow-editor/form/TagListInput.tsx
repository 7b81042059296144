import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TagListInputProps {
  id: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  describedBy?: string | undefined;
  invalid: boolean;
}

/** A list of strings as removable chips; Enter (or a comma) adds what is typed. */
export function TagListInput({ id, value, onChange, describedBy, invalid }: TagListInputProps) {
  const { t } = useTranslation('editor');
  const [text, setText] = useState('');

  function commit(): boolean {
    const tag = text.trim();
    if (!tag) return false;
    if (!value.includes(tag)) onChange([...value, tag]);
    setText('');
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      if (commit() || e.key === ',') e.preventDefault();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className={`tag-input${invalid ? ' is-invalid' : ''}`}>
      {value.length > 0 ? (
        <ul className="tag-chips" aria-label={t('form.tagsAdded')}>
          {value.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button type="button" aria-label={t('form.removeTag', { tag })} onClick={() => onChange(value.filter((v) => v !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        value={text}
        placeholder={t('form.tagPlaceholder')}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </div>
  );
}
