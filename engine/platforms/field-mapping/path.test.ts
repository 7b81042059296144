import { describe, expect, it } from 'vitest';
import { formatPath, joinPaths, lookup, lookupAll, parsePath } from './path.ts';

const payload = {
  data: {
    order: { code: 'DH-1', items: [{ name: 'A', qty: 1 }, { name: 'B' }, { qty: 3 }], empty: null, blank: '  ' },
    'odd.key': { 'tên khách': 'Lan' },
    tags: ['x', 'y'],
  },
};

describe('payload paths', () => {
  it('parses dotted keys, indexes, [] and quoted keys, and prints them back the same way', () => {
    expect(parsePath('data.order.items[]')).toMatchObject({ text: 'data.order.items[]', many: true });
    expect(parsePath('data.order.items[1].name').steps).toEqual([
      { kind: 'key', name: 'data' },
      { kind: 'key', name: 'order' },
      { kind: 'key', name: 'items' },
      { kind: 'index', index: 1 },
      { kind: 'key', name: 'name' },
    ]);
    expect(parsePath('data["odd.key"].tên khách').text).toBe('data["odd.key"].tên khách');
    expect(parsePath('$.data.tags').text).toBe('data.tags');
    expect(parsePath('').steps).toEqual([]);
    expect(parsePath('$').text).toBe('$');
    for (const p of ['a.b[0].c', 'a[]', '[]', '[0].name']) expect(formatPath(parsePath(p).steps)).toBe(p);
  });

  it('refuses malformed paths with the position', () => {
    expect(() => parsePath('data..order')).toThrow('bad path "data..order": empty key at position 6');
    expect(() => parsePath('data.')).toThrow('nothing after "."');
    expect(() => parsePath('items[x]')).toThrow('"[x]" is neither [], [number] nor ["key"]');
    expect(() => parsePath('items[0')).toThrow('"[" without "]"');
    expect(() => parsePath('items[0]name')).toThrow('"n" must follow "." or be inside [ ]');
  });

  it('reads one value, and says where a missing path stopped', () => {
    expect(lookup(payload, parsePath('data.order.code'))).toEqual({ found: true, value: 'DH-1' });
    expect(lookup(payload, parsePath('data.order.items[1].name'))).toEqual({ found: true, value: 'B' });
    expect(lookup(payload, parsePath('data["odd.key"]["tên khách"]'))).toEqual({ found: true, value: 'Lan' });
    expect(lookup(payload, parsePath('data.buyer.mail'))).toEqual({ found: false, empty: false, detail: 'no "buyer" in data, which has order, odd.key, tags' });
    expect(lookup(payload, parsePath('data.order.code.x'))).toMatchObject({ detail: 'data.order.code is string "DH-1", not an object' });
    expect(lookup(payload, parsePath('data.order.items[5]'))).toMatchObject({ detail: 'data.order.items has 3 elements' });
    expect(lookup(payload, parsePath('data.order[0]'))).toMatchObject({ detail: 'data.order is an object, not a list' });
    expect(lookup(payload, parsePath('data.order.items[]'))).toMatchObject({ found: false });
    expect(lookup('text', parsePath('a'))).toMatchObject({ detail: 'the payload is string "text", not an object' });
  });

  it('treats null and blank text as present but empty', () => {
    expect(lookup(payload, parsePath('data.order.empty'))).toEqual({ found: false, empty: true, detail: 'it is null' });
    expect(lookup(payload, parsePath('data.order.blank'))).toMatchObject({ found: false, empty: true });
  });

  it('names full locations when reading inside an element', () => {
    expect(lookup({ qty: 3 }, parsePath('name'), 'data.order.items[2]')).toMatchObject({ detail: 'no "name" in data.order.items[2], which has qty' });
    expect(joinPaths('data.items[2]', 'name')).toBe('data.items[2].name');
    expect(joinPaths('data.items[2]', '[0]')).toBe('data.items[2][0]');
    expect(joinPaths('', 'name')).toBe('name');
    expect(joinPaths('data', '$')).toBe('data');
  });

  it('reads every element of a list with its location, leaving out elements without the field', () => {
    expect(lookupAll(payload, parsePath('data.order.items[]'))).toEqual({
      found: true,
      items: [
        { value: { name: 'A', qty: 1 }, at: 'data.order.items[0]' },
        { value: { name: 'B' }, at: 'data.order.items[1]' },
        { value: { qty: 3 }, at: 'data.order.items[2]' },
      ],
    });
    expect(lookupAll(payload, parsePath('data.order.items[].name'))).toEqual({
      found: true,
      items: [
        { value: 'A', at: 'data.order.items[0].name' },
        { value: 'B', at: 'data.order.items[1].name' },
      ],
    });
    expect(lookupAll(payload, parsePath('data.tags'))).toMatchObject({ found: true, items: [{ value: 'x' }, { value: 'y' }] });
    expect(lookupAll(payload, parsePath('data.order.empty[]'))).toEqual({ found: true, items: [] });
    expect(lookupAll(payload, parsePath('data.order.code[]'))).toEqual({ found: false, detail: 'data.order.code is string "DH-1", not a list' });
    expect(lookupAll(payload, parsePath('data.nope[]'))).toMatchObject({ found: false, detail: 'no "nope" in data, which has order, odd.key, tags' });
  });
});
