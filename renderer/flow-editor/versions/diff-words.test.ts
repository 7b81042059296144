import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../engine/contract/index.ts';
import type { FormField } from '../../canvas/core/schema-form.ts';
import en from '../../i18n/locales/en/versions.json';
import vi from '../../i18n/locales/vi/versions.json';
import { needWords, portName, stepName, valueWords, type DiffVocabulary } from './diff-words.ts';
import { flowFileName } from './download-file.ts';

const w: DiffVocabulary = {
  typeLabel: (type) => ({ 'logic.compare': 'Compare', 'http.request': 'Send HTTP request' })[type] ?? type,
  fieldTitle: (_type, key) => key.toUpperCase(),
  fieldOf: () => undefined,
  option: (value) => ({ gt: 'greater than', shopify: 'Shopify' })[value] ?? value,
  port: (_type, port) => ({ yes: 'Yes', no: 'No' })[port] ?? port,
  notSet: 'not set',
  empty: 'empty',
  yes: 'yes',
  no: 'no',
};
const field = (kind: FormField['kind']) => ({ kind }) as FormField;

describe('a diff in words', () => {
  it.each([
    ['not set', undefined, undefined, 'not set'],
    ['empty text', '', undefined, 'empty'],
    ['text, quoted', '2000000', undefined, '“2000000”'],
    ['a select shows its option word', 'gt', field('select'), 'greater than'],
    ['a tag list', ['VIP', 'Khách quen'], field('tags'), 'VIP, Khách quen'],
    ['a checklist shows option words', ['shopify'], field('checklist'), 'Shopify'],
    ['an empty list', [], field('tags'), 'empty'],
    ['a boolean', true, field('checkbox'), 'yes'],
    ['a number', 10, field('number'), '10'],
    ['long text is clipped to a line', 'x'.repeat(200), undefined, `“${'x'.repeat(79)}…”`],
    ['a nested value as compact JSON', { all: [{ field: 'order.totalPrice' }] }, undefined, '{"all":[{"field":"order.totalPrice"}]}'],
  ])('%s', (_what, value, f, words) => {
    expect(valueWords(value, f, w)).toBe(words);
  });

  const doc: FlowDocument = {
    name: 'x',
    nodes: [
      { id: 'big', type: 'logic.compare', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
      { id: 'post', type: 'http.request', typeVersion: 1, position: { x: 0, y: 0 }, params: {}, label: 'Báo kho' },
    ],
    edges: [],
  };

  it('names steps by their own name, else their type, and ports other than in/out', () => {
    expect(stepName('big', [doc], w)).toBe('“Compare”');
    expect(stepName('post', [doc], w)).toBe('“Báo kho”');
    expect(stepName('gone', [doc], w)).toBe('gone');
    expect(portName('big', 'yes', [doc], w)).toBe('“Compare” (Yes)');
    expect(portName('post', 'out', [doc], w)).toBe('“Báo kho”');
  });

  it('says which secret an exported file left out', () => {
    const words = { header: (h: string, s: string) => `${h} header of ${s}`, field: (f: string, s: string) => `${f} of ${s}` };
    expect(needWords({ nodeId: 'post', field: 'headers', header: 'Authorization' }, doc, w, words)).toBe('Authorization header of “Báo kho”');
    expect(needWords({ nodeId: 'big', field: 'apiKey' }, doc, w, words)).toBe('APIKEY of “Compare”');
  });

  it('has every English word in Vietnamese too', () => {
    const keys = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${at}${k}.`) : [`${at}${k}`.replace(/_(one|other)$/, '')]));
    expect(new Set(keys(vi))).toEqual(new Set(keys(en)));
  });
});

describe('the exported file name', () => {
  it.each([
    ['Tag big orders VIP', 3, 'tag-big-orders-vip-v3.flow.json'],
    ['Đơn lớn → gắn thẻ VIP', 1, 'don-lon-gan-the-vip-v1.flow.json'],
    ['!!!', 2, 'flow-v2.flow.json'],
  ])('%s v%i → %s', (name, version, file) => {
    expect(flowFileName(name, version)).toBe(file);
  });
});
