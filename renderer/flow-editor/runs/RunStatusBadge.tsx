import { useTranslation } from 'react-i18next';
import type { RunStatus, StepStatus } from '../../../engine/contract/index.ts';

const tones: Record<RunStatus | StepStatus, string> = {
  queued: 'neutral',
  running: 'neutral',
  succeeded: 'good',
  done: 'good',
  failed: 'bad',
  skipped: 'warn',
};

/** A run's or a step's status in words, on its colour. */
export function RunStatusBadge({ status }: { status: RunStatus | StepStatus }) {
  const { t } = useTranslation('runs');
  return <span className={`badge badge-${tones[status]}`}>{t(`status.${status}`)}</span>;
}
