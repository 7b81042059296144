import { useTranslation } from 'react-i18next';
import type { StepDto } from '../../../engine/contract/index.ts';
import { NodeIcon } from '../../canvas/NodeIcon.tsx';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import { Timestamp } from '../../components/Timestamp.tsx';
import { useFlowEditor } from '../store/flow-editor-context.ts';
import { JsonBlock } from './JsonBlock.tsx';
import { formatDuration } from './run-format.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { StepIntents } from './StepIntents.tsx';
import { ConditionTrace } from './ConditionTrace.tsx';
import { stepReasonText } from '../../timeline/timeline-sentence.ts';

/** What one step of a run did: its outcome, what it asked for, and its input and output as recorded. */
export function StepDetails({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('runs');
  const { t: to } = useTranslation('orders');
  const words = useSpecWords();
  const data = useFlowEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const spec = useFlowEditor((s) => (data ? s.specs.get(data.type) : undefined));
  const step: StepDto | undefined = useFlowEditor((s) => s.steps.get(nodeId));
  if (!data) return null;
  const title = data.label || (spec ? words.label(spec) : data.type);
  const port = spec && step?.port && spec.outputs.length > 1 ? spec.outputs.find((p) => p.id === step.port) : undefined;

  return (
    <section className="step-details" aria-label={t('step.label', { node: title })}>
      <header className="node-form-head">
        {spec ? (
          <span className={`node-form-icon fn-icon-${spec.category}`}>
            <NodeIcon icon={spec.icon} connector={spec.connector} category={spec.category} size={20} />
          </span>
        ) : null}
        <div>
          <p className="node-form-kind">{spec ? words.category(spec.category) : data.type}</p>
          <h2>{title}</h2>
        </div>
      </header>
      {step ? (
        <>
          <dl className="facts">
            <dt>{t('step.status')}</dt>
            <dd>
              <RunStatusBadge status={step.status} />
            </dd>
            {step.dueAt ? (
              <>
                <dt>{t('step.dueAt')}</dt>
                <dd>
                  <Timestamp iso={step.dueAt} />
                </dd>
              </>
            ) : null}
            {port ? (
              <>
                <dt>{t('step.outcome')}</dt>
                <dd>{words.port(port)}</dd>
              </>
            ) : null}
            {step.reason ? (
              <>
                <dt>{step.status === 'failed' ? t('step.error') : t('step.reason')}</dt>
                <dd>{stepReasonText(to, step)}</dd>
              </>
            ) : null}
            <dt>{t('step.duration')}</dt>
            <dd>{formatDuration(step.durationMs)}</dd>
          </dl>
          {step.nodeType === 'logic.condition' ? <ConditionTrace step={step} /> : null}
          <StepIntents intents={step.intents} />
          <JsonBlock title={t('step.input')} value={step.input} />
          <JsonBlock title={t('step.output')} value={step.output} />
        </>
      ) : (
        <p className="panel-empty">{t('step.notReached')}</p>
      )}
    </section>
  );
}
