import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntentRecord } from '../../../engine/contract/index.ts';
import { Timestamp } from '../../components/Timestamp.tsx';
import { intentArgRows, intentWords, type IntentArgRow } from './intent-view.ts';
import { JsonBlock } from './JsonBlock.tsx';

/** What a step asked for (tags, a note, a request, a wait): each done, or in a dry run only recorded. */
export function StepIntents({ intents }: { intents: readonly IntentRecord[] }) {
  const { t } = useTranslation('runs');
  if (intents.length === 0) return null;
  return (
    <section className="step-intents" aria-label={t('step.intents')}>
      <h3>{t('step.intents')}</h3>
      {intents.some((i) => i.outcome === 'would_do') ? <p className="muted intent-hint">{t('intent.wouldDoHint')}</p> : null}
      <ol className="intent-list">
        {intents.map((intent, n) => {
          const words = intentWords(t, intent.kind);
          const outcome = t(`intent.outcome.${intent.outcome}`);
          const rows = intentArgRows(intent.args);
          return (
            <li key={n} className="intent" aria-label={t('intent.label', { intent: words, outcome })}>
              <div className="intent-head">
                <strong>{words}</strong>
                <span className={`badge badge-${intent.outcome === 'done' ? 'good' : 'neutral'}`}>{outcome}</span>
              </div>
              {rows.length > 0 ? (
                <dl className="facts intent-args" aria-label={t('intent.args')}>
                  {rows.map((r) => (
                    <Fragment key={r.key}>
                      <dt>{t(`intent.arg.${r.key}`, { defaultValue: r.key })}</dt>
                      <dd>
                        <ArgValue row={r} />
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              ) : null}
              {intent.result !== undefined ? <JsonBlock title={t('intent.result')} value={intent.result} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function ArgValue({ row }: { row: IntentArgRow }) {
  const { t } = useTranslation('runs');
  switch (row.shape) {
    case 'none':
      return <span className="muted">{t('intent.none')}</span>;
    case 'time':
      return <Timestamp iso={row.text} />;
    case 'json':
      return <pre className="intent-json">{row.text}</pre>;
    case 'text':
      return <span className="intent-text">{row.text}</span>;
  }
}
