import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import type { MappedSettings } from '../field-mapping/mapped-settings.ts';
import { catchhookAdapter, catchhookSettings } from './catchhook-adapter.ts';

const read = (name: string) => readFileSync(new URL(`../../../test/fixtures/catchhook/${name}`, import.meta.url), 'utf8');
const body = Buffer.from(read('foreign-order.json'));
const userSettings = JSON.parse(read('foreign-mapping.json')) as Record<string, unknown>;
const payload = () => JSON.parse(body.toString()) as { event: string; data: { order: Record<string, unknown>; buyer: Record<string, unknown> } };
const token = 'ch_tok_1d9e44b07a2c';
const settings = (over: Record<string, unknown> = userSettings) => catchhookSettings.parse(over) as MappedSettings;
const conn = (s: MappedSettings, secrets: Record<string, string> = { urlToken: token }) => ({ id: 'con_h', platform: 'catchhook' as const, storeId: 'tiki-export', store: 'Shop', secrets, settings: s as unknown as Record<string, unknown> });
const delivery = (path = `/hooks/con_h?token=${token}`, headers: Record<string, string> = {}) => ({ method: 'POST', path, headers, body });
const normalize = (p: unknown, s: MappedSettings, previous: Order | null = null) =>
  catchhookAdapter.normalize(p, { topic: 'order.placed', connectionId: 'con_h', storeId: 'tiki-export', settings: s as unknown as Record<string, unknown>, previous });

describe('the catch hook adapter', () => {
  it('defaults to the minimum an order needs, at guessed paths', () => {
    const s = settings({});
    expect(s.mapping).toEqual([
      { target: 'platformOrderId', source: 'id' },
      { target: 'createdAt', source: 'created_at' },
      { target: 'totalPrice', source: 'total' },
    ]);
    const { order } = normalize({ id: 7, created_at: '2026-11-20T02:15:02Z', total: 12.5 }, s);
    expect(order).toMatchObject({ platform: 'catchhook', platformOrderId: '7', number: '7', totalPrice: '12.5', salesChannel: 'Catch hook', customer: null, lineItems: [] });
    expect(catchhookAdapter.setup.join('\n')).toContain('"target": "lineItems", "source": "data.order.items[]"');
  });

  it('verifies the URL token and the optional header secret the same way as LadiSales', () => {
    const s = settings();
    expect(catchhookAdapter.verify(delivery(), conn(s)).ok).toBe(true);
    expect(catchhookAdapter.verify(delivery('/hooks/con_h?token=nope'), conn(s)).ok).toBe(false);
    expect(catchhookAdapter.verify(delivery('/hooks/con_h'), conn(s)).ok).toBe(false);
    const withHeader = conn(s, { urlToken: token, headerSecret: 'sh' });
    expect(catchhookAdapter.verify(delivery(), withHeader).ok).toBe(false);
    expect(catchhookAdapter.verify(delivery(undefined, { 'x-flowdesk-secret': 'sh' }), withHeader).ok).toBe(true);
  });

  it('identifies with the connection\'s own settings: the mapped topic, and the mapped id + version', () => {
    const d = delivery();
    expect(catchhookAdapter.identify(d, payload(), conn(settings()))).toEqual({ topic: 'order.placed', deliveryKey: 'version:order.placed:F-55012@2026-11-20T02:15:02.000Z', tenant: null, handled: true });
    const other = delivery();
    expect(catchhookAdapter.identify(other, { ...payload(), event: 'customer.created' }, conn(settings()))).toMatchObject({ topic: 'customer.created', handled: false });
    // Without the connection (never on the ingest path) the defaults apply.
    expect(catchhookAdapter.identify(delivery(), payload())).toMatchObject({ topic: 'order', handled: true, deliveryKey: expect.stringMatching(/^sha256:/) });
  });

  it('maps a foreign payload with the user\'s mapping', () => {
    const { order, warnings } = normalize(payload(), settings());
    expect(warnings).toBeUndefined();
    expect(deriveOrderEvents(null, order)).toEqual(['order.created']);
    expect(order).toMatchObject({
      platformOrderId: 'F-55012',
      number: 'DH-55012',
      createdAt: '2026-11-20T02:15:02.000Z',
      updatedAt: '2026-11-20T02:15:02.000Z',
      platformStatus: 'moi',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      cashOnDelivery: false,
      paymentMethod: null,
      customer: { name: 'Trần Thị Lan', email: 'lan.tran@example.com', phone: '0987654321' },
      shippingAddress: { address1: '45 Lê Lợi', ward: 'Phường Bến Nghé', district: 'Quận 1', province: 'TP. Hồ Chí Minh' },
      totalPrice: '405000.5',
      currency: 'VND',
      salesChannel: 'Tiki export',
      tags: ['zalo', 'khach-quen'],
    });
    expect(order.lineItems.map((li) => [li.title, li.sku, li.quantity, li.price])).toEqual([
      ['Bình giữ nhiệt 500ml', 'BGN-500', 2, '180000.25'],
      ['Túi vải', null, 1, '45000'],
    ]);
  });

  it('derives paid and cancelled from the user\'s status table', () => {
    const first = normalize(payload(), settings()).order;
    const p = payload();
    p.data.order['payment'] = { state: 'da_thanh_toan', amount: 405000.5 };
    p.data.order['modified_at'] = '2026-11-20T10:00:00+07:00';
    expect(deriveOrderEvents(first, normalize(p, settings(), first).order)).toEqual(['order.updated', 'order.paid']);
    p.data.order['state'] = 'HUY';
    const cancelled = normalize(p, settings(), first);
    expect(deriveOrderEvents(first, cancelled.order)).toEqual(['order.updated', 'order.paid', 'order.cancelled']);
    expect(cancelled.order.cancelledAt).toBe('2026-11-20T03:00:00.000Z');
  });

  it('leaves a mapped field that is absent or of another shape empty, with the readable message as a warning', () => {
    const p = payload();
    delete p.data.buyer['mail'];
    p.data.buyer['addr'] = '45 Lê Lợi, Quận 1';
    const { order, warnings } = normalize(p, settings());
    expect(order).toMatchObject({ platformOrderId: 'F-55012', customer: { name: 'Trần Thị Lan', email: null }, shippingAddress: null });
    expect(warnings).toEqual(['customer.email: path data.buyer.mail not found in the payload (no "mail" in data.buyer, which has name, phone, addr); left empty']);
  });

  it('fails with the readable message when a required field cannot be read: the id, the creation time, the total, an item\'s price', () => {
    const p = payload();
    p.data.order['uid'] = { id: 'F-55012' };
    expect(() => normalize(p, settings())).toThrow('platformOrderId: data.order.uid is an object, not text');
    const items = payload();
    (items.data.order['items'] as Record<string, unknown>[])[1]!['unit_price'] = '45,000';
    expect(() => normalize(items, settings())).toThrow('lineItems[1].price: data.order.items[1].unit_price is "45,000", not a decimal number such as 12.50 (no thousands separators)');
  });
});
