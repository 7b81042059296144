import type { TFunction } from 'i18next';
import { apiInUse, defaultReconcileMinutes, type ConnectionDto } from '../../engine/contract/index.ts';

/** "ghi ngược · đối soát mỗi 60 phút": a connection's API use in the list, in a few words. */
export function apiSummary(t: TFunction, c: Pick<ConnectionDto, 'api' | 'noApiReason' | 'platform'>): string {
  if (c.noApiReason && !apiInUse(c.api)) return t('summary.noApi');
  if (!apiInUse(c.api)) return t('summary.off');
  return [
    c.api.writeBack ? t('summary.writeBack') : null,
    c.api.reconcile ? t('summary.reconcile', { minutes: c.api.reconcileEveryMinutes ?? defaultReconcileMinutes(c.platform) }) : null,
    c.api.intake === 'polling' ? t('summary.polling', { seconds: c.api.pollEverySeconds }) : null,
  ]
    .filter((x): x is string => x !== null)
    .join(' · ');
}
