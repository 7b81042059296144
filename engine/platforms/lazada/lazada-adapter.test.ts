import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lazadaAdapter } from './lazada-adapter.ts';
import { LazadaSettings } from './lazada-settings.ts';

const read = (name: string) => readFileSync(new URL(`../../../test/fixtures/lazada/${name}`, import.meta.url));
const push = read('push-trade-order.json');
const appKey = '112233';
const appSecret = 'lazada-unit-secret';
const sign = (body: Buffer, key = appKey, secret = appSecret) => createHmac('sha256', secret).update(key).update(body).digest('hex');
const settings = LazadaSettings.parse({ appKey });
const conn = { id: 'c', platform: 'lazada' as const, storeId: '1234567', store: 'Demo', secrets: { appSecret, accessToken: 't' }, settings };
const delivery = (body: Buffer, headers: Record<string, string> = {}) => ({ method: 'POST', path: '/hooks/c', headers, body });

describe('Lazada push verification', () => {
  it('accepts the lowercase hex HMAC-SHA256 of app_key + raw body', () => {
    expect(lazadaAdapter.verify(delivery(push, { authorization: sign(push) }), conn)).toEqual({ ok: true, detail: 'Authorization verified (HMAC-SHA256 of app_key + body)' });
    // Compared as bytes, so an uppercase copy of the same digest is the same signature.
    expect(lazadaAdapter.verify(delivery(push, { authorization: sign(push).toUpperCase() }), conn).ok).toBe(true);
  });

  it('refuses a missing header, another secret, another app key, a tampered body and garbage', () => {
    expect(lazadaAdapter.verify(delivery(push), conn)).toEqual({ ok: false, reason: 'missing Authorization header (Lazada signs every push in it)' });
    const wrongSecret = lazadaAdapter.verify(delivery(push, { authorization: sign(push, appKey, 'other') }), conn);
    expect(wrongSecret).toEqual({ ok: false, reason: 'Authorization does not match app_key + body signed with this connection\'s app secret' });
    expect(lazadaAdapter.verify(delivery(push, { authorization: sign(push, '999') }), conn).ok).toBe(false);
    const tampered = Buffer.from(push.toString().replace('pending', 'delivered'));
    expect(lazadaAdapter.verify(delivery(tampered, { authorization: sign(push) }), conn).ok).toBe(false);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(push.toString()), null, 1));
    expect(lazadaAdapter.verify(delivery(reformatted, { authorization: sign(push) }), conn).ok).toBe(false);
    expect(lazadaAdapter.verify(delivery(push, { authorization: `Bearer ${sign(push)}` }), conn)).toMatchObject({ ok: false, reason: expect.stringContaining('64-character hex') });
  });

  it('says what is missing when the connection has no app key', () => {
    const noKey = { ...conn, settings: LazadaSettings.parse({}) };
    expect(lazadaAdapter.verify(delivery(push, { authorization: sign(push) }), noKey)).toMatchObject({ ok: false, reason: expect.stringContaining('"appKey"') });
  });
});

describe('Lazada push identity', () => {
  it('keys a trade-order push by seller, order, status and status_update_time', () => {
    const id = lazadaAdapter.identify(delivery(push), JSON.parse(push.toString()));
    expect(id).toEqual({
      topic: 'message_type 0',
      deliveryKey: 'event:lazada/1234567/260422900198363/pending@1603698638',
      tenant: '1234567',
      handled: true,
    });
    // Another item of the same order reaching the same status at the same time is the same news.
    const otherLine = JSON.parse(push.toString());
    otherLine.data.trade_order_line_id = '260422900298364';
    expect(lazadaAdapter.identify(delivery(push), otherLine).deliveryKey).toBe(id.deliveryKey);
  });

  it('keys reverse-order pushes apart from the forward ones', () => {
    const reverse = JSON.parse(push.toString());
    reverse.data.reverse_order_id = '99887766';
    expect(lazadaAdapter.identify(delivery(push), reverse).deliveryKey).toBe('event:lazada/1234567/260422900198363/reverse 99887766/pending@1603698638');
  });

  it('answers other message types without processing them, saying why', () => {
    const seller = read('push-seller-status.json');
    expect(lazadaAdapter.identify(delivery(seller), JSON.parse(seller.toString()))).toMatchObject({ topic: 'message_type 13', handled: false, note: 'Lazada message_type 13: seller status', tenant: '1234567' });
    const token = lazadaAdapter.identify(delivery(seller), { seller_id: '1234567', message_type: 8, data: {} });
    expect(token.note).toContain('access token');
    expect(lazadaAdapter.identify(delivery(seller), { seller_id: 1, msg_type: '99', data: {} })).toMatchObject({ topic: 'message_type 99', handled: false });
    expect(lazadaAdapter.identify(delivery(seller), { hello: 'world' })).toMatchObject({ topic: null, handled: false, note: 'Lazada push: no message_type' });
    const broken = lazadaAdapter.identify(delivery(seller), { seller_id: '1', message_type: 0, data: { trade_order_id: '5' } });
    expect(broken).toMatchObject({ topic: 'message_type 0', handled: false });
    expect(broken.deliveryKey).toMatch(/^sha256:/);
  });
});

describe('Lazada settings', () => {
  it('defaults to seed 002\'s store status table and the Vietnamese gateway', () => {
    const d = LazadaSettings.parse({});
    expect(d.apiBaseUrl).toBe('https://api.lazada.vn/rest');
    expect(d.salesChannel).toBe('Lazada');
    expect(d.storeStatuses.map((r) => [r.lazada, r.storeStatus])).toEqual([
      ['Pending', 'Chưa giao hàng'],
      ['Ready to ship', 'Chờ giao hàng'],
      ['In transit', 'Đang giao hàng'],
      ['Delivered', 'Đã giao hàng'],
      ['Delivered failed', 'Hủy giao hàng'],
    ]);
    // Each parse gets its own copy of the table.
    d.storeStatuses[0]!.statuses.push('x');
    expect(LazadaSettings.parse({}).storeStatuses[0]!.statuses).not.toContain('x');
  });
});
