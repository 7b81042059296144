import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeIcon } from '../canvas/NodeIcon.tsx';
import { problemField, problemForField } from '../canvas/problem-text.ts';
import { useSpecWords } from '../canvas/useSpecWords.ts';
import { ParamField } from './form/ParamField.tsx';
import { isSmsTextField, SmsSegmentCount } from './form/SmsSegmentCount.tsx';
import { PreviewOrderPicker } from './template/PreviewOrderPicker.tsx';
import { usesTemplates } from './template/template-text.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';

const noFields: never[] = [];

/** The selected step's settings: a form generated from its params schema. */
export function NodeForm({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('editor');
  const words = useSpecWords();
  const data = useFlowEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const spec = useFlowEditor((s) => (data ? s.specs.get(data.type) : undefined));
  const fields = useFlowEditor((s) => (data ? (s.fields.get(data.type) ?? noFields) : noFields));
  const problems = useFlowEditor((s) => s.problemsByNode.get(nodeId));
  const setParam = useFlowEditor((s) => s.setParam);
  const setNodeLabel = useFlowEditor((s) => s.setNodeLabel);
  const removeNodes = useFlowEditor((s) => s.removeNodes);
  const setConnecting = useFlowEditor((s) => s.setConnecting);
  const readOnly = useFlowEditor((s) => s.readOnly);
  const labelId = useId();
  if (!data) return null;
  const specLabel = spec ? words.label(spec) : data.type;
  // A problem inside a field's nested params (a condition's rule) is that field's: it shows there.
  const general = (problems ?? []).filter((p) => !fields.some((f) => f.key === problemField(p)));

  return (
    <form className="node-form" aria-label={t('form.label', { node: data.label || specLabel })} onSubmit={(e) => e.preventDefault()}>
      <header className="node-form-head">
        {spec ? (
          <span className={`node-form-icon fn-icon-${spec.category}`}>
            <NodeIcon icon={spec.icon} connector={spec.connector} category={spec.category} size={20} />
          </span>
        ) : null}
        <div>
          <p className="node-form-kind">{spec ? words.category(spec.category) : t('form.unknownType')}</p>
          <h2>{specLabel}</h2>
          {spec ? <p className="node-form-description">{words.description(spec)}</p> : null}
        </div>
      </header>
      {general.length > 0 ? (
        <ul className="node-form-problems">
          {general.map((p, i) => (
            <li key={i}>{problemForField(p, t)}</li>
          ))}
        </ul>
      ) : null}
      <div className="param">
        <label htmlFor={labelId}>{t('form.stepName')}</label>
        <input id={labelId} type="text" value={data.label ?? ''} placeholder={specLabel} onChange={(e) => setNodeLabel(nodeId, e.target.value)} />
      </div>
      {fields.some(usesTemplates) ? <PreviewOrderPicker /> : null}
      {fields.map((field) => {
        const problem = problems?.find((p) => problemField(p) === field.key);
        return (
          <Fragment key={field.key}>
            <ParamField
              nodeType={data.type}
              field={field}
              value={data.params[field.key]}
              onChange={(value) => setParam(nodeId, field.key, value)}
              problem={problem ? problemForField(problem, t) : null}
            />
            {isSmsTextField(data.type, field.key) ? <SmsSegmentCount nodeType={data.type} text={String(data.params[field.key] ?? '')} stripAccents={data.params['stripAccents'] === true} /> : null}
          </Fragment>
        );
      })}
      <div className="node-form-foot">
        {spec && spec.outputs.length > 0 && !readOnly ? (
          <button type="button" onClick={() => setConnecting({ nodeId, port: null, target: null })} aria-keyshortcuts="C" title={t('connect.buttonHelp')}>
            {t('connect.button')}
          </button>
        ) : null}
        <button type="button" className="fe-danger" onClick={() => removeNodes([nodeId])}>
          {t('form.delete')}
        </button>
      </div>
    </form>
  );
}
