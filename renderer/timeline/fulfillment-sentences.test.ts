import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FoStep, type TimelineData, type TimelineDataOf, type TimelineEntryDto } from '../../engine/contract/index.ts';
import enOrders from '../i18n/locales/en/orders.json';
import enMine from '../i18n/locales/en/fulfillment.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viMine from '../i18n/locales/vi/fulfillment.json';
import { timelineSentence } from './timeline-sentence.ts';
import { viewTimelineEntry } from './timeline-entry-view.ts';

const words = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, fulfillment: enMine }, vi: { orders: viOrders, fulfillment: viMine } },
    lng: 'en', fallbackLng: 'en', ns: ['orders', 'fulfillment'], defaultNS: 'orders', interpolation: { escapeValue: false },
  });
  // As i18n.ts merges them.
  for (const [lang, mine] of [['en', enMine], ['vi', viMine]] as const) {
    for (const [target, w] of Object.entries(mine.into)) i18n.addResourceBundle(lang, target, w, true, false);
  }
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const typed = (data: TimelineData): TimelineEntryDto => ({ id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: 7, runId: null });
const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], (iso) => iso);
const step = (over: Partial<TimelineDataOf<'fulfillment'>>): TimelineDataOf<'fulfillment'> => ({
  kind: 'fulfillment', foId: 'gid://shopify/FulfillmentOrder/1046', step: 'request_submitted', by: 'merchant', from: null, to: null, ...over,
});

describe('fulfillment steps on the timeline', () => {
  it('says who took the step and quotes the service’s message', () => {
    expect(say('en', step({ message: ' Gói quà giúp mình ' }))).toBe('Fulfillment order #1046: fulfillment requested by you — “Gói quà giúp mình”');
    expect(say('vi', step({ message: 'Gói quà giúp mình' }))).toBe('Đơn xử lý #1046: đã yêu cầu xử lý đơn (do bạn) — “Gói quà giúp mình”');
    expect(say('en', step({ step: 'request_rejected', by: 'service', message: 'Out of stock' }))).toBe('Fulfillment order #1046: request rejected by the service — “Out of stock”');
    expect(say('vi', step({ step: 'request_accepted', by: 'service' }))).toBe('Đơn xử lý #1046: yêu cầu đã được chấp nhận (do dịch vụ)');
    expect(say('en', step({ step: 'routed', by: 'platform' }))).toBe('Fulfillment order #1046: assigned to a location on Shopify');
    expect(say('vi', step({ step: 'request_submitted', by: 'platform' }))).toBe('Đơn xử lý #1046: đã yêu cầu xử lý đơn (trên Shopify)');
    expect(say('vi', step({ step: 'hold_released', by: 'flow', flowName: 'Đã thanh toán' }))).toBe('Đơn xử lý #1046: đã bỏ tạm giữ (do luồng “Đã thanh toán”)');
  });

  it('says a refused cancellation lets fulfillment go on, in a warning tone', () => {
    const rejected = step({ step: 'cancellation_rejected', by: 'service', message: 'Already packed' });
    expect(say('en', rejected)).toBe('Fulfillment order #1046: cancellation rejected by the service — “Already packed” — fulfillment goes on');
    expect(say('vi', rejected)).toBe('Đơn xử lý #1046: yêu cầu hủy bị từ chối (do dịch vụ) — “Already packed” — đơn vẫn tiếp tục được xử lý');
    expect(viewTimelineEntry(typed(rejected)).tone).toBe('warn');
    expect(viewTimelineEntry(typed(step({ step: 'request_rejected', by: 'service' }))).tone).toBe('warn');
    expect(viewTimelineEntry(typed(step({ step: 'request_accepted', by: 'service' }))).tone).toBe('accent');
    const label = viewTimelineEntry(typed(rejected)).labelKey;
    expect([words.en(label), words.vi(label)]).toEqual(['Fulfillment', 'Xử lý đơn']);
  });

  it('says where a move went and why, a hold’s reason in words, tracking with its carrier, and what a revert does not do', () => {
    expect(say('en', step({ step: 'moved', by: 'flow', flowName: 'Reroute', locationName: 'Kho Hà Nội', reason: 'ShipBob out of stock' }))).toBe(
      'Fulfillment order #1046: moved to Kho Hà Nội by flow “Reroute” — reason: “ShipBob out of stock”',
    );
    expect(say('vi', step({ step: 'placed_on_hold', reason: 'awaiting_payment', message: 'Chờ chuyển khoản' }))).toBe(
      'Đơn xử lý #1046: đã tạm giữ (do bạn) — lý do: Chờ thanh toán — “Chờ chuyển khoản”',
    );
    expect(say('en', step({ step: 'fulfilled', by: 'service', trackingNumber: '1Z999', carrier: 'UPS' }))).toBe('Fulfillment order #1046: items shipped by the service — tracking 1Z999 (UPS)');
    expect(say('vi', step({ step: 'reverted' }))).toBe('Đơn xử lý #1046: đã hoàn về chưa xử lý (do bạn) — việc này không dừng dịch vụ; hãy kiểm tra tồn kho');
    expect(say('en', step({ step: 'split', by: 'platform', created: ['gid://shopify/FulfillmentOrder/1047'] }))).toBe('Fulfillment order #1046: split on Shopify — new: #1047');
  });

  it('has words for every step in both languages', () => {
    for (const s of FoStep.options) {
      const en = say('en', step({ step: s }));
      const vi = say('vi', step({ step: s }));
      expect(en).not.toContain('timeline.say');
      expect(vi).not.toContain('timeline.say');
      expect(vi).not.toBe(en);
    }
  });
});
