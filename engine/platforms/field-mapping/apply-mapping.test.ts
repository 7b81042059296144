import { describe, expect, it } from 'vitest';
import { applyMapping, chooseRoot } from './apply-mapping.ts';
import { FieldMapping } from './mapping-schema.ts';

const opts = { utcOffset: '+07:00' };
const payload = {
  event: 'order.placed',
  data: {
    order: {
      uid: 55012,
      placed_at: '20/11/2026 09:15:02',
      total: '405000',
      items: [
        { name: 'Bình', qty: '2', unit_price: 180000 },
        { name: 'Túi', unit_price: '45000' },
      ],
      labels: 'zalo, khach-quen',
      label_list: ['a', 'b'],
    },
    buyer: { name: 'Lan', mail: null, phone: '0987' },
  },
};
const rules = (list: unknown) => FieldMapping.parse(list);
const base = [
  { target: 'platformOrderId', source: 'data.order.uid' },
  { target: 'createdAt', source: 'data.order.placed_at' },
  { target: 'totalPrice', source: 'data.order.total' },
];

describe('applying a field mapping', () => {
  it('reads scalars by path and converts them to what each target holds', () => {
    const r = applyMapping(payload, rules(base), opts);
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({ platformOrderId: '55012', createdAt: '2026-11-20T02:15:02.000Z', totalPrice: '405000' });
  });

  it('says which target, which path, and where the path stopped (a field that is not required: a warning)', () => {
    const r = applyMapping(payload, rules([...base, { target: 'customer.email', source: 'data.buyer.email' }, { target: 'customer.phone', source: 'data.customer.phone' }]), opts);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([
      'customer.email: path data.buyer.email not found in the payload (no "email" in data.buyer, which has name, mail, phone); left empty',
      'customer.phone: path data.customer.phone not found in the payload (no "customer" in data, which has order, buyer); left empty',
    ]);
    expect(r.values).not.toHaveProperty('customer.email');
  });

  it('tells a null value from a missing key', () => {
    const r = applyMapping(payload, rules([...base, { target: 'customer.email', source: 'data.buyer.mail' }]), opts);
    expect(r.warnings).toEqual(['customer.email: path data.buyer.mail has no value in the payload (it is null); left empty']);
  });

  it('skips optional targets, falls back to constants, and tries alternative paths in order', () => {
    const r = applyMapping(
      payload,
      rules([
        ...base,
        { target: 'customer.email', source: 'data.buyer.mail', optional: true },
        { target: 'currency', source: 'data.order.currency', value: 'VND' },
        { target: 'salesChannel', value: 'Tiki' },
        { target: 'customer.phone', source: ['data.buyer.mobile', 'data.buyer.phone'] },
      ]),
      opts,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.values).toMatchObject({ currency: 'VND', salesChannel: 'Tiki', 'customer.phone': '0987' });
    expect(r.values).not.toHaveProperty('customer.email');
    const none = applyMapping(payload, rules([...base, { target: 'customer.phone', source: ['data.buyer.mobile', 'data.buyer.tel'] }]), opts);
    expect(none.warnings).toEqual([
      'customer.phone: none of the paths data.buyer.mobile, data.buyer.tel found in the payload (data.buyer.mobile: no "mobile" in data.buyer, which has name, mail, phone; data.buyer.tel: no "tel" in data.buyer, which has name, mail, phone); left empty',
    ]);
  });

  it('applies transforms and reports values of the wrong kind', () => {
    const r = applyMapping(payload, rules([...base, { target: 'customer.name', source: 'data.buyer.name', transform: 'uppercase' }, { target: 'subtotalPrice', source: 'data.buyer' }]), opts);
    expect(r.values['customer.name']).toBe('LAN');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['subtotalPrice: data.buyer is an object, not a number; left empty']);
  });

  it('leaves an optional field of the wrong shape empty, with a warning, and reads the rest', () => {
    const shipped = { ...payload, data: { ...payload.data, shipping_address: { address1: '12 Ngõ 34', ward: 'Phường Dịch Vọng Hậu' } } };
    const r = applyMapping(
      shipped,
      rules([...base, { target: 'shippingAddress.address1', source: 'data.shipping_address', optional: true }, { target: 'customer.name', source: 'data.buyer.name' }]),
      opts,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['shippingAddress.address1: data.shipping_address is an object, not text; left empty']);
    expect(r.values).not.toHaveProperty('shippingAddress.address1');
    expect(r.values).toMatchObject({ platformOrderId: '55012', 'customer.name': 'Lan' });
  });

  it('fails on a required field of the wrong shape: the order id, its creation time, its total', () => {
    const r = applyMapping(
      payload,
      rules([{ target: 'platformOrderId', source: 'data.order.items' }, { target: 'createdAt', source: 'data.buyer.name' }, { target: 'totalPrice', source: 'data.buyer' }, { target: 'customer.phone', source: 'data.buyer' }]),
      opts,
    );
    expect(r.problems).toEqual([
      'platformOrderId: data.order.items is a list, not text',
      'createdAt: data.buyer.name is "Lan", not a time this mapping reads (ISO 8601, Unix seconds or milliseconds, or dd/mm/yyyy hh:mm:ss)',
      'totalPrice: data.buyer is an object, not a number',
    ]);
    expect(r.warnings).toEqual(['customer.phone: data.buyer is an object, not text; left empty']);
  });

  it('tries the next path when one is present but of another shape, so one rule reads text or an object', () => {
    const rule = { target: 'shippingAddress.address1', source: ['data.shipping_address', 'data.shipping_address.address1'], optional: true };
    const asObject = applyMapping({ data: { ...payload.data, shipping_address: { address1: '12 Ngõ 34' } } }, rules([...base, rule]), opts, '');
    expect(asObject.values['shippingAddress.address1']).toBe('12 Ngõ 34');
    expect(asObject.warnings).toEqual([]);
    const asText = applyMapping({ data: { ...payload.data, shipping_address: '45 Lê Lợi' } }, rules([...base, rule]), opts);
    expect(asText.values['shippingAddress.address1']).toBe('45 Lê Lợi');
    const neither = applyMapping({ data: { ...payload.data, shipping_address: { line: 'x' } } }, rules([...base, rule]), opts);
    expect(neither.warnings).toEqual(['shippingAddress.address1: data.shipping_address is an object, not text; left empty']);
  });

  it('maps every element of a list with its sub-mapping, naming the element in problems', () => {
    const items = {
      target: 'lineItems',
      source: 'data.order.items[]',
      fields: [
        { target: 'title', source: 'name' },
        { target: 'quantity', source: 'qty' },
        { target: 'price', source: 'unit_price' },
      ],
    };
    const r = applyMapping(payload, rules([...base, items]), opts);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['lineItems[1].quantity: path data.order.items[1].qty not found in the payload (no "qty" in data.order.items[1], which has name, unit_price); left empty']);
    const optionalQty = { ...items, fields: [items.fields[0], { ...items.fields[1], optional: true }, items.fields[2]] };
    const ok = applyMapping(payload, rules([...base, optionalQty]), opts);
    expect(ok.problems).toEqual([]);
    expect(ok.values['lineItems']).toEqual([
      { title: 'Bình', quantity: 2, price: '180000' },
      { title: 'Túi', price: '45000' },
    ]);
    const notAList = applyMapping(payload, rules([...base, { ...items, source: 'data.buyer[]' }]), opts);
    expect(notAList.warnings).toEqual(['lineItems: path data.buyer[] not found in the payload (data.buyer is an object, not a list); left empty']);
    // A line item's title and price are required: of the wrong shape, they fail the delivery.
    const badItems = { data: { ...payload.data, order: { ...payload.data.order, items: [{ name: { vi: 'Bình' }, qty: 1, unit_price: 1, sku: ['x'] }] } } };
    const withSku = { ...items, fields: [...items.fields, { target: 'sku', source: 'sku' }] };
    const bad = applyMapping(badItems, rules([...base, withSku]), opts);
    expect(bad.problems).toEqual(['lineItems[0].title: data.order.items[0].name is an object, not text']);
    expect(bad.warnings).toEqual(['lineItems[0].sku: data.order.items[0].sku is a list, not text; left empty']);
  });

  it('reads tags from a list, from a path with [], or from comma-separated text', () => {
    const at = (source: string) => applyMapping(payload, rules([...base, { target: 'tags', source }]), opts).values['tags'];
    expect(at('data.order.labels')).toEqual(['zalo', 'khach-quen']);
    expect(at('data.order.label_list')).toEqual(['a', 'b']);
    expect(at('data.order.items[].name')).toEqual(['Bình', 'Túi']);
  });

  it('reads relative to the order root, and names full paths', () => {
    const root = chooseRoot({ action: 'update', data: { id: 7 } }, ['data.order', 'data', '']);
    expect(root).toEqual({ value: { id: 7 }, at: 'data' });
    expect(chooseRoot({ id: 7 }, ['data.order', 'data', ''])).toEqual({ value: { id: 7 }, at: '' });
    const r = applyMapping(root.value, rules([{ target: 'platformOrderId', source: 'id' }, { target: 'createdAt', source: 'created_at' }, { target: 'totalPrice', value: 0 }]), opts, root.at);
    expect(r.values).toMatchObject({ platformOrderId: '7', totalPrice: '0' });
    expect(r.problems).toEqual(['createdAt: path data.created_at not found in the payload (no "created_at" in data, which has id)']);
  });
});
