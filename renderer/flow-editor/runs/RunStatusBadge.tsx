import { useTranslation } from 'react-i18next';
import type { RunStatus, StepStatus } from '../../../engine/contract/index.ts';
import { formatTime } from '../../app/format.ts';

const tones: Record<RunStatus | StepStatus, string> = {
  queued: 'neutral',
  running: 'neutral',
  waiting: 'neutral',
  succeeded: 'good',
  done: 'good',
  failed: 'bad',
  skipped: 'warn',
  cancelled: 'warn',
};

/** A run's or a step's status in words, on its colour; a waiting one says until when. */
export function RunStatusBadge({ status, dueAt = null }: { status: RunStatus | StepStatus; dueAt?: string | null }) {
  const { t } = useTranslation('runs');
  const until = status === 'waiting' && dueAt ? dueAt : null;
  return (
    <span className={`badge badge-${tones[status]}`} title={until ?? undefined}>
      {until ? t('status.waitingUntil', { time: formatTime(until) }) : t(`status.${status}`)}
    </span>
  );
}
