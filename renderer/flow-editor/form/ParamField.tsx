import { LocalNumberInput } from '../../components/LocalNumberInput.tsx';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../canvas/core/schema-form.ts';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import { TagListInput } from './TagListInput.tsx';
import { ColumnMappingField } from './ColumnMappingField.tsx';
import { AccountPicker } from '../../accounts/AccountPicker.tsx';
import { FlowParamPicker } from './FlowParamPicker.tsx';
import { SequenceNameField } from './SequenceNameField.tsx';
import { ConditionBuilder } from './condition/ConditionBuilder.tsx';
import { TemplateField } from '../template/TemplateField.tsx';
import { TemplateTagsField } from '../template/TemplateTagsField.tsx';

interface ParamFieldProps {
  nodeType: string;
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  /** What is wrong with the value, already in words. */
  problem: string | null;
}

const asText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
/** An account param that takes several connectors' accounts (`connectors` in its schema), else undefined. */
const asConnectors = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.map(String) : undefined);

/** One param, with the control its schema calls for, its label, help and problem. */
export function ParamField({ nodeType, field, value, onChange, problem }: ParamFieldProps) {
  const { t } = useTranslation('editor');
  const words = useSpecWords();
  const id = useId();
  const title = words.fieldTitle(nodeType, field);
  const help = words.fieldHelp(nodeType, field);
  const helpId = help ? `${id}-help` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [helpId, problemId].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined, 'aria-required': field.required || undefined };
  // An emptied control leaves the param out, so that a default or "required" applies.
  const emptyTo = field.defaultValue === '' ? '' : undefined;

  let control: ReactNode;
  // Columns left out of a stored step are the default ones at run time: shown as such, to edit.
  if (field.schema.widget === 'columns') return <ColumnMappingField id={id} nodeType={nodeType} title={title} help={help} value={value ?? field.defaultValue} onChange={onChange} problem={problem} />;
  if (field.schema.widget === 'account') control = <AccountPicker {...common} connector={String((field.schema as Record<string, unknown>)['connector'] ?? '')} connectors={asConnectors((field.schema as Record<string, unknown>)['connectors'])} optional={!field.required} value={asText(value)} onChange={onChange} />;
  else if (field.schema.widget === 'flow') control = <FlowParamPicker {...common} value={asText(value)} onChange={onChange} />;
  else if (field.schema.widget === 'sequence') control = <SequenceNameField {...common} value={asText(value)} showFlows={nodeType !== 'flowdesk.sequence_enrolled'} onChange={onChange} />;
  else switch (field.kind) {
    case 'select':
      control = (
        <select {...common} value={asText(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {value === undefined || !field.options.includes(String(value)) ? <option value="">{t('form.choose')}</option> : null}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {words.option(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
      control = (
        <LocalNumberInput {...common} value={typeof value === 'number' ? value : undefined} onChange={(n) => onChange(n)} />
      );
      break;
    case 'template':
      control = <TemplateField {...common} nodeType={nodeType} fieldKey={field.key} label={title} value={asText(value)} onChange={(text) => onChange(text === '' ? emptyTo : text)} />;
      break;
    case 'tags':
      control = field.schema.widget === 'tags' ? <TemplateTagsField id={id} nodeType={nodeType} fieldKey={field.key} label={title} value={asList(value)} onChange={onChange} describedBy={describedBy} invalid={Boolean(problem)} /> : <TagListInput id={id} value={asList(value)} onChange={onChange} describedBy={describedBy} invalid={Boolean(problem)} />;
      break;
    case 'checkbox':
      return (
        <div className="param param-checkbox">
          <label>
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            {title}
          </label>
          <FieldNotes helpId={helpId} help={help} problemId={problemId} problem={problem} />
        </div>
      );
    case 'checklist':
      return (
        <fieldset className="param param-checklist" aria-describedby={describedBy}>
          <legend>{title}</legend>
          <div className="checklist">
            {field.options.map((o) => {
              const list = asList(value);
              return (
                <label key={o}>
                  <input type="checkbox" checked={list.includes(o)} onChange={(e) => onChange(e.target.checked ? [...list, o] : list.filter((v) => v !== o))} />
                  {words.option(o)}
                </label>
              );
            })}
          </div>
          <FieldNotes helpId={helpId} help={help} problemId={problemId} problem={problem} />
        </fieldset>
      );
    case 'condition':
      return <ConditionBuilder id={id} title={title} help={help} value={value} onChange={onChange} problem={problem} />;
    case 'json':
      control = <textarea {...common} className="template" rows={4} readOnly value={JSON.stringify(value ?? null, null, 2)} />;
      break;
    default:
      control = <input {...common} type="text" value={asText(value)} onChange={(e) => onChange(e.target.value === '' ? emptyTo : e.target.value)} />;
  }

  return (
    <div className="param">
      <label htmlFor={id}>{title}</label>
      {control}
      <FieldNotes helpId={helpId} help={help} problemId={problemId} problem={problem} />
    </div>
  );
}

function FieldNotes({ helpId, help, problemId, problem }: { helpId?: string | undefined; help: string | null; problemId?: string | undefined; problem: string | null }) {
  return (
    <>
      {problem ? (
        <p className="param-problem" id={problemId}>
          {problem}
        </p>
      ) : null}
      {help ? (
        <p className="param-help" id={helpId}>
          {help}
        </p>
      ) : null}
    </>
  );
}
