import type { TFunction } from 'i18next';
import type { TimelineDataOf } from '../../engine/contract/index.ts';

/** The FO's short name: Shopify's GIDs end with the number the admin shows. */
export const foShortId = (id: string): string => `#${id.split('/').pop() ?? id}`;

/**
 * "Fulfillment order #1046: request rejected by the service — “Out of stock”, tracking 1Z…":
 * a fulfillment order's step with the words that came with it (words in fulfillment.json).
 */
export function fulfillmentSentence(t: TFunction, d: TimelineDataOf<'fulfillment'>): string {
  const parts = [t('timeline.say.fulfillment.said', { fo: foShortId(d.foId), step: t(`timeline.say.fulfillment.step.${d.step}`) })];
  if (d.message?.trim()) parts.push(t('timeline.say.fulfillment.message', { message: d.message.trim() }));
  if (d.trackingNumber?.trim()) parts.push(t('timeline.say.fulfillment.tracking', { number: d.trackingNumber.trim() }));
  return parts.join(' — ');
}
