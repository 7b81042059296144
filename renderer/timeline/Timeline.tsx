import { useTranslation } from 'react-i18next';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { foldRepeatedFailures } from './timeline-filter.ts';
import { TimelineFilters } from './TimelineFilters.tsx';
import { TimelineItem } from './TimelineItem.tsx';
import { AddNote } from './AddNote.tsx';
import { useTimelinePages, type TimelineSource } from './useTimelinePages.ts';
import './timeline.css';

/**
 * An order's history (or a customer's orders' joined) as a vertical time line, oldest first:
 * the story reads from the top and new entries arrive at the bottom. The newest page is loaded
 * first; "load older" fetches the page before it. The filter bar narrows it to one group of kinds.
 */
export function Timeline({ source, numbers }: { source: TimelineSource; numbers?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('orders');
  const { t: tc } = useTranslation('customers');
  const pages = useTimelinePages(source);
  const lines = foldRepeatedFailures(pages.entries);
  return (
    <>
      <TimelineFilters counts={pages.counts} group={pages.group} onChange={pages.setGroup} />
      {pages.error || (pages.loading && lines.length === 0) ? (
        <LoadNotice
          loading={pages.loading}
          error={pages.error}
          empty={false}
          texts={{ loading: tc('timelineFilter.loading'), empty: '', failed: (message) => tc('timelineFilter.failed', { message }), retry: tc('timelineFilter.retry') }}
          onRetry={pages.reload}
        />
      ) : null}
      {pages.hasOlder ? (
        <div className="timeline-older">
          <button type="button" onClick={pages.loadOlder} disabled={pages.loading}>
            {tc('timelineFilter.loadOlder')}
          </button>
        </div>
      ) : null}
      {!pages.loading && !pages.error && lines.length === 0 ? (
        <p className="notice">{pages.group ? tc('timelineFilter.emptyGroup') : t('timeline.empty')}</p>
      ) : null}
      {lines.length > 0 ? (
        <ol className="timeline" aria-label={t('timeline.label')} aria-busy={pages.loading}>
          {lines.map(({ entry, repeat, again }) => (
            <TimelineItem key={entry.id} entry={entry} repeat={repeat} again={again === true} orderNumber={numbers?.get(entry.orderId)} />
          ))}
        </ol>
      ) : null}
      {'orderId' in source ? <AddNote orderId={source.orderId} /> : null}
    </>
  );
}
