import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { isWarning } from '../canvas/core/problems.ts';
import { problemText } from '../canvas/problem-text.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';

/** Everything that keeps the flow from being saved, and warnings that do not, each leading to its step. */
export function ProblemList() {
  const { t } = useTranslation('editor');
  const problems = useFlowEditor((s) => s.problems);
  const select = useFlowEditor((s) => s.select);
  const setTab = useFlowEditor((s) => s.setTab);
  const { fitView } = useReactFlow();

  if (problems.length === 0) return <p className="panel-empty">{t('problems.none')}</p>;
  return (
    <ul className="problem-list" aria-label={t('problems.listLabel')}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${p.path ?? ''}-${i}`} className={isWarning(p) ? 'problem-warning' : undefined}>
          <span className="problem-text">
            {isWarning(p) ? <span className="problem-severity">{t('problems.warning')} </span> : null}
            {problemText(p, t)}
          </span>
          {p.nodeId ? (
            <button
              type="button"
              className="fe-link"
              onClick={() => {
                select(p.nodeId!);
                setTab('step');
                void fitView({ nodes: [{ id: p.nodeId! }], maxZoom: 1, duration: 200 });
              }}
            >
              {t('problems.show')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
