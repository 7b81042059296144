import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { RerunControls } from '../bench/RerunControls.tsx';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { RawRequest } from './RawRequest.tsx';
import { TimelineIcon } from './TimelineIcon.tsx';
import { outcomeTone, viewTimelineEntry, type StatusChange } from './timeline-entry-view.ts';
import { stepName, timelineSentence } from './timeline-sentence.ts';

/** Outcomes whose sentence says why: drawn in the tinted box of their tone. */
const withWhy = new Set(['skipped', 'failed', 'cancelled']);

/**
 * One thing that happened to the order, in a sentence, with its recorded facts a click away.
 * `repeat`: the same failure this many times in a row (said once, "×4"). `orderNumber`: on a
 * customer's joined timeline, the order it happened to, as a link.
 */
export function TimelineItem({ entry, repeat = 1, again = false, orderNumber }: { entry: TimelineEntryDto; repeat?: number; again?: boolean; orderNumber?: string | undefined }) {
  const { t } = useTranslation('orders');
  const { t: tc } = useTranslation('customers');
  const view = viewTimelineEntry(entry);
  const full = timelineSentence(entry, t);
  // The same error said in full on an earlier line: here, short (the whole sentence on hover).
  const sentence = again && entry.data?.kind === 'step' ? t('timeline.say.step.failedAgain', { step: stepName(t, entry.data) }) : full;
  const [open, setOpen] = useState<'details' | 'raw' | 'rerun' | null>(null);
  const panelId = useId();
  const toggle = (what: 'details' | 'raw' | 'rerun') => setOpen((now) => (now === what ? null : what));
  const { outcome, signature } = view;
  const step = entry.kind === 'step';
  const why = outcome?.reason && withWhy.has(outcome.status) ? outcome.status : null;
  const noteBy = entry.data?.kind === 'note' && entry.data.by ? entry.data.by : null;
  const noteByYou = entry.data?.kind === 'note' && entry.data.author === 'merchant';

  return (
    <li className={`timeline-item tone-${view.tone}${step ? ' timeline-item-step' : ''}`} data-kind={entry.kind}>
      <span className="timeline-marker">
        <TimelineIcon icon={view.icon} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-kind">{t(view.labelKey)}</span>
          {outcome ? <Badge value={t(`timeline.outcome.${outcome.status}`)} tone={outcomeTone[outcome.status]} /> : null}
          {view.replay ? <span className="badge badge-accent timeline-replay">{t('timeline.replay')}</span> : null}
          {view.dryRun ? <Badge value={t('timeline.dryRun')} tone="neutral" /> : null}
          {signature ? (
            <Badge
              value={signature.verified ? t('timeline.signature.verified') : t('timeline.signature.failed')}
              tone={signature.verified ? 'good' : 'bad'}
            />
          ) : null}
          {repeat > 1 ? (
            <span className="badge badge-bad timeline-repeat" title={tc('timelineFilter.repeatedTitle', { count: repeat })}>
              {tc('timelineFilter.repeated', { count: repeat })}
            </span>
          ) : null}
          {orderNumber ? (
            <a className="timeline-order-link" href={pageHref('orders', entry.orderId)}>
              {orderNumber}
            </a>
          ) : null}
          {view.topic ? <code className="timeline-topic">{view.topic}</code> : null}
          {step && sentence ? (
            <span className="timeline-title-inline" title={again ? (full ?? undefined) : undefined}>
              {sentence}
            </span>
          ) : null}
          <span className="timeline-time">
            <Timestamp iso={entry.at} />
          </span>
          <button
            type="button"
            className="link-button timeline-toggle"
            aria-expanded={open === 'details'}
            aria-controls={panelId}
            onClick={() => toggle('details')}
          >
            {open === 'details' ? t('timeline.hideDetails') : t('timeline.showDetails')}
          </button>
        </div>
        {!step && sentence ? (
          <p className={why ? `timeline-title timeline-why timeline-why-${why}` : 'timeline-title'}>
            {sentence}
            {noteBy ? <span className="muted"> — {t('timeline.say.noteBy', { by: noteBy })}</span> : null}
            {noteByYou ? <span className="muted"> — {t('timeline.say.noteByYou')}</span> : null}
          </p>
        ) : null}
        {view.changes.length > 0 ? (
          <ul className="timeline-changes">
            {view.changes.map((change) => (
              <ChangeLine key={change.field} change={change} />
            ))}
          </ul>
        ) : null}
        {signature?.text ? <p className="timeline-signature">{signature.text}</p> : null}
        <div className="timeline-actions">
          {view.runHref && entry.kind === 'run' ? <a href={view.runHref}>{t('timeline.openRun')}</a> : null}
          {entry.kind === 'run' && entry.runId && outcome && (outcome.status === 'failed' || outcome.status === 'skipped') ? (
            <button type="button" className="link-button" aria-expanded={open === 'rerun'} aria-controls={panelId} onClick={() => toggle('rerun')}>
              {t('timeline.runAgain')}
            </button>
          ) : null}
          {entry.kind === 'delivery' && entry.inboxId !== null ? (
            <>
              <button type="button" className="link-button" aria-expanded={open === 'raw'} aria-controls={panelId} onClick={() => toggle('raw')}>
                {open === 'raw' ? t('timeline.hideRaw') : t('timeline.showRaw')}
              </button>
              <a href={`#/inbox/${entry.inboxId}`}>{t('timeline.openInInbox')}</a>
            </>
          ) : null}
        </div>
        <div id={panelId}>
          {open === 'details' ? (
            <pre className="timeline-detail" tabIndex={0} aria-label={t('timeline.detailsOf', { title: sentence ?? t(view.labelKey) })}>
              {JSON.stringify(entry.data ?? { legacyTitle: entry.legacyTitle }, null, 2)}
            </pre>
          ) : null}
          {open === 'raw' && entry.inboxId !== null ? <RawRequest inboxId={entry.inboxId} /> : null}
          {open === 'rerun' && entry.runId && outcome && (outcome.status === 'failed' || outcome.status === 'skipped') ? (
            <RerunControls runId={entry.runId} status={outcome.status} />
          ) : null}
        </div>
      </div>
    </li>
  );
}

function ChangeLine({ change }: { change: StatusChange }) {
  const { t } = useTranslation('orders');
  const word = (value: string | null): string => {
    if (value === null) return '—';
    if (change.field === 'financialStatus' && FinancialStatus.safeParse(value).success) return t(`financial.${value}`);
    if (change.field === 'fulfillmentStatus' && FulfillmentStatus.safeParse(value).success) return t(`fulfillmentStatus.${value}`);
    if (change.field === 'deliveryStatus' && DeliveryStatus.safeParse(value).success) return t(`deliveryStatus.${value}`);
    return value;
  };
  const known = ['financialStatus', 'fulfillmentStatus', 'deliveryStatus', 'platformStatus', 'storeStatus', 'cancelled'].includes(change.field);
  return (
    <li>
      <span className="timeline-change-field">{known ? t(`timeline.field.${change.field}`) : change.field}:</span>{' '}
      <span className="muted">{word(change.from)}</span> → <strong>{word(change.to)}</strong>
    </li>
  );
}
