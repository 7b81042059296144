import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { WriteAction, type TimelineData, type TimelineEntryDto } from '../../engine/contract/index.ts';
import enEditor from '../i18n/locales/en/editor.json';
import enOrders from '../i18n/locales/en/orders.json';
import enRuns from '../i18n/locales/en/runs.json';
import enMine from '../i18n/locales/en/write-back.json';
import viEditor from '../i18n/locales/vi/editor.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viRuns from '../i18n/locales/vi/runs.json';
import viMine from '../i18n/locales/vi/write-back.json';
import { waitReasonWords } from '../flow-editor/runs/wait-reason-words.ts';
import { timelineSentence } from './timeline-sentence.ts';
import { viewTimelineEntry } from './timeline-entry-view.ts';

const words: Record<'en' | 'vi', TFunction> = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, runs: enRuns, editor: enEditor }, vi: { orders: viOrders, runs: viRuns, editor: viEditor } },
    lng: 'en', fallbackLng: 'en', ns: ['orders', 'runs', 'editor'], defaultNS: 'orders', interpolation: { escapeValue: false },
  });
  // As i18n.ts merges them.
  for (const [lang, mine] of [['en', enMine], ['vi', viMine]] as const) {
    for (const [target, w] of Object.entries(mine.into)) i18n.addResourceBundle(lang, target, w, true, false);
  }
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const time = (iso: string) => `<${iso}>`;
const typed = (data: TimelineData): TimelineEntryDto => ({ id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: 7, runId: 'run_1' });
const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], time);

describe('write-back on the timeline', () => {
  it('says what the platform was asked to do and what it answered, or that it was done already', () => {
    const wb: TimelineData = { kind: 'write_back', platform: 'shopify', action: 'order.tags.add', answer: 'tags VIP added', already: false, connectionName: 'My shop', flowName: null };
    expect(say('vi', wb)).toBe('Shopify: đã thêm thẻ đơn hàng — tags VIP added');
    expect(say('en', wb)).toBe('Shopify: added order tags — tags VIP added');
    expect(say('vi', { ...wb, already: true, flowName: 'VIP' })).toBe('Shopify: đã thêm thẻ đơn hàng — đã có sẵn trên Shopify, không gửi lại (do luồng “VIP”)');
    expect(say('en', { ...wb, answer: null, platform: null })).toBe('My shop: added order tags');
    expect(viewTimelineEntry(typed(wb))).toMatchObject({ icon: 'upload', labelKey: 'timeline.kind.write_back' });
  });

  it('says an echo started no flow, and how a fetched delivery came in', () => {
    const echo: TimelineData = { kind: 'echo', actions: ['order.tags.add'], flowNames: ['VIP'] };
    expect(say('vi', echo)).toBe('Phản hồi từ thay đổi của chính Flowdesk (đã thêm thẻ đơn hàng, do “VIP”): không chạy luồng nào');
    expect(say('en', { ...echo, flowNames: [] })).toBe('Echo of Flowdesk’s own change (added order tags): no flow run');
    const fetched: TimelineData = { kind: 'delivery', topic: 'orders/updated', verdict: 'accepted', signature: null, connectionName: 'My shop', source: 'reconciled' };
    expect(say('vi', fetched)).toBe('Lấy qua API từ kết nối My shop (đối soát)');
    expect(say('en', { ...fetched, source: 'polled', connectionName: null })).toBe('Fetched through the API (polling)');
    const view = viewTimelineEntry(typed(fetched));
    expect(view).toMatchObject({ labelKey: 'timeline.kind.delivery_reconciled', signature: null, tone: 'good' });
    expect(words.vi(view.labelKey)).toBe('Lấy qua API (đối soát)');
  });

  it('words the new reasons in Vietnamese', () => {
    const step: TimelineData = { kind: 'step', nodeId: 'n', nodeType: 'store.cancel_order', label: null, status: 'skipped', reason: 'x', reasonCode: 'write_back_off', reasonArgs: { connection: 'My shop', platform: 'Shopify' } };
    expect(say('vi', step)).toBe('Hủy đơn hàng: bỏ qua vì kết nối “My shop” chưa bật ghi ngược: bật trong Kết nối → Truy cập API để luồng thay đổi được đơn Shopify');
    const run: TimelineData = { kind: 'run', status: 'skipped', flowName: 'VIP', reason: 'x', reasonCode: 'order_loop', reasonArgs: { runs: '5', seconds: '60' } };
    expect(say('vi', run)).toContain('có vẻ là vòng lặp');
    expect(waitReasonWords(words.vi, { nodeId: 'n', reason: 'x', reasonCode: 'waiting_for_network', reasonArgs: { provider: 'Shopify' } })).toBe('Shopify: không kết nối được, đang chờ mạng');
    for (const action of WriteAction.options) expect(words.vi(`timeline.writeBack.${action}`)).not.toBe(words.en(`timeline.writeBack.${action}`));
  });
});
