import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../contract/index.ts';
import { deriveOrderEvents } from '../../domain/order-events.ts';
import type { MappedSettings } from '../field-mapping/mapped-settings.ts';
import { ladisalesAdapter, ladisalesSettings } from './ladisales-adapter.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/ladisales/order.json', import.meta.url));
const objectAddress = () => JSON.parse(readFileSync(new URL('../../../test/fixtures/ladisales/order-address-object.json', import.meta.url), 'utf8')) as { action: string; data: Record<string, unknown> };
const sample = (over: Record<string, unknown> = {}) => ({ ...(JSON.parse(fixture.toString()) as Record<string, unknown>), ...over });
const token = 'ls_tok_5b0f2c9e71d84a3f';
const settings = (over: Record<string, unknown> = {}) => ladisalesSettings.parse(over) as MappedSettings;
const conn = (s = settings(), secrets: Record<string, string> = { urlToken: token }) => ({ id: 'con_1', platform: 'ladisales' as const, storeId: 'shop-ladi', store: 'Shop', secrets, settings: s as unknown as Record<string, unknown> });
const delivery = (body: Buffer | string, path = `/hooks/con_1?token=${token}`, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ method: 'POST', path, headers, body: Buffer.from(body) });
const normalize = (payload: unknown, previous: Order | null = null, s = settings()) =>
  ladisalesAdapter.normalize(payload, { topic: 'order', connectionId: 'con_1', storeId: 'shop-ladi', settings: s as unknown as Record<string, unknown>, previous });

describe('the LadiSales adapter', () => {
  it('verifies the secret token in the URL (LadiSales signs nothing), and the header secret when set', () => {
    expect(ladisalesAdapter.verify(delivery(fixture), conn())).toEqual({ ok: true, detail: 'secret token in the URL verified' });
    expect(ladisalesAdapter.verify(delivery(fixture, '/hooks/con_1'), conn())).toMatchObject({ ok: false, reason: expect.stringContaining('missing ?token=') });
    expect(ladisalesAdapter.verify(delivery(fixture, '/hooks/con_1?token=guess'), conn())).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    const withHeader = conn(settings(), { urlToken: token, headerSecret: 'h-secret' });
    expect(ladisalesAdapter.verify(delivery(fixture), withHeader)).toMatchObject({ ok: false, reason: expect.stringContaining('missing X-Flowdesk-Secret header') });
    expect(ladisalesAdapter.verify(delivery(fixture, undefined, { 'x-flowdesk-secret': 'h-secret' }), withHeader).ok).toBe(true);
    const apiKey = conn(settings({ headerName: 'Api-Key' }), { urlToken: token, headerSecret: 'h-secret' });
    expect(ladisalesAdapter.verify(delivery(fixture, undefined, { 'api-key': 'h-secret' }), apiKey)).toEqual({ ok: true, detail: 'secret token in the URL and Api-Key header verified' });
  });

  it('cannot tell a tampered body: there is no signature, only the secrets (reference §8)', () => {
    const tampered = Buffer.from(fixture.toString().replace('670000', '1'));
    expect(ladisalesAdapter.verify(delivery(tampered), conn()).ok).toBe(true);
  });

  it('reads JSON (with or without a BOM) and form bodies; an empty body is an error', () => {
    expect(ladisalesAdapter.parse(delivery(`\uFEFF${fixture.toString()}`))).toMatchObject({ order_id: 38291045 });
    expect(ladisalesAdapter.parse(delivery('name=Lan&phone=0987', undefined, { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual({ name: 'Lan', phone: '0987' });
    expect(() => ladisalesAdapter.parse(delivery(''))).toThrow('the body is empty');
    expect(() => ladisalesAdapter.parse(delivery('{nope'))).toThrow();
  });

  it('identifies every delivery as an order, keyed by order id + updated_at, else by the bytes', () => {
    const d = delivery(fixture);
    expect(ladisalesAdapter.identify(d, sample())).toEqual({ topic: 'order', deliveryKey: 'version:order:38291045@2026-11-20T02:15:02.000Z', tenant: '4321', handled: true });
    const wrapped = { action: 'update', data: sample() };
    expect(ladisalesAdapter.identify(d, wrapped).deliveryKey).toBe('version:order:38291045@2026-11-20T02:15:02.000Z');
    const unversioned = sample({ updated_at: null });
    expect(ladisalesAdapter.identify(d, unversioned).deliveryKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ladisalesAdapter.identify(d, undefined)).toMatchObject({ topic: 'order', deliveryKey: expect.stringMatching(/^sha256:/), tenant: null });
  });

  it('takes the topic from a mapped field when the connection says so, and ignores topics that carry no order', () => {
    const s = settings({ topic: { source: 'action', value: 'update' }, orderTopics: ['create', 'update'] });
    const del = delivery(JSON.stringify({ action: 'delete', data: { order_id: 1 } }));
    expect(ladisalesAdapter.verify(del, conn(s)).ok).toBe(true);
    expect(ladisalesAdapter.identify(del, { action: 'delete', data: { order_id: 1 } }, conn(s))).toMatchObject({
      topic: 'delete',
      handled: false,
      note: 'topic "delete" is not one of this connection\'s order topics (create, update); answered 200 and not processed',
    });
    const upd = delivery(JSON.stringify({ action: 'Update', data: sample() }));
    expect(ladisalesAdapter.identify(upd, { action: 'Update', data: sample() }, conn(s))).toMatchObject({ topic: 'Update', handled: true, deliveryKey: 'version:Update:38291045@2026-11-20T02:15:02.000Z' });
  });

  it('maps the order with the default mapping', () => {
    const { order, warnings } = normalize(sample());
    expect(warnings).toBeUndefined();
    expect(deriveOrderEvents(null, order)).toEqual(['order.created']);
    expect(order).toMatchObject({
      platform: 'ladisales',
      storeId: 'shop-ladi',
      platformOrderId: '38291045',
      number: '10452',
      createdAt: '2026-11-20T02:15:02.000Z',
      updatedAt: '2026-11-20T02:15:02.000Z',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      deliveryStatus: 'none',
      paymentMethod: 'COD',
      cashOnDelivery: true,
      platformStatus: 'Open',
      cancelledAt: null,
      subtotalPrice: '690000',
      totalDiscounts: '50000',
      totalPrice: '670000',
      totalTax: '0',
      currency: 'VND',
      salesChannel: 'LadiSales',
      note: 'Giao giờ hành chính',
      customer: { platformCustomerId: '989898940', name: 'Nguyễn Văn Minh', email: 'Minh.Nguyen@Example.vn', emailVerified: false, phone: '0912345678' },
      shippingAddress: { name: 'Nguyễn Văn Minh', address1: '12 Ngõ 34 Trần Thái Tông', address2: 'Tầng 3', ward: 'Phường Dịch Vọng Hậu', district: 'Quận Cầu Giấy', province: 'Hà Nội', countryCode: 'VN', zip: '100000', company: null },
    });
    expect(order.lineItems).toEqual([
      { id: '77120931', productId: '46765', variantId: '2048', sku: 'AT-M-W', title: 'Áo thun cổ tròn', variantTitle: 'M / Trắng', quantity: 2, price: '250000', tags: [], properties: [] },
      { id: '77120932', productId: '46767', variantId: '2051', sku: 'MU-DEN', title: 'Mũ lưỡi trai', variantTitle: 'Đen', quantity: 1, price: '190000', tags: [], properties: [] },
    ]);
  });

  it('reads the order under data (or data.order), times without an offset in Vietnam time', () => {
    const { order } = normalize({ action: 'create', data: { order: sample({ created_at: '2026-11-20 09:15:02', updated_at: '2026-11-20 09:15:02' }) } });
    expect(order).toMatchObject({ platformOrderId: '38291045', createdAt: '2026-11-20T02:15:02.000Z' });
  });

  it('reads a shipping_address sent as an object (name, phone, address1, ward, district, city), without a warning', () => {
    const { order, warnings } = normalize(objectAddress());
    expect(warnings).toBeUndefined();
    expect(order).toMatchObject({ platformOrderId: '38291046', number: '10453', cashOnDelivery: true, financialStatus: 'pending' });
    expect(order.shippingAddress).toEqual({
      name: 'Nguyễn Văn Minh',
      firstName: null,
      lastName: null,
      phone: '0912345678',
      company: null,
      address1: '12 Ngõ 34 Trần Thái Tông',
      address2: null,
      ward: 'Phường Dịch Vọng Hậu',
      district: 'Quận Cầu Giấy',
      city: 'Hà Nội',
      province: 'Hà Nội',
      provinceCode: null,
      country: null,
      countryCode: null,
      zip: null,
    });
  });

  it('leaves an optional field of an unexpected shape empty with a warning, instead of failing the delivery', () => {
    const p = objectAddress();
    p.data['shipping_address'] = { street: '12 Ngõ 34', ward: { id: 1690, name: 'Phường Dịch Vọng Hậu' }, phone: '0912345678' };
    p.data['customer_email'] = ['a@example.vn'];
    const { order, warnings } = normalize(p);
    expect(order).toMatchObject({ platformOrderId: '38291046', customer: { email: null, phone: '0912345678' }, totalPrice: '670000' });
    expect(order.shippingAddress).toMatchObject({ phone: '0912345678', address1: null, ward: null });
    expect(warnings).toEqual([
      'customer.email: data.customer_email is a list, not text; left empty',
      'shippingAddress.address1: data.shipping_address is an object, not text; left empty',
      'shippingAddress.ward: data.shipping_address.ward is an object, not text; left empty',
    ]);
    // The mapping saved with a connection before object addresses were read: the same delivery
    // now maps, with the message as a warning rather than a dead delivery.
    const before = settings({ mapping: settings().mapping.map((r) => (r.target === 'shippingAddress.address1' ? { target: r.target, source: ['shipping_address', 'address'], optional: true } : r)) });
    const old = normalize(objectAddress(), null, before);
    expect(old.order.platformOrderId).toBe('38291046');
    expect(old.warnings).toEqual(['shippingAddress.address1: data.shipping_address is an object, not text; left empty']);
  });

  it('treats a COD order as unpaid until payment_status says collected; shipping_status gives fulfilment and delivery', () => {
    const first = normalize(sample()).order;
    expect(first).toMatchObject({ cashOnDelivery: true, financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none' });
    const shipped = normalize(sample({ shipping_status: 'Delivering', updated_at: '2026-11-20T03:00:00.000Z' }), first).order;
    expect(shipped).toMatchObject({ financialStatus: 'pending', fulfillmentStatus: 'fulfilled', deliveryStatus: 'in_transit' });
    expect(deriveOrderEvents(first, shipped)).toEqual(['order.updated', 'order.fulfilled']);
    const delivered = normalize(sample({ shipping_status: 'Delivered', updated_at: '2026-11-21T03:00:00.000Z' }), shipped).order;
    expect(delivered.financialStatus).toBe('pending');
    expect(deriveOrderEvents(shipped, delivered)).toEqual(['order.updated', 'order.delivered']);
    const collected = normalize(sample({ shipping_status: 'Delivered', payment_status: 'Success', updated_at: '2026-11-21T04:00:00.000Z' }), delivered).order;
    expect(deriveOrderEvents(delivered, collected)).toEqual(['order.updated', 'order.paid']);
    const cancelled = normalize(sample({ status: 'Canceled', updated_at: '2026-11-20T04:00:00.000Z' }), first);
    expect(cancelled.order).toMatchObject({ platformStatus: 'Canceled', cancelledAt: '2026-11-20T04:00:00.000Z', financialStatus: 'pending' });
    expect(deriveOrderEvents(first, cancelled.order)).toEqual(['order.updated', 'order.cancelled']);
    const unknownWord = normalize(sample({ payment_status: 'PartialPaid' }));
    expect(unknownWord.order.financialStatus).toBe('unknown');
    expect(unknownWord.warnings).toEqual(['financialStatus: "PartialPaid" is not in the status table (statuses.payment); read as unknown']);
  });

  it('fails with a readable reason only when a required field cannot be read; other fields are warnings', () => {
    const noId = sample();
    delete noId['order_id'];
    expect(() => normalize(noId)).toThrow(
      'platformOrderId: none of the paths order_id, id found in the payload (order_id: no "order_id" in the payload, which has reference_no, store_id, status',
    );
    expect(() => normalize(sample({ order_id: { id: 1 } }))).toThrow('platformOrderId: order_id is an object, not text');
    expect(() => normalize(sample({ total: 'một trăm' }))).toThrow('totalPrice: total is "một trăm", not a decimal number such as 12.50 (no thousands separators)');
    const s = settings({ mapping: [...settings().mapping, { target: 'customer.zaloUserId', source: 'data.buyer.zalo' }] });
    const { order, warnings } = normalize(sample(), null, s);
    expect(order.customer?.zaloUserId).toBeNull();
    expect(warnings).toEqual(['customer.zaloUserId: path data.buyer.zalo not found in the payload (no "data" in the payload, which has order_id, reference_no, store_id, status, payment_status, payment_method, shipping_status, currency_code, … (38 keys)); left empty']);
  });

  it('has defaults for every setting and says how to set LadiSales up', () => {
    const s = settings();
    expect(s.orderRoot).toEqual(['data.order', 'data', '']);
    expect(s.topic).toEqual({ value: 'order' });
    expect(s.utcOffset).toBe('+07:00');
    expect(s.statuses.payment['Success']).toBe('paid');
    expect(s.statuses.delivery).toMatchObject({ Delivering: 'in_transit', Delivered: 'delivered', DeliveryFailed: 'delivery_failed', Returned: 'returned' });
    expect(s.mapping.find((r) => r.target === 'paymentMethod')).toEqual({ target: 'paymentMethod', source: 'payment_method', optional: true });
    expect(ladisalesAdapter.secrets.map((x) => [x.name, x.optional ?? false])).toEqual([['urlToken', false], ['headerSecret', true]]);
    expect(ladisalesAdapter.setup.join(' ')).toContain('?token=');
  });
});
