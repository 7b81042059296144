import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FieldMapping } from './mapping-schema.ts';
import { mappedSettings } from './mapped-settings.ts';

const base = [
  { target: 'platformOrderId', source: 'id' },
  { target: 'createdAt', source: 'created_at' },
  { target: 'totalPrice', source: 'total' },
];
const messages = (value: unknown) => {
  const r = FieldMapping.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('the field mapping setting', () => {
  it('accepts the minimum and a full rule set', () => {
    expect(messages(base)).toEqual([]);
    expect(
      messages([
        ...base,
        { target: 'customer.email', source: ['buyer.mail', 'email'], transform: ['trim', 'lowercase'], optional: true },
        { target: 'currency', value: 'VND' },
        { target: 'tags', source: 'labels[].name' },
        { target: 'lineItems', source: 'items[]', fields: [{ target: 'title', source: 'name' }, { target: 'price', source: 'price', transform: 'decimal' }] },
      ]),
    ).toEqual([]);
  });

  it('explains each mistake a user can make', () => {
    expect(messages([base[0], base[1]])).toEqual(['the mapping needs a rule for totalPrice']);
    expect(messages([...base, { target: 'customer.mail', source: 'x' }])[0]).toContain('Invalid option');
    expect(messages([...base, { target: 'customer.email' }])).toEqual(['customer.email: give a source path or a constant value']);
    expect(messages([...base, { target: 'customer.email', source: 'buyers[].mail' }])).toEqual([
      'customer.email: buyers[].mail names every element of a list, but customer.email takes one value (use [0] for the first element)',
    ]);
    expect(messages([...base, { target: 'customer.email', source: 'a..b' }])).toEqual(['bad path "a..b": empty key at position 3']);
    expect(messages([...base, { target: 'lineItems', source: 'items[]' }])).toEqual(['lineItems: give a sub-mapping (fields) for each element']);
    expect(messages([...base, { target: 'lineItems', source: 'items[]', fields: [{ target: 'title', source: 'name' }] }])).toEqual(['lineItems: the sub-mapping needs a rule for price']);
    expect(messages([...base, { target: 'note', source: 'n', fields: [] }])).toEqual(['note: only lineItems takes a sub-mapping (fields)']);
    expect(messages([...base, { target: 'platformOrderId', source: 'order_id' }])).toEqual([
      'two rules for platformOrderId; keep one (list several source paths in it instead)',
    ]);
    expect(messages([...base, { target: 'note', source: 'n', transform: 'upper' }])).toEqual(['a transform (string, decimal, integer, lowercase, uppercase, trim, date, boolean) or a list of them']);
  });

  it('gives every setting a default, and describes itself as JSON Schema for the connection form', () => {
    const schema = mappedSettings({ mapping: FieldMapping.parse(base), orderRoot: [''], statuses: {}, currency: 'VND', salesChannel: 'X', utcOffset: 'Z' });
    const s = schema.parse({});
    expect(s).toMatchObject({ orderRoot: [''], topic: { value: 'order' }, orderTopics: ['order'], headerName: 'X-Flowdesk-Secret', currency: 'VND', tenantSource: null });
    expect(s.statuses).toEqual({ order: {}, payment: {}, fulfillment: {}, delivery: {} });
    // Settings saved before the delivery table existed still parse, with it empty.
    expect(schema.parse({ statuses: { payment: { ok: 'paid' } } }).statuses).toEqual({ order: {}, payment: { ok: 'paid' }, fulfillment: {}, delivery: {} });
    expect(schema.safeParse({ statuses: { delivery: { giao: 'shipped' } } }).success).toBe(false);
    expect(schema.parse({ mapping: [...base, { target: 'deliveryStatus', source: 's' }, { target: 'paymentMethod', source: 'p' }, { target: 'cashOnDelivery', source: 'c' }] }).mapping).toHaveLength(6);
    s.mapping.push({ target: 'note', source: 'n' });
    expect(schema.parse({}).mapping).toHaveLength(3);
    expect(schema.safeParse({ headerName: 'X Secret' }).success).toBe(false);
    expect(schema.safeParse({ utcOffset: '7' }).success).toBe(false);
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toContain('mapping');
  });
});
