import { z } from 'zod';
import { Customer, Decimal, IsoDateTime, Order, OrderStatusSnapshot, type TemplateVariable, type TemplateVariableType } from '../contract/index.ts';
import type { TriggerData } from '../nodes/node-type.ts';

/** The trigger data's shape (nodes/node-type.ts `TriggerData`), for the names a template can use. */
const TriggerDataSchema = z.object({
  event: z.object({ type: z.string(), platform: z.string(), occurredAt: IsoDateTime, connectionId: z.string() }),
  order: Order.extend({ id: z.string().nullable() }),
  customer: Customer.nullable(),
  previous: OrderStatusSnapshot.nullable(),
});

interface Js {
  type?: string | string[];
  anyOf?: Js[];
  properties?: Record<string, Js>;
  items?: Js;
  pattern?: string;
  format?: string;
  additionalProperties?: Js | boolean;
}

// Walked from the schema, not from the data, so that a field the chosen order leaves empty is
// still offered (with no sample) and a new model field shows up without a list to keep.
const schema = z.toJSONSchema(TriggerDataSchema, { io: 'output', unrepresentable: 'any' }) as Js;
const decimalPattern = (z.toJSONSchema(Decimal) as Js).pattern;
const MAX_TEXT = 120;
const MAX_LIST = 5;

/** A nullable field is `anyOf [X, null]`: X is what it holds when it holds something. */
function unwrap(s: Js | undefined): Js {
  if (!s) return {};
  const inner = s.anyOf?.find((m) => m.type !== 'null');
  return inner ? unwrap(inner) : s;
}

function typeOf(s: Js, key: string): TemplateVariableType {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (s.pattern !== undefined && s.pattern === decimalPattern) return 'money';
  // Customer timestamps are plain strings in the model; every `…At` field is a moment.
  if (s.format === 'date-time' || /At$/.test(key)) return 'date';
  return 'text';
}

function sampleOf(value: unknown): TemplateVariable['sample'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function walk(raw: Js | undefined, path: string, key: string, value: unknown, out: TemplateVariable[]): void {
  const s = unwrap(raw);
  if (s.properties) {
    const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    for (const [k, sub] of Object.entries(s.properties)) walk(sub, `${path}.${k}`, k, obj[k], out);
    return;
  }
  // A record (a customer's own fields): each key the data has, as `customer.fields.hạng`.
  if (s.additionalProperties && typeof s.additionalProperties === 'object' && value !== null && typeof value === 'object') {
    // Typed by the value each holds: a record's values may be text, numbers or yes/no.
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk({ type: typeof v === 'number' || typeof v === 'boolean' ? typeof v : 'string' }, `${path}.${k}`, k, v, out);
    return;
  }
  if (s.type === 'array') {
    const list = Array.isArray(value) ? value : [];
    const items = unwrap(s.items);
    if (items.properties) {
      out.push({ path, type: 'list', sample: null, count: list.length });
      walk(items, `${path}[0]`, key, list[0], out);
    } else {
      const shown = list.slice(0, MAX_LIST).map(String).join(', ');
      out.push({ path, type: 'list', sample: list.length === 0 ? null : list.length > MAX_LIST ? `${shown}, …` : shown, count: list.length });
    }
    return;
  }
  out.push({ path, type: typeOf(s, key), sample: sampleOf(value) });
}

/**
 * Every path a template can name over the trigger data, in the model's order, with its type
 * and its value in `data`: `event.type`, `order.number`, `order.lineItems` (a list, with its
 * count) and `order.lineItems[0].title` (the first item's fields), `customer.email`, …
 */
export function templateVariables(data: TriggerData): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  for (const [root, sub] of Object.entries(schema.properties ?? {})) walk(sub, root, root, (data as unknown as Record<string, unknown>)[root], out);
  return out;
}
