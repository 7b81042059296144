import type { TFunction } from 'i18next';
import { platformLabels, type TimelineDataOf, type WriteAction } from '../../engine/contract/index.ts';

/** "đã thêm thẻ đơn hàng": what a write-back did, to sit after the platform's name (words in write-back.json, merged into orders). */
export function writeBackDone(t: TFunction, action: WriteAction): string {
  return t(`timeline.writeBack.${action}`, { defaultValue: action });
}

/**
 * "Shopify: đã thêm thẻ đơn hàng — <the platform's answer>", or, found already done after a
 * crash or a lost answer, "… — đã có sẵn trên Shopify, không gửi lại"; with the flow that asked.
 */
export function writeBackSentence(t: TFunction, d: TimelineDataOf<'write_back'>): string {
  const platform = d.platform ? platformLabels[d.platform] : (d.connectionName ?? t('timeline.say.theStore'));
  const action = writeBackDone(t, d.action);
  const answer = d.answer?.trim() ? d.answer.trim() : null;
  const said = d.already
    ? t('timeline.say.writeBack.already', { platform, action })
    : t('timeline.say.writeBack.done', { platform, action, answer, context: answer ? 'answer' : undefined });
  return d.flowName ? `${said} (${t('timeline.say.writeBack.by', { flow: d.flowName })})` : said;
}

/** "Phản hồi từ thay đổi của chính Flowdesk (đã thêm thẻ đơn hàng, do “VIP”): không chạy luồng nào". */
export function echoSentence(t: TFunction, d: TimelineDataOf<'echo'>): string {
  const actions = [...new Set(d.actions)].map((a) => writeBackDone(t, a)).join(', ');
  const flows = d.flowNames.map((f) => `“${f}”`).join(', ');
  if (!actions) return t('timeline.say.echo.plain');
  return flows ? t('timeline.say.echo.flows', { actions, flows }) : t('timeline.say.echo.actions', { actions });
}

/** "Fetched from My shop through the API (reconciliation)": a delivery that did not come as a webhook. */
export function fetchedDeliverySentence(t: TFunction, d: TimelineDataOf<'delivery'>): string | null {
  if (!d.source) return null;
  return d.connectionName ? t(`timeline.say.deliveryFetched_${d.source}`, { connection: d.connectionName }) : t(`timeline.fetched.${d.source}`);
}
