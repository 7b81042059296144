import { describe, expect, it } from 'vitest';
import { stringifyWith } from './json.ts';

describe('stringifyWith', () => {
  it('writes the same JSON as stringifying the whole object, with the big value serialized beforehand', () => {
    const order = { number: '#1001', lineItems: [{ sku: 'A', title: 'Áo "thun"' }], note: null };
    const json = JSON.stringify(order);
    const rest = { type: 'order.created', previous: null, tags: ['VIP'] };
    expect(JSON.parse(stringifyWith(rest, 'order', json))).toEqual({ ...rest, order });
    expect(JSON.parse(stringifyWith({}, 'order', json))).toEqual({ order });
  });
});
