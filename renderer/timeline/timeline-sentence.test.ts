import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineData, TimelineDataOf, TimelineEntryDto } from '../../engine/contract/index.ts';
import enEditor from '../i18n/locales/en/editor.json';
import enOrders from '../i18n/locales/en/orders.json';
import enRuns from '../i18n/locales/en/runs.json';
import viEditor from '../i18n/locales/vi/editor.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viRuns from '../i18n/locales/vi/runs.json';
import { timelineSentence } from './timeline-sentence.ts';

const words: Record<'en' | 'vi', TFunction> = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  // The app's own words and settings (i18n.ts), without the DOM it touches.
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, runs: enRuns, editor: enEditor }, vi: { orders: viOrders, runs: viRuns, editor: viEditor } },
    lng: 'en',
    fallbackLng: 'en',
    ns: ['orders', 'runs', 'editor'],
    defaultNS: 'orders',
    interpolation: { escapeValue: false },
  });
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const time = (iso: string) => `<${iso}>`;

function typed(data: TimelineData): TimelineEntryDto {
  return { id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: null, runId: 'run_1' };
}

const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], time);
const run = { kind: 'run', flowId: 'flow_1', flowName: 'VIP', flowVersion: 3 } as const;
const step = { kind: 'step', nodeId: 'n1', nodeType: 'logic.compare', label: 'Total over threshold' } as const;
const due = '2026-01-02T09:30:00.000Z';

describe('timelineSentence', () => {
  it('says what a run did, in English and Vietnamese', () => {
    expect(say('en', { ...run, status: 'running' })).toBe('Flow “VIP” started (version 3)');
    expect(say('vi', { ...run, status: 'running' })).toBe('Luồng “VIP” bắt đầu chạy (phiên bản 3)');
    expect(say('en', { ...run, status: 'succeeded' })).toBe('Flow “VIP” finished');
    expect(say('en', { ...run, status: 'failed', error: 'boom' })).toBe('Flow “VIP” failed: boom');
    expect(say('vi', { ...run, status: 'failed', error: 'boom' })).toBe('Luồng “VIP” chạy thất bại: boom');
    expect(say('en', { ...run, status: 'failed' })).toBe('Flow “VIP” failed');
    expect(say('en', { ...run, status: 'waiting', dueAt: due })).toBe(`Flow “VIP” waits until <${due}>`);
    expect(say('vi', { ...run, status: 'waiting', dueAt: due })).toBe(`Luồng “VIP” đang chờ đến <${due}>`);
    expect(say('en', { ...run, status: 'cancelled', reason: 'flow deleted' })).toBe('Flow “VIP” cancelled: flow deleted');
    expect(say('vi', { ...run, status: 'cancelled', reason: 'flow deleted' })).toBe('Luồng “VIP” đã bị hủy: flow deleted');
    expect(say('en', { ...run, status: 'skipped', reason: 'no email' })).toBe('Flow “VIP” not run: no email');
    expect(say('en', { kind: 'run', status: 'queued', flowId: 'flow_9', flowName: null })).toBe('Flow “flow_9” queued');
  });

  it('names the step a run failed at instead of repeating its cause', () => {
    const failed = { ...run, status: 'failed', error: 'Send HTTP request failed: Body: unknown variable "order.custmer" at line 1, column 12', failedStep: { label: null, nodeType: 'http.request', typeLabel: 'Send HTTP request' } } as const;
    expect(say('en', failed)).toBe('Flow “VIP” stopped: step “Send HTTP request” failed (why is on the step)');
    expect(say('vi', { ...failed, failedStep: { ...failed.failedStep, label: 'Báo kho' } })).toBe('Luồng “VIP” dừng lại: bước “Báo kho” thất bại (lý do ghi ở bước đó)');
  });

  it('says what a step did, with its port, its reason, its due time or what it would do', () => {
    expect(say('en', { ...step, status: 'done', port: 'yes' })).toBe('Total over threshold: done → Yes');
    expect(say('vi', { ...step, status: 'done', port: 'yes' })).toBe('Total over threshold: xong → Có');
    expect(say('en', { ...step, status: 'done', port: 'out' })).toBe('Total over threshold: done');
    expect(say('en', { ...step, status: 'skipped', reason: 'no phone' })).toBe('Total over threshold: skipped: no phone');
    expect(say('vi', { ...step, status: 'skipped', reason: 'no phone' })).toBe('Total over threshold: bỏ qua vì no phone');
    expect(say('en', { ...step, status: 'failed', reason: 'boom' })).toBe('Total over threshold: failed: boom');
    expect(say('en', { ...step, status: 'waiting', dueAt: due })).toBe(`Total over threshold: waits until <${due}>`);
    const wouldDo: TimelineDataOf<'step'> = { ...step, label: null, nodeType: 'flowdesk.add_order_tag', status: 'done', wouldDo: ['order.addTags', 'http.request'] };
    expect(say('en', wouldDo)).toBe('Add order tag — would do: add order tag, send an HTTP request');
    expect(say('vi', { ...wouldDo, label: 'Gắn VIP' })).toBe('Gắn VIP — sẽ làm: thêm thẻ đơn hàng, gửi yêu cầu HTTP');
    expect(say('en', { ...wouldDo, wouldDo: ['crm.sync'] })).toBe('Add order tag — would do: crm.sync');
  });

  it('names a step by its type when the user gave it no name, and says to whom it sent', () => {
    const sms: TimelineDataOf<'step'> = { kind: 'step', nodeId: 'sms', nodeType: 'sms.send', label: null, typeLabel: 'Send SMS', status: 'done', did: [{ kind: 'sms.send', to: '0912345678' }] };
    expect(say('en', sms)).toBe('Send SMS: sent to 0912345678');
    expect(say('vi', { ...sms, label: 'Nhắn khách' })).toBe('Nhắn khách: đã gửi tới 0912345678');
    expect(say('en', { ...sms, did: undefined })).toBe('Send SMS: done');
    expect(say('en', { ...sms, typeLabel: null, did: undefined })).toBe('Send: done');
  });

  it('tells order tags from customer tags, and tags already there', () => {
    const tag: TimelineDataOf<'tag_added'> = { kind: 'tag_added', tags: ['VIP'], added: ['VIP'], target: 'order', flowName: 'Big orders' };
    expect(say('en', tag)).toBe('Tag VIP added to the order by “Big orders”');
    expect(say('vi', tag)).toBe('Luồng “Big orders” đã thêm thẻ VIP vào đơn hàng');
    expect(say('en', { ...tag, tags: ['VIP', 'Gold'], added: ['VIP', 'Gold'], flowName: null })).toBe('Tags VIP, Gold added to the order');
    expect(say('en', { ...tag, target: 'customer' })).toBe('Tag VIP added to the customer by “Big orders”');
    expect(say('vi', { ...tag, target: 'customer' })).toBe('Luồng “Big orders” đã thêm thẻ VIP cho khách hàng');
    expect(say('en', { ...tag, added: [] })).toBe('The order already had tag VIP');
    expect(say('vi', { ...tag, target: 'customer', added: [] })).toBe('Khách hàng đã có sẵn thẻ VIP');
  });

  it('says notes, customers, new orders and stale deliveries', () => {
    expect(say('en', { kind: 'note', text: 'Call before delivery', by: 'VIP' })).toBe('Call before delivery');
    expect(say('en', { kind: 'customer', customerId: 'c1', change: 'created', who: 'jon@example.com' })).toBe('Customer jon@example.com created from this order');
    expect(say('vi', { kind: 'customer', customerId: 'c1', change: 'updated', who: 'jon@example.com' })).toBe('Đã cập nhật khách hàng jon@example.com từ đơn này');
    expect(say('en', { kind: 'customer', customerId: null, change: 'created' })).toBe('A new customer was created from this order');
    const created = { kind: 'order_created', number: '#1001', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none' } as const;
    expect(say('en', created)).toBe('Order #1001 recorded: Pending · Unfulfilled · Not shipped');
    expect(say('vi', { kind: 'order_created', number: '#1001' })).toBe('Đã ghi nhận đơn #1001');
    const stale = { kind: 'stale_delivery', incomingUpdatedAt: 'a', storedUpdatedAt: 'b' } as const;
    expect(say('en', stale)).toBe('Older than what Flowdesk has (updated <a>, stored <b>): not applied');
    expect(say('vi', stale)).toContain('không áp dụng');
  });

  it('leaves deliveries and status changes to their drawn facts, naming the connection when known', () => {
    expect(say('en', { kind: 'delivery', topic: 'orders/paid', verdict: 'accepted', signature: null })).toBeNull();
    expect(say('en', { kind: 'delivery', topic: 'orders/paid', verdict: 'accepted', signature: null, connectionName: 'My shop' })).toBe('Received from My shop');
    expect(say('en', { kind: 'status_change', changes: {} })).toBeNull();
  });

  it('shows an old entry’s English title when its facts are lost', () => {
    const old: TimelineEntryDto = { ...typed({ kind: 'note', text: null }), kind: 'run', data: null, legacyTitle: 'Flow "VIP" finished' };
    expect(timelineSentence(old, words.vi, time)).toBe('Flow "VIP" finished');
    expect(timelineSentence({ ...old, kind: 'note', data: { kind: 'note', text: null }, legacyTitle: 'Old note' }, words.en, time)).toBe('Old note');
  });
});

describe('a run skipped or cancelled for a reason the engine names by code', () => {
  it('says the reason in the user’s language, and keeps the engine’s English where there is no code', () => {
    const cancelled = { ...run, status: 'cancelled', reason: 'the flow was turned off', reasonCode: 'flow_turned_off' } as const;
    expect(say('vi', cancelled)).toContain('luồng đã bị tắt');
    expect(say('en', cancelled)).toContain('the flow was turned off');
    const skipped = { ...run, status: 'skipped', reason: 'store "Shop" has no Haravan connection, which this flow uses', reasonCode: 'missing_connection', reasonArgs: { store: 'Shop', platforms: 'Haravan' } } as const;
    expect(say('vi', skipped)).toContain('cửa hàng “Shop” chưa có kết nối Haravan');
    expect(say('vi', { ...run, status: 'skipped', reason: 'an old reason' })).toContain('an old reason');
  });
});

describe('a step skipped for a reason the engine names by code', () => {
  it('says why in the user’s language', () => {
    const skipped = { ...step, status: 'skipped', reason: 'no phone number: the order (shipping, billing) and its customer have none', reasonCode: 'no_phone' } as const;
    expect(say('vi', skipped)).toContain('không có số điện thoại');
    expect(say('en', skipped)).toContain('no phone number');
    expect(say('vi', { ...step, status: 'skipped', reason: 'x', reasonCode: 'bad_email', reasonArgs: { address: 'lan@' } })).toContain('“lan@” không phải địa chỉ email');
  });
  it('says a template that failed in a step\'s field in the user\'s words: the field by its title, the problem and its place', () => {
    const failed = {
      kind: 'step', nodeId: 'n_http', nodeType: 'http.request', label: null, status: 'failed', reason: 'Body: unknown variable "order.totl" at line 1, column 4',
      reasonCode: 'template_failed',
      reasonArgs: { field: 'body', fieldTitle: 'Body', problem: 'unknown_variable', token: 'order.totl', line: '1', col: '4', message: 'unknown variable "order.totl" at line 1, column 4' },
    } as const;
    expect(say('vi', failed)).toContain('Nội dung: không có biến “order.totl” (dòng 1, cột 4)');
    expect(say('en', failed)).toContain('Body: unknown variable "order.totl" at line 1, column 4');
    // A filter's own failure keeps its words.
    const runtime = { ...failed, reasonArgs: { ...failed.reasonArgs, problem: 'runtime', message: 'filter "money": not a number' } };
    expect(say('vi', runtime)).toContain('Nội dung: filter "money": not a number');
  });
});
