import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FinancialStatus, FulfillmentStatus, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { Badge } from '../components/Badge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { RawRequest } from './RawRequest.tsx';
import { TimelineIcon } from './TimelineIcon.tsx';
import { outcomeTone, viewTimelineEntry, type StatusChange } from './timeline-entry-view.ts';

/** One thing that happened to the order, with its raw details a click away. */
export function TimelineItem({ entry }: { entry: TimelineEntryDto }) {
  const { t } = useTranslation('orders');
  const view = viewTimelineEntry(entry);
  const [open, setOpen] = useState<'details' | 'raw' | null>(null);
  const panelId = useId();
  const toggle = (what: 'details' | 'raw') => setOpen((now) => (now === what ? null : what));
  const { outcome, signature } = view;
  const step = entry.kind === 'step';
  const why = outcome?.reason && (outcome.status === 'skipped' || outcome.status === 'failed') ? outcome.status : null;

  return (
    <li className={`timeline-item tone-${view.tone}${step ? ' timeline-item-step' : ''}`} data-kind={entry.kind}>
      <span className="timeline-marker">
        <TimelineIcon icon={view.icon} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-kind">{t(view.labelKey)}</span>
          {outcome ? <Badge value={t(`timeline.outcome.${outcome.status}`)} tone={outcomeTone[outcome.status]} /> : null}
          {signature ? (
            <Badge
              value={signature.verified ? t('timeline.signature.verified') : t('timeline.signature.failed')}
              tone={signature.verified ? 'good' : 'bad'}
            />
          ) : null}
          {view.topic ? <code className="timeline-topic">{view.topic}</code> : null}
          {step && view.showTitle ? <span className="timeline-title-inline">{entry.title}</span> : null}
          <span className="timeline-time">
            <Timestamp iso={entry.at} />
          </span>
          {entry.detail ? (
            <button
              type="button"
              className="link-button timeline-toggle"
              aria-expanded={open === 'details'}
              aria-controls={panelId}
              onClick={() => toggle('details')}
            >
              {open === 'details' ? t('timeline.hideDetails') : t('timeline.showDetails')}
            </button>
          ) : null}
        </div>
        {!step && view.showTitle ? <p className="timeline-title">{entry.title}</p> : null}
        {view.changes.length > 0 ? (
          <ul className="timeline-changes">
            {view.changes.map((change) => (
              <ChangeLine key={change.field} change={change} />
            ))}
          </ul>
        ) : null}
        {why ? <p className={`timeline-why timeline-why-${why}`}>{t(`timeline.why.${why}`, { reason: outcome?.reason })}</p> : null}
        {signature?.text ? <p className="timeline-signature">{signature.text}</p> : null}
        <div className="timeline-actions">
          {view.runHref && entry.kind === 'run' ? <a href={view.runHref}>{t('timeline.openRun')}</a> : null}
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
            <pre className="timeline-detail" tabIndex={0} aria-label={t('timeline.detailsOf', { title: entry.title })}>
              {JSON.stringify(entry.detail, null, 2)}
            </pre>
          ) : null}
          {open === 'raw' && entry.inboxId !== null ? <RawRequest inboxId={entry.inboxId} /> : null}
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
    return value;
  };
  const known = ['financialStatus', 'fulfillmentStatus', 'platformStatus', 'storeStatus', 'cancelled'].includes(change.field);
  return (
    <li>
      <span className="timeline-change-field">{known ? t(`timeline.field.${change.field}`) : change.field}:</span>{' '}
      <span className="muted">{word(change.from)}</span> → <strong>{word(change.to)}</strong>
    </li>
  );
}
