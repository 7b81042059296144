import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestDeliveryDto } from '../../engine/contract/index.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ConnectionStep } from './ConnectionStep.tsx';
import { FlowStep } from './FlowStep.tsx';
import { SendStep } from './SendStep.tsx';
import { WatchStep } from './WatchStep.tsx';
import { guideProgress, guideSteps, type GuideStep } from './guide-steps.ts';
import { useGuideDismissed } from './guide-dismissed.ts';
import { useGuideFacts } from './useGuideFacts.ts';
import '../timeline/ui.css';
import './onboarding.css';

/**
 * The first-run guide (issue 16): add a connection, pick a template, send a test delivery and
 * watch it arrive. Each step is checked off from what the engine has, not from clicks.
 */
export function GuidePage() {
  const { t } = useTranslation('guide');
  const facts = useGuideFacts();
  const [dismissed, setDismissed] = useGuideDismissed();
  const [sent, setSent] = useState<TestDeliveryDto | null>(null);
  const data = facts.data;
  const watch = useRef<HTMLLIElement>(null);
  // Once sent, the delivery's way is what to look at: brought into view (below the fold on a small screen).
  useEffect(() => {
    if (sent) watch.current?.scrollIntoView({ block: 'start' });
  }, [sent]);
  const progress = data ? guideProgress(data.facts) : null;

  const body: Record<GuideStep, ReactNode> = data
    ? {
        connection: <ConnectionStep connections={data.connections} onChanged={facts.reload} />,
        flow: <FlowStep flows={data.flows} done={progress?.done.flow ?? false} onChanged={facts.reload} />,
        send: <SendStep connections={data.connections} done={progress?.done.send ?? false} onSent={(s) => { setSent(s); facts.reload(); }} />,
        watch: <WatchStep deliveryId={sent?.deliveryId ?? data.latestDelivery} />,
      }
    : { connection: null, flow: null, send: null, watch: null };

  return (
    <>
      <PageHeader title={t('title')}>
        <button type="button" onClick={() => setDismissed(!dismissed)}>
          {dismissed ? t('undismiss') : t('dismiss')}
        </button>
      </PageHeader>
      <p className="guide-intro">{t('intro')}</p>
      {progress ? (
        <p className="guide-progress" role="status">
          {progress.current ? t('progress', { done: progress.doneCount, total: guideSteps.length }) : t('allDone')}
        </p>
      ) : null}
      <LoadNotice
        loading={facts.loading && !data}
        error={facts.error}
        empty={false}
        texts={{ loading: t('loading'), empty: '', failed: (message) => t('failed', { message }), retry: t('retry') }}
        onRetry={facts.reload}
      />
      {progress ? (
        <ol className="guide-steps">
          {guideSteps.map((step, i) => (
            <li key={step} ref={step === 'watch' ? watch : undefined} className="guide-step" data-step={step} data-done={progress.done[step] ? 'yes' : 'no'} aria-current={progress.current === step ? 'step' : undefined}>
              <h2>
                <span className="guide-mark" aria-hidden="true">
                  {progress.done[step] ? '✓' : i + 1}
                </span>
                {t(`steps.${step}.title`)}
                <span className="guide-sr">{progress.done[step] ? t('stepDone') : t('stepTodo')}</span>
              </h2>
              <div className="guide-step-body">{body[step]}</div>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
