import type { TFunction } from 'i18next';
import type { TimelineDataOf } from '../../engine/contract/index.ts';
import { holdReasonKey } from '../orders/fulfillment/fo-panel-view.ts';

/** The FO's short name: Shopify's GIDs end with the number the admin shows. */
export const foShortId = (id: string): string => `#${id.split('/').pop() ?? id}`;

const present = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * "by the service", "by you", "by flow “Reroute”", or "on Shopify" for what Shopify reported of
 * itself (routing, an auto-request, a change made in its admin). Only Shopify has FOs today.
 */
function byWhom(t: TFunction, d: TimelineDataOf<'fulfillment'>): string {
  if (d.by === 'flow') return d.flowName ? t('timeline.say.fulfillment.by.flow', { flow: d.flowName }) : t('timeline.say.fulfillment.by.someFlow');
  return t(`timeline.say.fulfillment.by.${d.by}`);
}

/** A hold's reason is one of Shopify's codes: in the panel's words (fulfillment.json) when it has them. */
const holdReason = (t: TFunction, reason: string) => t(holdReasonKey(reason), { ns: 'fulfillment', defaultValue: reason });

/**
 * "Fulfillment order #1046: request rejected by the service — “Out of stock”": a fulfillment
 * order's step, who took it, and the words that came with it (the service's message quoted, a
 * move's destination and reason, a hold's reason, tracking), words in fulfillment.json.
 */
export function fulfillmentSentence(t: TFunction, d: TimelineDataOf<'fulfillment'>): string {
  const location = present(d.locationName);
  const step = d.step === 'moved' && location ? t('timeline.say.fulfillment.movedTo', { location }) : t(`timeline.say.fulfillment.step.${d.step}`);
  const parts = [t('timeline.say.fulfillment.said', { fo: foShortId(d.foId), step, by: byWhom(t, d) })];
  const reason = present(d.reason);
  if (reason) {
    const words = d.step === 'placed_on_hold' ? holdReason(t, reason) : `“${reason}”`;
    parts.push(t('timeline.say.fulfillment.reason', { reason: words }));
  }
  const message = present(d.message);
  if (message) parts.push(t('timeline.say.fulfillment.message', { message }));
  // The service said no to the cancellation: the parcel is still on its way.
  if (d.step === 'cancellation_rejected') parts.push(t('timeline.say.fulfillment.goesOn'));
  const number = present(d.trackingNumber);
  if (number) {
    const carrier = present(d.carrier);
    parts.push(carrier ? t('timeline.say.fulfillment.trackingBy', { number, carrier }) : t('timeline.say.fulfillment.tracking', { number }));
  }
  // Said in the timeline's words rather than the engine's English warning, which the panel shows when it is made.
  if (d.step === 'reverted') parts.push(t('timeline.say.fulfillment.revertWarning'));
  if (d.created?.length) parts.push(t('timeline.say.fulfillment.created', { fos: d.created.map(foShortId).join(', ') }));
  return parts.join(' — ');
}
