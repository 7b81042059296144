import { useTranslation } from 'react-i18next';
import type { TimelineEntryDto } from '../../engine/contract/index.ts';
import { TimelineItem } from './TimelineItem.tsx';
import './timeline.css';

/** The order's history as a vertical time line, oldest first; new entries arrive at the bottom. */
export function Timeline({ entries }: { entries: readonly TimelineEntryDto[] }) {
  const { t } = useTranslation('orders');
  if (entries.length === 0) return <p className="notice">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {entries.map((entry) => (
        <TimelineItem key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}
