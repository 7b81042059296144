import type { TFunction } from 'i18next';
import { platformLabels, writeBackWorkarounds, type Platform, type WriteAction } from '../../engine/contract/index.ts';
import type { WriteSupportView } from './core/write-support.ts';

/** What a platform does instead when it has no call of its own for the action (write-back.json, else the contract's English). */
export function workaroundWords(t: TFunction, platform: Platform, action: WriteAction): string {
  return t(`workaround.${platform}.${action}`, { ns: 'write-back', defaultValue: writeBackWorkarounds[platform]?.[action] ?? '' });
}

/** "Làm được trên Shopify, Haravan, Sapo (cách khác)": one short line under a palette step. */
export function writeSupportLine(t: TFunction, s: WriteSupportView): string {
  const platforms = [
    ...s.direct.map((p) => platformLabels[p]),
    ...s.workaround.map((p) => t('palette.another', { ns: 'write-back', platform: platformLabels[p] })),
  ].join(', ');
  if (!platforms) return t('palette.none', { ns: 'write-back' });
  return t(s.optional ? 'palette.canOptional' : 'palette.can', { ns: 'write-back', platforms });
}

/** The tooltip: how each platform does it, and the platforms with no write API at all. */
export function writeSupportDetail(t: TFunction, s: WriteSupportView): string {
  const direct = s.direct.map((p) => t('palette.detail', { ns: 'write-back', platform: platformLabels[p], how: t('palette.direct', { ns: 'write-back' }) }));
  const other = s.workaround.map((p) => t('palette.detail', { ns: 'write-back', platform: platformLabels[p], how: workaroundWords(t, p, s.action) }));
  return [...direct, ...other, t('palette.noWriteApi', { ns: 'write-back' })].join('\n');
}
