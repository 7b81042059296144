import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEntryDto } from '../../engine/contract/index.ts';
import enEditor from '../i18n/locales/en/editor.json';
import enOrders from '../i18n/locales/en/orders.json';
import enRuns from '../i18n/locales/en/runs.json';
import enMine from '../i18n/locales/en/customer-actions.json';
import viEditor from '../i18n/locales/vi/editor.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viRuns from '../i18n/locales/vi/runs.json';
import viMine from '../i18n/locales/vi/customer-actions.json';
import { timelineSentence } from './timeline-sentence.ts';

const words: Record<'en' | 'vi', TFunction> = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, runs: enRuns, editor: enEditor }, vi: { orders: viOrders, runs: viRuns, editor: viEditor } },
    lng: 'en', fallbackLng: 'en', ns: ['orders', 'runs', 'editor'], defaultNS: 'orders', interpolation: { escapeValue: false },
  });
  // As i18n.ts merges them.
  for (const [lang, mine] of [['en', enMine], ['vi', viMine]] as const) {
    for (const target of ['editor', 'orders', 'runs'] as const) i18n.addResourceBundle(lang, target, mine[target], true, false);
  }
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const time = (iso: string) => `<${iso}>`;
const typed = (data: TimelineData): TimelineEntryDto => ({ id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: null, runId: 'run_1' });
const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], time);

describe('the customer actions on the timeline', () => {
  it('says which field was set to what, by which flow', () => {
    const set: TimelineData = { kind: 'customer_field', field: 'fields.hạng', value: 'vàng', previous: null, flowName: 'Rank' };
    expect(say('en', set)).toBe('Customer field “hạng” set to vàng by “Rank”');
    expect(say('vi', set)).toBe('Luồng “Rank” đặt trường “hạng” của khách hàng là vàng');
    expect(say('vi', { kind: 'customer_field', field: 'emailVerified', value: true, flowName: null })).toBe('email đã xác minh của khách hàng được đặt là có');
    expect(say('en', { kind: 'customer_field', field: 'zaloInteractedAt', value: '2026-11-20T01:00:00.000Z', flowName: 'Zalo' }))
      .toBe('Customer\'s last Zalo interaction set to <2026-11-20T01:00:00.000Z> by “Zalo”');
    expect(say('en', { kind: 'customer_field', field: 'fields.hạng', value: null, flowName: null })).toBe('Customer field “hạng” cleared');
  });

  it('says an enrolment and a leaving with the runs they started or cancelled', () => {
    expect(say('en', { kind: 'sequence', change: 'enrolled', sequence: 'Chăm sóc', runs: 1, flowName: 'Enrol' })).toBe('Customer enrolled in sequence “Chăm sóc”: 1 flow started');
    expect(say('vi', { kind: 'sequence', change: 'left', sequence: 'Chăm sóc', runs: 2, flowName: 'Stop' })).toBe('Khách hàng rời chuỗi “Chăm sóc”: hủy 2 lượt chạy đang chờ');
    expect(say('en', { kind: 'sequence', change: 'enrolled', sequence: 'X', runs: 0, flowName: null })).toBe('Customer enrolled in sequence “X”: no active flow of it to start');
  });

  it('words the new skip and cancel reasons in both languages', () => {
    const cancelled: TimelineData = { kind: 'run', status: 'cancelled', flowName: 'Care', reason: 'x', reasonCode: 'left_sequence', reasonArgs: { sequence: 'Chăm sóc' } };
    expect(say('vi', cancelled)).toBe('Luồng “Care” đã bị hủy: khách hàng đã rời chuỗi “Chăm sóc”');
    const loop: TimelineData = { kind: 'step', nodeId: 'start', nodeType: 'flowdesk.start_flow', status: 'skipped', reasonCode: 'flow_chain_too_deep', reasonArgs: { depth: '6' } };
    expect(say('en', loop)).toBe('Start another flow: skipped: 6 flows in a row started each other, which looks like a loop: not started');
    const bad: TimelineData = { kind: 'step', nodeId: 'f', nodeType: 'flowdesk.update_customer_field', status: 'skipped', reasonCode: 'field_value_invalid', reasonArgs: { value: 'ba mươi', type: 'number' } };
    expect(say('vi', bad)).toBe('Cập nhật trường khách hàng: bỏ qua vì “ba mươi” không phải một số');
  });
});
