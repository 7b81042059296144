import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VariableList } from './VariableList.tsx';

/**
 * "Insert variable": opens a searchable list of the paths a template can name, with their
 * values in the preview order; choosing one hands its `{{ path }}` to `onInsert`.
 */
export function VariablePicker({ onInsert }: { onInsert: (snippet: string) => void }) {
  const { t } = useTranslation('templates');
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A click anywhere else closes it, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="tpl-picker" ref={root}>
      <button ref={button} type="button" className="tpl-picker-button" aria-expanded={open} aria-controls={open ? `${id}-popup` : undefined} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="tpl-braces">
          {'{ }'}
        </span>
        {t('variables.button')}
      </button>
      {open ? (
        <VariableList
          id={`${id}-popup`}
          onPick={(snippet) => {
            setOpen(false);
            onInsert(snippet);
          }}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
