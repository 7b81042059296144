import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeDiff, RunDetailDto, RunDiffDto, RunStatus, StepStatus } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { useSpecWords } from '../canvas/useSpecWords.ts';
import { RunStatusBadge } from '../flow-editor/runs/RunStatusBadge.tsx';
import { nodeNamer } from './node-names.ts';
import { diffView, showValue, type PathStep } from './run-diff-view.ts';

type Name = (nodeId: string) => string;

const statuses = new Set<string>(['queued', 'running', 'waiting', 'succeeded', 'done', 'failed', 'skipped', 'cancelled']);
const isStatus = (s: string): s is RunStatus | StepStatus => statuses.has(s);

/** Two columns (the original run | the current version, dry), the differing nodes marked, then what differs in each. */
export function RunDiff({ diff }: { diff: RunDiffDto }) {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const words = useSpecWords();
  const loadSpecs = useCallback(() => client.call('nodes.list', {}), [client]);
  const specs = useApiQuery(loadSpecs).data ?? [];
  const view = diffView(diff);
  const name: Name = useMemo(() => {
    const namer = nodeNamer([diff.replay.document, diff.original?.document], specs, words.label);
    const known = new Map(diff.nodes.map((n) => [n.nodeId, n]));
    return (id: string) => namer(id, known.get(id));
  }, [diff, specs, words]);

  return (
    <section className="bench-diff" aria-label={t('diff.label')}>
      <p className={diff.samePath && view.changed.length === 0 ? 'bench-diff-verdict bench-same' : 'bench-diff-verdict bench-differs'} role="status">
        {!diff.original
          ? t('diff.noOriginal')
          : view.changed.length === 0
            ? t('diff.same')
            : diff.samePath
              ? t('diff.samePathDiffers', { count: view.changed.length })
              : t('diff.otherPath', { count: view.changed.length })}
      </p>
      <div className="bench-diff-columns">
        <Column title={t('diff.original')} run={diff.original} steps={view.original} name={name} empty={t('diff.noOriginalRun')} />
        <Column title={t('diff.replay')} run={diff.replay} steps={view.replay} name={name} empty={t('diff.noSteps')} />
      </div>
      {view.changed.length > 0 ? (
        <div className="bench-diff-nodes">
          <h3>{t('diff.whatDiffers')}</h3>
          {view.changed.map((n) => (
            <NodeChange key={n.nodeId} node={n} name={name(n.nodeId)} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function Column({ title, run, steps, name, empty }: { title: string; run: RunDetailDto | null; steps: PathStep[]; name: Name; empty: string }) {
  const { t } = useTranslation('bench');
  return (
    <section className="bench-diff-column" aria-label={title}>
      <h3>{title}</h3>
      {run ? (
        <p className="bench-diff-run">
          <a href={pageHref('runs', run.id)}>{t('diff.openRun', { version: run.flowVersion })}</a> <RunStatusBadge status={run.status} />
          {run.dryRun ? <span className="fe-chip fe-chip-small">{t('result.dry')}</span> : null}
        </p>
      ) : null}
      {!run || steps.length === 0 ? (
        <p className="notice">{empty}</p>
      ) : (
        <ol className="bench-path" aria-label={t('diff.path', { run: title })}>
          {steps.map((s) => (
            <li key={s.nodeId} className={s.differs ? 'bench-path-step bench-path-differs' : 'bench-path-step'}>
              <span>{name(s.nodeId)}</span>
              {s.status && isStatus(s.status) ? <RunStatusBadge status={s.status} /> : s.status ? <span className="muted">{s.status}</span> : null}
              {s.differs ? <span className="visually-hidden">{t('diff.differs')}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NodeChange({ node, name }: { node: NodeDiff; name: string }) {
  const { t } = useTranslation('bench');
  const { t: tr } = useTranslation('runs');
  // The port matters where a step branches; every other step leaves by `out`.
  const side = (s: NodeDiff['original']) =>
    s ? `${tr(`status.${s.status}`, { defaultValue: s.status })}${s.port && s.port !== 'out' ? ` → ${s.port}` : ''}` : t('diff.notReached');
  return (
    <article className="bench-node-change" aria-label={name}>
      <h4>{name}</h4>
      <p className="bench-node-sides">
        <span className="muted">{t('diff.originalShort')}:</span> {side(node.original)} <span aria-hidden="true">·</span>{' '}
        <span className="muted">{t('diff.replayShort')}:</span> {side(node.replay)}
      </p>
      {node.inputs.length > 0 ? (
        <table className="bench-inputs" aria-label={t('diff.inputsOf', { step: name })}>
          <thead>
            <tr>
              <th scope="col">{t('diff.field')}</th>
              <th scope="col">{t('diff.originalShort')}</th>
              <th scope="col">{t('diff.replayShort')}</th>
            </tr>
          </thead>
          <tbody>
            {node.inputs.map((input) => (
              <tr key={`${input.kind}.${input.field}`}>
                <th scope="row" className="mono">
                  {input.kind}.{input.field}
                </th>
                <td className="bench-old">{showValue(input.original)}</td>
                <td className="bench-new">{showValue(input.replay)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
