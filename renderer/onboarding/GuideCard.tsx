import { useTranslation } from 'react-i18next';
import { pageHref } from '../app/routes.ts';
import { guideProgress, guideSteps } from './guide-steps.ts';
import { useGuideDismissed } from './guide-dismissed.ts';
import { useGuideFacts } from './useGuideFacts.ts';
import './onboarding.css';

/**
 * What an empty orders page shows (issue 16): where to start, the guide's steps checked off from
 * the engine's state, and the way into the guide; once put away, a line that still points there.
 */
export function GuideCard() {
  const { t } = useTranslation('guide');
  const facts = useGuideFacts();
  const [dismissed, setDismissed] = useGuideDismissed();
  const progress = facts.data ? guideProgress(facts.data.facts) : null;

  if (dismissed) {
    return (
      <p className="guide-hint">
        {t('card.short')} <a href={pageHref('guide')}>{t('card.open')}</a>
      </p>
    );
  }
  return (
    <section className="guide-card" aria-labelledby="guide-card-title">
      <h2 id="guide-card-title">{t('card.title')}</h2>
      <p>{t('card.lead')}</p>
      {progress ? (
        <ol className="guide-checklist">
          {guideSteps.map((step) => (
            <li key={step} data-done={progress.done[step] ? 'yes' : 'no'}>
              <span className="guide-mark" aria-hidden="true">
                {progress.done[step] ? '✓' : ''}
              </span>
              {t(`steps.${step}.title`)}
              <span className="guide-sr">{progress.done[step] ? t('stepDone') : t('stepTodo')}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="guide-actions">
        <a className="button-link button-primary" href={pageHref('guide')}>
          {t('card.open')}
        </a>
        <button type="button" onClick={() => setDismissed(true)}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
