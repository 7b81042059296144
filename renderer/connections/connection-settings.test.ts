import { describe, expect, it } from 'vitest';
import { listText, recordRows, rowsRecord, settingFields, textList } from './connection-settings.ts';

const schema = {
  type: 'object',
  properties: {
    appKey: { type: 'string', default: '', title: 'App key', description: 'Signs every push.' },
    apiBaseUrl: { type: 'string', default: 'https://api' },
    locked: { default: null, anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
    statuses: {
      type: 'array',
      default: [],
      items: { type: 'object', properties: { lazada: { type: 'string', title: 'Lazada status' }, statuses: { type: 'array', items: { type: 'string' } }, storeStatus: { type: 'string' } } },
    },
    channels: { type: 'object', default: {}, propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } },
    other: { type: 'object', default: {}, properties: { x: { type: 'number' } } },
  },
};

describe('settingFields', () => {
  it('puts text no default can stand for up front, and gives each setting the control its schema calls for', () => {
    const fields = settingFields(schema);
    expect(fields.map((f) => [f.field.key, f.control.kind, f.upFront])).toEqual([
      ['appKey', 'text', true],
      ['apiBaseUrl', 'text', false],
      ['locked', 'select', false],
      ['statuses', 'rows', false],
      ['channels', 'record', false],
      ['other', 'json', false],
    ]);
    expect(fields[2]!.control).toEqual({ kind: 'select', options: ['a', 'b'], nullable: true });
    const rows = fields[3]!.control;
    expect(rows.kind === 'rows' && rows.columns.map((c) => [c.key, c.title, c.list])).toEqual([
      ['lazada', 'Lazada status', false],
      ['statuses', 'Statuses', true],
      ['storeStatus', 'Store status', false],
    ]);
  });

  it('reads code lists and records as the table shows them, and back', () => {
    expect(listText(['pending', 'packed'])).toBe('pending, packed');
    expect(textList(' pending, ,packed ')).toEqual(['pending', 'packed']);
    expect(recordRows({ web: 'Online Store' })).toEqual([['web', 'Online Store']]);
    expect(rowsRecord([['web', 'Online'], [' ', 'dropped']])).toEqual({ web: 'Online' });
  });
});
