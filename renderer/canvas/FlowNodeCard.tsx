import './node-card.css';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { PortSpec, StepDto } from '../../engine/contract/index.ts';
import { useFlowEditor } from '../flow-editor/store/flow-editor-context.ts';
import type { CanvasNode } from './document-mapping.ts';
import { NodeIcon } from './NodeIcon.tsx';
import { paramSummary } from './param-summary.ts';
import { useAccountNames } from '../accounts/useAccountNames.ts';
import { useFlowNames } from '../flow-editor/form/useFlowNames.ts';
import { problemOnNode } from './problem-text.ts';
import { isWarning } from './core/problems.ts';
import { useSpecWords } from './useSpecWords.ts';

const noFields: never[] = [];

function spread(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/** One step on the canvas: what it is, its params in a line, its problems, or a run's outcome. */
export function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const { t } = useTranslation('editor');
  const words = useSpecWords();
  const spec = useFlowEditor((s) => s.specs.get(data.type));
  const fields = useFlowEditor((s) => s.fields.get(data.type) ?? noFields);
  const problems = useFlowEditor((s) => s.problemsByNode.get(id));
  const readOnly = useFlowEditor((s) => s.readOnly);
  const step = useFlowEditor((s) => s.steps.get(id));
  // "Connect…" marks the output it is on and the step it would connect to.
  const connectPort = useFlowEditor((s) => (s.connecting?.nodeId === id ? s.connecting.port : null));
  const connectTarget = useFlowEditor((s) => s.connecting?.target === id);
  const category = spec?.category ?? 'action';
  const title = data.label || (spec ? words.label(spec) : data.type);
  const inputs = spec?.inputs ?? [];
  const outputs = spec?.outputs ?? [];
  const accountNames = useAccountNames();
  const flowNames = useFlowNames(fields.some((f) => f.schema.widget === 'flow'));
  const summary = paramSummary(fields, data.params, words.option, 4, (id) => accountNames?.get(id) ?? flowNames?.get(id));
  const fieldTitle = (path: string) => {
    const field = fields.find((f) => f.key === path.split('.')[0]);
    return field ? words.fieldTitle(data.type, field) : path;
  };
  const outcome = readOnly ? (step?.status ?? 'unreached') : null;
  const classes = [
    'fn',
    `fn-${category}`,
    selected ? 'fn-selected' : '',
    !readOnly && problems ? (problems.every(isWarning) ? 'fn-warned' : 'fn-invalid') : '',
    outcome ? `fn-run fn-run-${outcome}` : '',
    connectTarget ? 'fn-connect-target' : '',
  ];

  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {inputs.map((port, i) => (
        <Handle key={port.id} type="target" position={Position.Top} id={port.id} style={{ left: spread(i, inputs.length) }} aria-label={t('canvas.inputHandle', { node: title })} />
      ))}
      <div className="fn-head">
        <span className="fn-icon">{spec ? <NodeIcon icon={spec.icon} connector={spec.connector} category={category} /> : null}</span>
        <span className="fn-kind">{words.category(category)}</span>
      </div>
      <div className="fn-title" title={title}>
        {title}
      </div>
      {summary ? (
        <div className="fn-summary" title={summary}>
          {summary}
        </div>
      ) : null}
      {!readOnly && problems ? (
        <p className={problems[0]!.severity === 'warning' ? 'fn-problem fn-warning' : 'fn-problem'} title={problems.map((p) => problemOnNode(p, t, fieldTitle)).join('\n')}>
          {problemOnNode(problems[0]!, t, fieldTitle)}
          {problems.length > 1 ? <span className="fn-more"> {t('canvas.moreProblems', { count: problems.length - 1 })}</span> : null}
        </p>
      ) : null}
      {outcome ? <RunOutcome step={step} outputs={outputs} /> : null}
      {outputs.length > 1 ? (
        <div className="fn-ports" aria-hidden="true">
          {outputs.map((port, i) => (
            <span key={port.id} className={`fn-port fn-port-${port.id}`} style={{ left: spread(i, outputs.length) }}>
              {words.port(port)}
            </span>
          ))}
        </div>
      ) : null}
      {outputs.map((port, i) => (
        <Handle
          key={port.id}
          type="source"
          position={Position.Bottom}
          id={port.id}
          className={`fn-handle-${port.id}${connectPort === port.id ? ' fn-handle-active' : ''}`}
          style={{ left: spread(i, outputs.length) }}
          aria-label={t('canvas.outputHandle', { node: title, port: words.port(port) })}
        />
      ))}
    </div>
  );
}

function RunOutcome({ step, outputs }: { step: StepDto | undefined; outputs: readonly PortSpec[] }) {
  const { t } = useTranslation('runs');
  const words = useSpecWords();
  if (!step) return <p className="fn-outcome">{t('outcome.unreached')}</p>;
  const port = outputs.length > 1 ? outputs.find((p) => p.id === step.port) : undefined;
  return (
    <p className="fn-outcome">
      <strong>{t(`outcome.${step.status}`)}</strong>
      {port ? ` · ${words.port(port)}` : ''}
      {step.reason ? (
        <span className="fn-reason" title={step.reason}>
          {step.reason}
        </span>
      ) : null}
    </p>
  );
}
