import { describe, expect, it } from 'vitest';
import { fold, insertAt, insideLiquid, problemExcerpt, snippetFor, withoutPlace } from './template-text.ts';

describe('template text helpers', () => {
  it('inserts at the caret or over the selection, and puts the caret after the insert', () => {
    expect(insertAt('Xin chào !', 9, 9, '{{ customer.name }}')).toEqual({ text: 'Xin chào {{ customer.name }}!', caret: 28 });
    expect(insertAt('a XX b', 2, 4, '{{ x }}')).toEqual({ text: 'a {{ x }} b', caret: 9 });
    expect(insertAt('abc', 99, 99, '!')).toEqual({ text: 'abc!', caret: 4 });
  });

  it('knows when a comma belongs to Liquid rather than ending a tag', () => {
    expect(insideLiquid('{{ order.tags | join: ')).toBe(true);
    expect(insideLiquid('VIP-{{ order.currency }}')).toBe(false);
    expect(insideLiquid('{% if order.test ')).toBe(true);
    expect(insideLiquid('plain')).toBe(false);
  });

  it('inserts lists joined, and lists of records as their count', () => {
    const all = [{ path: 'order.tags' }, { path: 'order.lineItems' }, { path: 'order.lineItems[0].title' }];
    expect(snippetFor({ path: 'customer.email', type: 'text' }, all)).toBe('{{ customer.email }}');
    expect(snippetFor({ path: 'order.tags', type: 'list' }, all)).toBe("{{ order.tags | join: ', ' }}");
    expect(snippetFor({ path: 'order.lineItems', type: 'list' }, all)).toBe('{{ order.lineItems | size }}');
  });

  it('picks out the offending token on its line', () => {
    const problem = { kind: 'unknown_variable' as const, message: 'unknown variable "order.totl" at line 2, column 10', line: 2, col: 10, token: 'order.totl' };
    expect(problemExcerpt('Xin chào\nTổng: {{ order.totl }}', problem)).toEqual({ before: 'Tổng: {{ ', mark: 'order.totl', after: ' }}' });
    expect(problemExcerpt('x', { ...problem, line: null, col: null })).toBeNull();
    expect(withoutPlace(problem.message)).toBe('unknown variable "order.totl"');
  });

  it('folds Vietnamese for search', () => {
    expect(fold('Nguyễn Thị Lan, Đà Nẵng')).toBe('nguyen thi lan, da nang');
  });
});
