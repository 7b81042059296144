import { compareSpec, type CompareParams } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';

/** Reads "order.totalPrice" or "order.lineItems.0.sku" from the trigger data. */
export function readPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function asText(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Evaluates one typed comparison; `null` when the actual value cannot be read as the type. */
export function compare(p: CompareParams, actual: unknown): boolean | null {
  if (p.operator === 'is_empty') return isEmpty(actual);
  if (p.operator === 'is_not_empty') return !isEmpty(actual);
  switch (p.valueType) {
    case 'boolean': {
      const b = actual === true || actual === 'true' ? true : actual === false || actual === 'false' ? false : null;
      if (b === null) return null;
      return p.operator === 'is_true' ? b : !b;
    }
    case 'number':
    case 'date': {
      const a = p.valueType === 'number' ? Number(actual) : Date.parse(asText(actual));
      const e = p.valueType === 'number' ? Number(p.value) : Date.parse(p.value);
      if (isEmpty(actual) || Number.isNaN(a)) return null;
      switch (p.operator) {
        case 'eq': return a === e;
        case 'neq': return a !== e;
        case 'gt': return a > e;
        case 'gte': return a >= e;
        case 'lt': return a < e;
        case 'lte': return a <= e;
        default: return null;
      }
    }
    case 'text': {
      // Lists (tags) match when any element does, for contains/eq.
      const a = asText(actual).toLowerCase();
      const e = p.value.toLowerCase();
      const items = Array.isArray(actual) ? actual.map((x) => asText(x).toLowerCase()) : [a];
      switch (p.operator) {
        case 'eq': return items.some((x) => x === e);
        case 'neq': return items.every((x) => x !== e);
        case 'contains': return items.some((x) => x.includes(e));
        case 'not_contains': return items.every((x) => !x.includes(e));
        case 'starts_with': return a.startsWith(e);
        case 'ends_with': return a.endsWith(e);
        default: return null;
      }
    }
  }
}

export const compareNode = defineNodeType(compareSpec, async ({ params, data }) => {
  const actual = readPath(data, params.field);
  const result = compare(params, actual);
  const input = { field: params.field, actual: actual ?? null, operator: params.operator, expected: params.value, valueType: params.valueType };
  if (result === null) {
    // A value that is missing or of another type does not match: the flow takes No and says why.
    return { status: 'done', port: 'no', input, output: { result: false, note: `${params.field} is ${actual === undefined ? 'missing' : `not a ${params.valueType}`}` } };
  }
  return { status: 'done', port: result ? 'yes' : 'no', input, output: { result } };
});
