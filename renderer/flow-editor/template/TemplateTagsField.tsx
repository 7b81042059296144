import './template.css';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasLiquid, insertAt, insideLiquid } from './template-text.ts';
import { TemplateOutcome } from './TemplateOutcome.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { useTemplatePreview } from './useTemplatePreview.ts';
import { VariablePicker } from './VariablePicker.tsx';

interface TemplateTagsFieldProps {
  id: string;
  nodeType: string;
  fieldKey: string;
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  describedBy?: string | undefined;
  invalid: boolean;
}

/**
 * A list of Liquid templates (tags, headers) as chips. Enter adds what is typed; a comma does
 * too, except inside `{{ … }}` where it belongs to a filter (`join: ', '`). Each entry that uses
 * Liquid, and the one being typed, is shown as the engine renders it for the preview order.
 */
export function TemplateTagsField({ id, nodeType, fieldKey, label, value, onChange, describedBy, invalid }: TemplateTagsFieldProps) {
  const { t } = useTranslation('editor');
  const { t: tt } = useTranslation('templates');
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const draft = text.trim();
  const entries = draft && !value.includes(draft) ? [...value, draft] : value;
  const preview = useTemplatePreview(nodeType, fieldKey, entries);
  const shown = entries.map((entry, index) => ({ entry, index })).filter((e) => hasLiquid(e.entry));
  const previewId = `${id}-preview`;

  function commit(): boolean {
    if (!draft) return false;
    if (!value.includes(draft)) onChange([...value, draft]);
    setText('');
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      if (commit()) e.preventDefault();
    } else if (e.key === ',' && !insideLiquid(text, e.currentTarget.selectionStart ?? text.length)) {
      commit();
      e.preventDefault();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  function insert(snippet: string) {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const next = insertAt(text, start, el?.selectionEnd ?? start, snippet);
    setText(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <>
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
          ref={input}
          id={id}
          type="text"
          value={text}
          placeholder={t('form.tagPlaceholder')}
          aria-describedby={[describedBy, shown.length > 0 ? previewId : undefined].filter(Boolean).join(' ') || undefined}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          // Leaving for the picker keeps the text being typed: the variable goes into it.
          onBlur={(e) => !e.relatedTarget?.closest('.tpl-picker') && commit()}
        />
      </div>
      <div className="tpl-tools">
        <VariablePicker onInsert={insert} />
      </div>
      {shown.length > 0 ? (
        <TemplatePreview id={previewId} field={label} state={preview}>
          {(fields) => (
            <ul className="tpl-tag-previews">
              {shown.map(({ entry, index }) => {
                const result = fields.find((f) => f.index === index && f.template === entry);
                return result ? (
                  <li key={`${index}:${entry}`}>
                    <code className="tpl-tag-source">
                      {entry}
                      {index >= value.length ? <em> ({tt('preview.typing')})</em> : null}
                    </code>
                    <TemplateOutcome result={result} />
                  </li>
                ) : null;
              })}
            </ul>
          )}
        </TemplatePreview>
      ) : null}
    </>
  );
}
