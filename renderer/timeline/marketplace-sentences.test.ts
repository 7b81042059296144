import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEntryDto } from '../../engine/contract/index.ts';
import enOrders from '../i18n/locales/en/orders.json';
import enMine from '../i18n/locales/en/marketplace.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viMine from '../i18n/locales/vi/marketplace.json';
import { timelineSentence } from './timeline-sentence.ts';
import { viewTimelineEntry } from './timeline-entry-view.ts';

const words = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, marketplace: enMine }, vi: { orders: viOrders, marketplace: viMine } },
    lng: 'en', fallbackLng: 'en', ns: ['orders', 'marketplace'], defaultNS: 'orders', interpolation: { escapeValue: false },
  });
  // As i18n.ts merges them.
  for (const [lang, mine] of [['en', enMine], ['vi', viMine]] as const) {
    for (const [target, w] of Object.entries(mine.into)) i18n.addResourceBundle(lang, target, w, true, false);
  }
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const typed = (data: TimelineData): TimelineEntryDto => ({ id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: null, runId: null });
const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], (iso) => iso);

describe('marketplace timeline sentences (seed 002), vi and en', () => {
  it('says stock taken, restocked on cancellation, not restocked at the store, and a recorded return', () => {
    const placed: TimelineData = { kind: 'inventory', reason: 'order_placed', location: 'default', lines: [{ sku: 'AT-001-M', delta: -2, onHand: 8 }] };
    expect(say('en', placed)).toBe('Stock taken for the order: AT-001-M −2 (on hand 8)');
    expect(say('vi', placed)).toBe('Đã trừ kho cho đơn: AT-001-M −2 (tồn 8)');
    const cancelled: TimelineData = { kind: 'inventory', reason: 'cancelled', location: 'default', lines: [{ sku: 'AT-001-M', delta: 2, onHand: 10 }] };
    expect(say('en', cancelled)).toBe('Order cancelled: the items were restocked — AT-001-M +2 (on hand 10)');
    expect(say('vi', cancelled)).toBe('Đơn đã hủy: đã nhập lại kho — AT-001-M +2 (tồn 10)');
    const atStore: TimelineData = { kind: 'inventory', reason: 'cancelled', location: 'default', lines: [], skipped: 'processed_at_store' };
    expect(say('en', atStore)).toBe('Order cancelled: nothing restocked, the order is processed at the store');
    expect(say('vi', atStore)).toBe('Đơn đã hủy: không nhập lại kho vì đơn được xử lý tại cửa hàng');
    expect(say('vi', { kind: 'inventory', reason: 'return_recorded', location: 'default', lines: [{ sku: 'A', delta: 1, onHand: 9 }] })).toBe('Đã ghi nhận trả hàng: đã nhập lại kho — A +1 (tồn 9)');
    expect(viewTimelineEntry(typed(atStore)).tone).toBe('neutral');
  });

  it('says a reported return with its payment word and refund, and that nothing was restocked', () => {
    const back: TimelineData = { kind: 'return', status: 'partial', refundedAmount: '150000.00', currency: 'VND', quantity: 1 };
    expect(say('en', back)).toMatch(/^The marketplace reported a return: Partially returned \(1 item\), refunded .*150,000.*; nothing restocked until you record the return$/);
    expect(say('vi', back)).toMatch(/^Sàn báo trả hàng: Trả hàng một phần \(1 sản phẩm\), hoàn tiền .*150[.,]000.*; chưa nhập lại kho/);
    expect(viewTimelineEntry(typed(back)).labelKey).toBe('timeline.kind.return');
    expect(words.vi('timeline.kind.return')).toBe('Trả hàng');
  });

  it('says "Process at the store" turned on and off', () => {
    expect(say('en', { kind: 'process_at_store', on: true })).toBe('“Process at the store” turned on: the order\'s status is no longer synced back to the marketplace');
    expect(say('vi', { kind: 'process_at_store', on: false })).toBe('Đã tắt “Xử lý tại cửa hàng”');
  });
});
