import { useTranslation } from 'react-i18next';
import { diffSize, type FlowDiff, type FlowDocument } from '../../../engine/contract/index.ts';
import { portName, stepName, valueWords } from './diff-words.ts';
import { useDiffVocabulary } from './useDiffVocabulary.ts';

interface DiffViewProps {
  title: string;
  diff: FlowDiff;
  /** The two documents, to name steps (a removed step is only in `before`). */
  before: FlowDocument;
  after: FlowDocument;
  onClose: () => void;
}

/** A diff in words: steps added, removed and changed (setting: before → after), connections. */
export function DiffView({ title, diff, before, after, onClose }: DiffViewProps) {
  const { t } = useTranslation('versions');
  const w = useDiffVocabulary();
  const docs = [after, before];
  const size = diffSize(diff);
  const arrow = (a: string, b: string) => `${a} → ${b}`;

  return (
    <section className="version-diff" aria-label={t('diff.label')}>
      <header className="version-diff-head">
        <h3>{title}</h3>
        <button type="button" className="fe-link" onClick={onClose}>
          {t('diff.close')}
        </button>
      </header>
      {size === 0 ? (
        <p className="muted">{diff.moved > 0 ? t('diff.layoutOnly', { count: diff.moved }) : t('diff.none')}</p>
      ) : (
        <>
          <p className="muted">{t('diff.count', { count: size })}</p>
          <ul className="version-changes">
            {diff.name ? (
              <li className="change-changed">
                {t('diff.flowName')}: {arrow(valueWords(diff.name.before, undefined, w), valueWords(diff.name.after, undefined, w))}
              </li>
            ) : null}
            {diff.description ? (
              <li className="change-changed">
                {t('diff.description')}: {arrow(valueWords(diff.description.before, undefined, w), valueWords(diff.description.after, undefined, w))}
              </li>
            ) : null}
            {diff.nodesAdded.map((n) => (
              <li key={`a-${n.id}`} className="change-added">
                {t('diff.added', { name: stepName(n.id, [after], w) })}
              </li>
            ))}
            {diff.nodesRemoved.map((n) => (
              <li key={`r-${n.id}`} className="change-removed">
                {t('diff.removed', { name: stepName(n.id, [before], w) })}
              </li>
            ))}
            {diff.nodesChanged.map((n) => (
              <li key={`c-${n.id}`} className="change-changed">
                {t('diff.changed', { name: stepName(n.id, docs, w) })}
                <ul>
                  {n.labelChange ? (
                    <li>
                      {t('diff.stepName')}: {arrow(valueWords(n.labelChange.before, undefined, w), valueWords(n.labelChange.after, undefined, w))}
                    </li>
                  ) : null}
                  {n.params.map((p) => {
                    const field = w.fieldOf(n.type, p.key);
                    return (
                      <li key={p.key}>
                        <span className="change-field">{w.fieldTitle(n.type, p.key)}</span>: {arrow(valueWords(p.before, field, w), valueWords(p.after, field, w))}
                      </li>
                    );
                  })}
                  {n.typeVersion ? (
                    <li>
                      {t('diff.typeVersion')}: {arrow(String(n.typeVersion.before), String(n.typeVersion.after))}
                    </li>
                  ) : null}
                </ul>
              </li>
            ))}
            {diff.edgesAdded.map((e, i) => (
              <li key={`ea-${e.id}-${i}`} className="change-added">
                {t('diff.connected', { from: portName(e.source, e.sourcePort, docs, w), to: portName(e.target, e.targetPort, docs, w) })}
              </li>
            ))}
            {diff.edgesRemoved.map((e, i) => (
              <li key={`er-${e.id}-${i}`} className="change-removed">
                {t('diff.disconnected', { from: portName(e.source, e.sourcePort, docs, w), to: portName(e.target, e.targetPort, docs, w) })}
              </li>
            ))}
          </ul>
          {diff.moved > 0 ? <p className="muted">{t('diff.moved', { count: diff.moved })}</p> : null}
        </>
      )}
    </section>
  );
}
