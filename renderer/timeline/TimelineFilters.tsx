import { useTranslation } from 'react-i18next';
import type { TimelineKind } from '../../engine/contract/index.ts';
import { groupCounts, timelineGroupIds, type TimelineGroupId } from './timeline-filter.ts';
import './timeline-filters.css';

/**
 * The timeline's filter bar: all entries, or one group of kinds, each with how many entries it
 * holds. A group with none is left out (an order without tasks shows no "Tasks" button).
 */
export function TimelineFilters({
  counts,
  group,
  onChange,
}: {
  counts: Partial<Record<TimelineKind, number>>;
  group: TimelineGroupId | null;
  onChange: (group: TimelineGroupId | null) => void;
}) {
  const { t } = useTranslation('customers');
  const byGroup = groupCounts(counts);
  const total = Object.values(byGroup).reduce((a, b) => a + b, 0);
  const shown = timelineGroupIds.filter((g) => byGroup[g] > 0 || g === group);
  return (
    <div className="timeline-filters" role="group" aria-label={t('timelineFilter.label')}>
      <button type="button" aria-pressed={group === null} onClick={() => onChange(null)}>
        {t('timelineFilter.all')} <span className="timeline-filter-count">{total}</span>
      </button>
      {shown.map((g) => (
        <button key={g} type="button" aria-pressed={group === g} data-group={g} onClick={() => onChange(group === g ? null : g)}>
          {t(`timelineFilter.group.${g}`)} <span className="timeline-filter-count">{byGroup[g]}</span>
        </button>
      ))}
    </div>
  );
}
