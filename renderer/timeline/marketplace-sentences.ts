import type { TFunction } from 'i18next';
import type { TimelineDataOf } from '../../engine/contract/index.ts';
import { formatMoney } from '../app/format.ts';

/** "AT-001-M −2 (on hand 8)": each SKU's change and its stock after it. */
function moved(t: TFunction, lines: TimelineDataOf<'inventory'>['lines']): string {
  return lines.map((l) => t('timeline.say.inventory.line', { sku: l.sku, delta: l.delta > 0 ? `+${l.delta}` : `−${-l.delta}`, onHand: l.onHand })).join(', ');
}

/**
 * A stock movement in words (seed 002): taken when the order was placed, put back when it was
 * cancelled (or not, when it is processed at the store), put back when a return was recorded.
 * Words in marketplace.json (merged into the orders namespace).
 */
export function inventorySentence(t: TFunction, d: TimelineDataOf<'inventory'>): string {
  if (d.skipped) return t('timeline.say.inventory.notRestocked');
  return t(`timeline.say.inventory.${d.reason}`, { lines: moved(t, d.lines), location: d.location });
}

/** The marketplace's return: the payment's new word, the refund, and that nothing was restocked. */
export function returnSentence(t: TFunction, d: TimelineDataOf<'return'>): string {
  const amount = d.currency ? formatMoney(d.refundedAmount, d.currency) : d.refundedAmount;
  return t('timeline.say.return', { status: t(`payment.${d.status}`, { ns: 'marketplace' }), count: d.quantity, amount });
}

export const processAtStoreSentence = (t: TFunction, d: TimelineDataOf<'process_at_store'>): string => t(`timeline.say.processAtStore.${d.on ? 'on' : 'off'}`);
