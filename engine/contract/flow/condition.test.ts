import { describe, expect, it } from 'vitest';
import type { ConditionNodeInput } from './condition.ts';
import { evaluateCondition } from './evaluate-condition.ts';

/** Every operator of every rule type, one row each, against one Vietnamese order. */

const NOW = new Date('2026-02-10T12:00:00+07:00');

const data = {
  event: { type: 'order.paid', platform: 'haravan', occurredAt: '2026-02-10T11:00:00+07:00' },
  order: {
    number: '1001',
    totalPrice: '2000000',
    totalTax: '404.95',
    subtotalPrice: '2,000,000', // not the model's format: must not be read as a number
    createdAt: '2026-02-08T09:30:00+07:00',
    promisedAt: '2026-02-12T08:00:00+07:00',
    midnightUtc: '2026-01-31T17:30:00Z', // 00:30 on 1 February in Hồ Chí Minh City
    cancelledAt: null,
    badDate: 'yesterday',
    cashOnDelivery: true,
    test: false,
    legacyFlag: 'true',
    tags: ['VIP', 'Khách quen', 'pre-order'],
    noTags: [],
    note: '   ',
    shippingAddress: {
      province: 'Hồ Chí Minh',
      city: 'HỒ CHÍ MINH',
      decomposed: 'Hồ Chí Minh'.normalize('NFD'),
      district: 'Đà Nẵng',
      ward: null,
    },
    billingAddress: null,
    lineItems: [{ quantity: 2 }],
  },
  customer: { createdAt: '2026-02-01', tags: [] },
};

type Row = [label: string, rule: Omit<Extract<ConditionNodeInput, { type: string }>, 'id'>, expected: boolean, note?: RegExp];

function check(rule: Row[1], options: { timeZone?: string } = {}) {
  const verdict = evaluateCondition({ id: 'root', join: 'all', rules: [{ id: 'r', ...rule } as ConditionNodeInput] }, data, NOW, options);
  const entry = verdict.trace.find((t) => t.id === 'r')!;
  expect(entry.result).toBe(verdict.result);
  return entry;
}

function table(rows: Row[]) {
  it.each(rows)('%s', (_label, rule, expected, note) => {
    const entry = check(rule);
    expect(entry.result).toBe(expected);
    if (note) expect(entry.note).toMatch(note);
  });
}

const text = (field: string, operator: string, value?: string, flags: object = {}) => ({ field, type: 'text', operator, value, ...flags }) as Row[1];
const num = (field: string, operator: string, value?: number | string, value2?: number) => ({ field, type: 'number', operator, value, value2 }) as Row[1];
const date = (field: string, operator: string, value?: string | number, unit?: string) => ({ field, type: 'date', operator, value, unit }) as Row[1];
const bool = (field: string, operator: string) => ({ field, type: 'boolean', operator }) as Row[1];
const list = (field: string, operator: string, value?: string[], flags: object = {}) => ({ field, type: 'list', operator, value, ...flags }) as Row[1];

const P = 'order.shippingAddress.province';

describe('text rules, Vietnamese', () => {
  table([
    ['equals ignores case by default (vi lower-casing)', text(P, 'equals', 'HỒ CHÍ MINH'), true],
    ['equals an upper-case actual', text('order.shippingAddress.city', 'equals', 'Hồ Chí Minh'), true],
    ['equals with caseSensitive: same case', text(P, 'equals', 'Hồ Chí Minh', { caseSensitive: true }), true],
    ['equals with caseSensitive: other case', text(P, 'equals', 'HỒ CHÍ MINH', { caseSensitive: true }), false],
    ['equals: diacritics count by default', text(P, 'equals', 'ho chi minh'), false],
    ['equals with ignoreDiacritics', text(P, 'equals', 'HO CHI MINH', { ignoreDiacritics: true }), true],
    ['ignoreDiacritics maps đ to d', text('order.shippingAddress.district', 'equals', 'da nang', { ignoreDiacritics: true }), true],
    ['Đ lower-cases to đ', text('order.shippingAddress.district', 'equals', 'đà nẵng'), true],
    ['NFD actual equals NFC value', text('order.shippingAddress.decomposed', 'equals', 'Hồ Chí Minh'), true],
    ['surrounding spaces do not count', text(P, 'equals', '  hồ chí minh '), true],
    ['not_equals another city', text(P, 'not_equals', 'Hà Nội'), true],
    ['not_equals the same city in capitals', text(P, 'not_equals', 'HỒ CHÍ MINH'), false],
    ['contains a word', text(P, 'contains', 'chí'), true],
    ['contains without the accent', text(P, 'contains', 'chi'), false],
    ['contains without the accent, ignoreDiacritics', text(P, 'contains', 'chi', { ignoreDiacritics: true }), true],
    ['not_contains', text(P, 'not_contains', 'Nội'), true],
    ['not_contains a present word', text(P, 'not_contains', 'MINH'), false],
    ['starts_with', text(P, 'starts_with', 'hồ'), true],
    ['starts_with the end', text(P, 'starts_with', 'minh'), false],
    ['ends_with', text(P, 'ends_with', 'Minh'), true],
    ['ends_with the start', text(P, 'ends_with', 'hồ'), false],
    ['is_empty on blank text', text('order.note', 'is_empty'), true],
    ['is_empty on text', text(P, 'is_empty'), false],
    ['is_not_empty on text', text(P, 'is_not_empty'), true],
    ['is_not_empty on blank text', text('order.note', 'is_not_empty'), false],
    ['matches_regex, case-insensitive', text(P, 'matches_regex', '^h[ồo] chí'), true],
    ['matches_regex, caseSensitive', text(P, 'matches_regex', '^hồ', { caseSensitive: true }), false],
    ['matches_regex with ignoreDiacritics', text(P, 'matches_regex', '^ho chi minh$', { ignoreDiacritics: true }), true],
    ['matches_regex on a decomposed actual', text('order.shippingAddress.decomposed', 'matches_regex', '^Hồ .+ Minh$'), true],
    ['matches_regex: an invalid regex is false, not a throw', text(P, 'matches_regex', '(['), false, /invalid regular expression/],
    ['a number read as text', text('order.lineItems.0.quantity', 'equals', '2'), true],
    ['a list is not text', text('order.tags', 'contains', 'VIP'), false, /order\.tags is not text/],
  ]);
});

describe('number rules, money as numbers', () => {
  table([
    ['"2000000" > 1999999.5', num('order.totalPrice', 'gt', 1999999.5), true],
    ['"2000000" > 2000000', num('order.totalPrice', 'gt', 2000000), false],
    ['gte the same amount', num('order.totalPrice', 'gte', 2000000), true],
    ['lt', num('order.totalPrice', 'lt', 2000000.01), true],
    ['lt the same amount', num('order.totalPrice', 'lt', 2000000), false],
    ['lte', num('order.totalPrice', 'lte', 2000000), true],
    ['eq a decimal "404.95"', num('order.totalTax', 'eq', 404.95), true],
    ['neq', num('order.totalTax', 'neq', 404.9), true],
    ['neq the same amount', num('order.totalTax', 'neq', 404.95), false],
    ['between, inclusive at the top', num('order.totalTax', 'between', 400, 404.95), true],
    ['between, inclusive at the bottom', num('order.totalTax', 'between', 404.95, 500), true],
    ['between, bounds in either order', num('order.totalTax', 'between', 500, 400), true],
    ['between, outside', num('order.totalTax', 'between', 404.96, 500), false],
    ['a draft value typed as text', num('order.totalPrice', 'gte', '2000000'), true],
    ['an integer field', num('order.lineItems.0.quantity', 'gte', 2), true],
    ['thousand separators are not a number', num('order.subtotalPrice', 'gt', 0), false, /is not a number/],
    ['is_empty on a missing number', num('order.totalShipping', 'is_empty'), true, /order\.totalShipping is missing/],
    ['is_not_empty', num('order.totalPrice', 'is_not_empty'), true],
    ['is_not_empty on a missing number', num('order.totalShipping', 'is_not_empty'), false],
  ]);
});

describe('date rules, relative to the run time (2026-02-10 12:00 +07:00)', () => {
  table([
    ['before the next day', date('order.createdAt', 'before', '2026-02-09'), true],
    ['before its own day is false', date('order.createdAt', 'before', '2026-02-08'), false],
    ['after the day before', date('order.createdAt', 'after', '2026-02-07'), true],
    ['after its own day is false (whole days)', date('order.createdAt', 'after', '2026-02-08'), false],
    ['before a date-time with offset', date('order.createdAt', 'before', '2026-02-08T10:00:00+07:00'), true],
    ['after a UTC date-time (09:30+07 is after 02:00Z)', date('order.createdAt', 'after', '2026-02-08T02:00:00Z'), true],
    ['on_day', date('order.createdAt', 'on_day', '2026-02-08'), true],
    ['on_day another day', date('order.createdAt', 'on_day', '2026-02-09'), false],
    ['on_day in the shop zone: 17:30Z is the next day in Vietnam', date('order.midnightUtc', 'on_day', '2026-02-01'), true],
    ['on_day of a bare date actual', date('customer.createdAt', 'on_day', '2026-02-01'), true],
    ['within_last_days 3 (50.5 hours ago)', date('order.createdAt', 'within_last_days', 3), true],
    ['within_last_days 2', date('order.createdAt', 'within_last_days', 2), false],
    ['within_last_days in hours', date('order.createdAt', 'within_last_days', 51, 'hours'), true],
    ['within_last_days in hours, too short', date('order.createdAt', 'within_last_days', 50, 'hours'), false],
    ['within_last_days of a future date', date('order.promisedAt', 'within_last_days', 30), false],
    ['within_next_days 2 (44 hours ahead)', date('order.promisedAt', 'within_next_days', 2), true],
    ['within_next_days 1', date('order.promisedAt', 'within_next_days', 1), false],
    ['within_next_days in weeks', date('order.promisedAt', 'within_next_days', 1, 'weeks'), true],
    ['more_than_days_ago 2', date('order.createdAt', 'more_than_days_ago', 2), true],
    ['more_than_days_ago 3', date('order.createdAt', 'more_than_days_ago', 3), false],
    ['is_empty on null', date('order.cancelledAt', 'is_empty'), true, /order\.cancelledAt has no value/],
    ['is_not_empty on null', date('order.cancelledAt', 'is_not_empty'), false],
    ['is_not_empty', date('order.createdAt', 'is_not_empty'), true],
    ['not an ISO date', date('order.badDate', 'before', '2030-01-01'), false, /order\.badDate is not an ISO date/],
    ['a rule date that does not exist', date('order.createdAt', 'before', '2026-02-30'), false, /no valid date/],
  ]);

  it('reads calendar days in the time zone it is given', () => {
    expect(check(date('order.midnightUtc', 'on_day', '2026-01-31'), { timeZone: 'UTC' }).result).toBe(true);
    expect(check(date('order.midnightUtc', 'on_day', '2026-01-31')).result).toBe(false);
  });

  it('turns an unknown time zone into a false rule with a note', () => {
    const entry = check(date('order.createdAt', 'on_day', '2026-02-08'), { timeZone: 'Mars/Olympus' });
    expect(entry).toMatchObject({ result: false, note: expect.stringMatching(/could not evaluate/) });
  });
});

describe('boolean rules', () => {
  table([
    ['is_true on true', bool('order.cashOnDelivery', 'is_true'), true],
    ['is_false on true', bool('order.cashOnDelivery', 'is_false'), false],
    ['is_false on false', bool('order.test', 'is_false'), true],
    ['is_true on false', bool('order.test', 'is_true'), false],
    ['the text "true"', bool('order.legacyFlag', 'is_true'), true],
    ['is_false on a missing flag is false', bool('order.gift', 'is_false'), false, /order\.gift is missing/],
    ['text that is not a boolean', bool(P, 'is_true'), false, /is not true or false/],
  ]);
});

describe('list rules', () => {
  table([
    ['includes_any, case-insensitive', list('order.tags', 'includes_any', ['vip', 'wholesale']), true],
    ['includes_any of absent values', list('order.tags', 'includes_any', ['wholesale']), false],
    ['includes_any, caseSensitive', list('order.tags', 'includes_any', ['vip'], { caseSensitive: true }), false],
    ['includes_all', list('order.tags', 'includes_all', ['VIP', 'khách quen']), true],
    ['includes_all with one absent', list('order.tags', 'includes_all', ['VIP', 'wholesale']), false],
    ['excludes_all', list('order.tags', 'excludes_all', ['spam', 'blacklist']), true],
    ['excludes_all with one present', list('order.tags', 'excludes_all', ['spam', 'PRE-ORDER']), false],
    ['diacritics count by default', list('order.tags', 'includes_any', ['khach quen']), false],
    ['ignoreDiacritics', list('order.tags', 'includes_any', ['khach quen'], { ignoreDiacritics: true }), true],
    ['is_empty on an empty list', list('order.noTags', 'is_empty'), true],
    ['is_empty on a list', list('order.tags', 'is_empty'), false],
    ['is_not_empty', list('order.tags', 'is_not_empty'), true],
    ['is_not_empty on an empty list', list('customer.tags', 'is_not_empty'), false],
    ['excludes_all on a missing list is false', list('order.labels', 'excludes_all', ['x']), false, /order\.labels is missing/],
    ['text is not a list', list(P, 'includes_any', ['x']), false, /is not a list/],
  ]);
});

describe('missing fields', () => {
  table([
    ['a rule on a missing field is false', text('order.shippingAddress.street', 'equals', 'x'), false, /^order\.shippingAddress\.street is missing$/],
    ['even a negative one', text('order.shippingAddress.street', 'not_equals', 'x'), false],
    ['is_empty on a missing field is true', text('order.shippingAddress.street', 'is_empty'), true, /is missing/],
    ['is_not_empty on a missing field is false', text('order.shippingAddress.street', 'is_not_empty'), false],
    ['a path through null', text('order.billingAddress.province', 'contains', 'Hà'), false, /order\.billingAddress\.province is missing/],
    ['is_empty on null', text('order.shippingAddress.ward', 'is_empty'), true, /has no value/],
    ['not_contains on null', text('order.shippingAddress.ward', 'not_contains', 'x'), false],
  ]);

  it('shows the value it read', () => {
    expect(check(num('order.totalPrice', 'gte', 1)).actual).toBe('2000000');
    expect(check(list('order.tags', 'is_not_empty')).actual).toEqual(['VIP', 'Khách quen', 'pre-order']);
    expect(check(text('order.shippingAddress.street', 'is_empty'))).not.toHaveProperty('actual');
  });
});
