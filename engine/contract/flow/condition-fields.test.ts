import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Customer } from '../customer.ts';
import { CanonicalEvent, OrderStatusSnapshot } from '../events.ts';
import { Decimal, IsoDateTime, Order } from '../order.ts';
import { type ConditionField, conditionFields, findConditionField, lineItemFields, ruleTypeForField } from './condition-fields.ts';

/** The catalog is written out by hand; these tests hold it to the model it describes. */

const roots: Record<string, z.ZodType> = { event: CanonicalEvent, order: Order, customer: Customer, previous: OrderStatusSnapshot };

interface Def { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string> }
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Looks through optional / nullable / default, which only say whether a value may be absent. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let d = defOf(cur); ['optional', 'nullable', 'default'].includes(d.type) && d.innerType; d = defOf(cur)) cur = d.innerType;
  return cur;
}

function resolve(root: z.ZodType, path: string): z.ZodType | undefined {
  let cur: z.ZodType | undefined = unwrap(root);
  for (const key of path.split('.')) {
    const shape: Record<string, z.ZodType> | undefined = cur ? defOf(cur).shape : undefined;
    cur = shape?.[key] ? unwrap(shape[key]) : undefined;
  }
  return cur;
}

/** The catalog type the model's schema implies for a field. */
function typeOfSchema(s: z.ZodType, path: string): string {
  if (s === Decimal) return 'money';
  if (s === IsoDateTime) return 'date';
  const d = defOf(s);
  if (d.type === 'string') return /At$/.test(path) ? 'date' : 'text';
  if (d.type === 'enum') return 'text';
  if (d.type === 'array') return 'list';
  return d.type;
}

function checkField(f: ConditionField, schema: z.ZodType | undefined): void {
  expect(schema, `${f.path} is in the model`).toBeDefined();
  const s = unwrap(schema!);
  expect(typeOfSchema(s, f.path), `${f.path} has the model's type`).toBe(f.type);
  const d = defOf(s);
  if (d.type === 'enum') expect(f.options, `${f.path} offers the enum's values`).toEqual(Object.values(d.entries!));
  if (f.type !== 'list') return;
  const element = unwrap(d.element!);
  if (f.itemType) expect(typeOfSchema(element, ''), `${f.path} items`).toBe(f.itemType);
  else {
    expect(f.itemFields, `${f.path} lists its item fields`).toBeDefined();
    for (const item of f.itemFields!) checkField(item, resolve(element, item.path));
  }
}

describe('the condition field catalog', () => {
  it.each(conditionFields.map((f) => [f.path, f] as const))('%s matches the canonical model', (_path, f) => {
    const [root, ...rest] = f.path.split('.');
    checkField(f, resolve(roots[root!]!, rest.join('.')));
  });

  it('has unique paths and both labels', () => {
    expect(new Set(conditionFields.map((f) => f.path)).size).toBe(conditionFields.length);
    for (const f of conditionFields) expect(f.label_en && f.label_vi, f.path).toBeTruthy();
  });

  it('offers the line item fields that exist, and no vendor (the model has none)', () => {
    expect(lineItemFields.map((f) => f.path)).toEqual(['title', 'variantTitle', 'sku', 'productId', 'variantId', 'quantity', 'price', 'tags', 'properties']);
    expect(findConditionField('order.lineItems')?.itemFields?.find((f) => f.path === 'properties')?.itemFields?.map((f) => f.path)).toEqual(['name', 'value']);
  });

  it('compares money as numbers', () => {
    expect(findConditionField('order.totalPrice')?.type).toBe('money');
    expect(ruleTypeForField('money')).toBe('number');
    expect(ruleTypeForField('list')).toBe('list');
  });
});
