import { describe, expect, it } from 'vitest';
import { checkField, checkParams } from './param-check.ts';
import { defaultParams, formFields } from './schema-form.ts';

/** JSON Schemas as `nodes.list` sends them (zod's toJSONSchema of the built-in specs). */
const compare = {
  type: 'object',
  properties: {
    field: { type: 'string', minLength: 1, pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$', title: 'Field', description: 'The trigger data to test' },
    valueType: { default: 'text', title: 'Type', type: 'string', enum: ['number', 'text', 'boolean', 'date'] },
    operator: { type: 'string', enum: ['eq', 'gt'], title: 'Operator' },
    value: { default: '', title: 'Value', type: 'string' },
  },
  required: ['field', 'operator'],
};
const tags = { type: 'object', properties: { tags: { minItems: 1, type: 'array', items: { type: 'string', minLength: 1 }, title: 'Tags', widget: 'tags' } }, required: ['tags'] };
const note = { type: 'object', properties: { text: { type: 'string', minLength: 1, title: 'Note', widget: 'template' } }, required: ['text'] };
const trigger = { type: 'object', properties: { platforms: { default: [], title: 'Only from', type: 'array', items: { type: 'string', enum: ['shopify', 'haravan'] } } } };

describe('formFields: params JSON Schema → form', () => {
  it('maps string → text, enum → select, with titles, help, required and defaults', () => {
    const fields = formFields(compare);
    expect(fields.map((f) => [f.key, f.kind, f.title, f.required])).toEqual([
      ['field', 'text', 'Field', true],
      ['valueType', 'select', 'Type', false],
      ['operator', 'select', 'Operator', true],
      ['value', 'text', 'Value', false],
    ]);
    expect(fields[0]!.description).toBe('The trigger data to test');
    expect(fields[2]!.options).toEqual(['eq', 'gt']);
    expect(defaultParams(fields)).toEqual({ valueType: 'text', value: '' });
  });

  it('maps an array of strings to a tag list, of enum values to a checklist, and widget template to a textarea', () => {
    expect(formFields(tags)[0]!.kind).toBe('tags');
    expect(formFields(note)[0]!.kind).toBe('template');
    const [platforms] = formFields(trigger);
    expect(platforms).toMatchObject({ kind: 'checklist', options: ['shopify', 'haravan'], required: false });
    // Defaults are copies: two new nodes never share one array.
    const a = defaultParams(formFields(trigger));
    const b = defaultParams(formFields(trigger));
    expect(a).toEqual({ platforms: [] });
    expect(a['platforms']).not.toBe(b['platforms']);
  });

  it('names a property without a title from its key, and falls back to JSON for what it cannot draw', () => {
    const [f] = formFields({ type: 'object', properties: { retryCount: { type: 'object' } } });
    expect(f).toMatchObject({ title: 'Retry count', kind: 'json' });
    expect(formFields(null)).toEqual([]);
  });
});

describe('checkField: immediate checks against the schema', () => {
  const [field, , operator] = formFields(compare);
  const [tagList] = formFields(tags);

  it('says what is missing or malformed', () => {
    expect(checkField(field!, undefined)).toEqual({ key: 'required' });
    expect(checkField(field!, 'order total')).toEqual({ key: 'pattern' });
    expect(checkField(field!, 'order.totalPrice')).toBeNull();
    expect(checkField(operator!, 'between')).toEqual({ key: 'enum' });
    expect(checkField(tagList!, [])).toEqual({ key: 'minItems', min: 1 });
    expect(checkField(tagList!, ['VIP'])).toBeNull();
  });

  it('checks a node’s params field by field', () => {
    expect(checkParams(formFields(compare), { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '100' })).toEqual([]);
    expect(checkParams(formFields(compare), { valueType: 'number' }).map((p) => p.path)).toEqual(['field', 'operator']);
  });
});
