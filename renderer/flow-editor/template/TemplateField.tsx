import './template.css';
import { useRef } from 'react';
import { insertAt } from './template-text.ts';
import { TemplateOutcome } from './TemplateOutcome.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { useTemplatePreview } from './useTemplatePreview.ts';
import { VariablePicker } from './VariablePicker.tsx';

interface TemplateFieldProps {
  id: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-required'?: boolean | undefined;
  nodeType: string;
  fieldKey: string;
  /** The field's title, to name its preview. */
  label: string;
  value: string;
  onChange: (text: string) => void;
}

/**
 * A Liquid template param: the text, an "Insert variable" picker that puts `{{ path }}` at the
 * caret, and beneath it the text as the engine renders it for the preview order, or the
 * problem with its line and column.
 */
export function TemplateField({ nodeType, fieldKey, label, value, onChange, ...common }: TemplateFieldProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  // A field never focused has its caret at 0; an insert then goes at the end, where one writes next.
  const placed = useRef(false);
  const preview = useTemplatePreview(nodeType, fieldKey, value);
  const previewId = `${common.id}-preview`;

  function insert(snippet: string) {
    const el = area.current;
    const [start, end] = el && placed.current ? [el.selectionStart, el.selectionEnd] : [value.length, value.length];
    const next = insertAt(value, start, end, snippet);
    onChange(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <>
      <textarea
        ref={area}
        {...common}
        aria-describedby={[common['aria-describedby'], previewId].filter(Boolean).join(' ')}
        className="template"
        rows={5}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onSelect={() => (placed.current = true)}
      />
      <div className="tpl-tools">
        <VariablePicker onInsert={insert} />
      </div>
      <TemplatePreview id={previewId} field={label} state={preview}>
        {(fields) => (fields[0] ? <TemplateOutcome result={fields[0]} /> : null)}
      </TemplatePreview>
    </>
  );
}
