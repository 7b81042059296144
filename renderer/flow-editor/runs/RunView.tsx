import '../controls.css';
import '../flow-editor.css';
import '../side-panel.css';
import './runs.css';
import { useTranslation } from 'react-i18next';
import type { RunDetailDto } from '../../../engine/contract/index.ts';
import { FlowCanvas } from '../../canvas/FlowCanvas.tsx';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import type { FlowEditorStore } from '../store/create-flow-editor-store.ts';
import { useFlowEditor } from '../store/flow-editor-context.ts';
import { FlowEditorProvider } from '../store/FlowEditorProvider.tsx';
import { StepDetails } from './StepDetails.tsx';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { useTidyLayout } from '../useTidyLayout.ts';
import { formatTime } from '../../app/format.ts';
import { waitReasonWords } from './wait-reason-words.ts';

/** A run on the flow version it ran: read-only canvas coloured by outcome, and the chosen step. */
export function RunView({ store, run }: { store: FlowEditorStore; run: RunDetailDto }) {
  return (
    <FlowEditorProvider store={store}>
      <div className="editor-body run-body">
        <div className="editor-canvas">
          <FlowCanvas />
        </div>
        <RunSidePanel run={run} />
      </div>
    </FlowEditorProvider>
  );
}

function RunSidePanel({ run }: { run: RunDetailDto }) {
  const { t } = useTranslation('runs');
  const selected = useFlowEditor((s) => s.nodes.find((n) => n.selected)?.id ?? null);
  const select = useFlowEditor((s) => s.select);
  useTidyLayout(true);
  return (
    <aside className="side-panel" aria-label={t('step.panel')}>
      <div className="panel-body">
        {selected ? (
          <>
            <button type="button" className="fe-link step-back" onClick={() => select(null)}>
              {t('step.all')}
            </button>
            <StepDetails key={selected} nodeId={selected} />
          </>
        ) : (
          <StepList run={run} />
        )}
      </div>
    </aside>
  );
}

function StepList({ run }: { run: RunDetailDto }) {
  const { t } = useTranslation('runs');
  const words = useSpecWords();
  const select = useFlowEditor((s) => s.select);
  const nodes = useFlowEditor((s) => s.nodes);
  const specs = useFlowEditor((s) => s.specs);
  return (
    <div className="step-list">
      <h2>{t('step.steps')}</h2>
      {run.error ? <p className="param-problem">{run.error}</p> : null}
      <DeferredNotice run={run} />
      <p className="muted">{t('step.pick')}</p>
      <ol>
        {run.steps.map((step) => {
          const node = nodes.find((n) => n.id === step.nodeId);
          const spec = specs.get(step.nodeType);
          const title = node?.data.label || (spec ? words.label(spec) : step.nodeType);
          return (
            <li key={step.seq}>
              <button type="button" className="step-row" onClick={() => select(step.nodeId)}>
                <span>{title}</span>
                <RunStatusBadge status={step.status} dueAt={step.dueAt} />
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A waiting run whose step a provider deferred (low balance, quota, night hours, rate limit): which step, until when, and why. */
function DeferredNotice({ run }: { run: RunDetailDto }) {
  const { t } = useTranslation('runs');
  const words = useSpecWords();
  const node = useFlowEditor((s) => s.nodes.find((n) => n.id === run.waitReason?.nodeId));
  const spec = useFlowEditor((s) => (node ? s.specs.get(node.data.type) : undefined));
  const wait = run.status === 'waiting' ? run.waitReason : null;
  if (!wait) return null;
  const step = node?.data.label || (spec ? words.label(spec) : wait.nodeId);
  return (
    <div className="run-deferred" role="status">
      <p>{t('step.deferred', { step, time: run.dueAt ? formatTime(run.dueAt) : '?', why: waitReasonWords(t, wait) })}</p>
      <p className="muted">{t('step.deferredAgain')}</p>
    </div>
  );
}
