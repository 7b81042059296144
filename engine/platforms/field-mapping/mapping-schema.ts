import { z } from 'zod';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../../contract/index.ts';
import { parsePath } from './path.ts';
import { ITEM_LIST, LineItemTarget, OrderTarget, REQUIRED_LINE_ITEM_TARGETS, REQUIRED_TARGETS, TEXT_LIST } from './targets.ts';
import { Transform } from './transforms.ts';

/** A payload path (see path.ts), checked when the settings are saved. */
export const PathText = z.string().superRefine((text, ctx) => {
  try {
    parsePath(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const ruleShape = {
  /** Where the value is in the payload; with several paths, the first one present wins. */
  source: z.union([PathText, z.array(PathText).min(1)]).optional(),
  /** A constant: the value when there is no source, or when the source is absent. */
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  transform: z.union([Transform, z.array(Transform)], { error: `a transform (${Transform.options.join(', ')}) or a list of them` }).optional(),
  /**
   * An absent source is expected: the target stays empty without a warning. (A field that is
   * not required never fails a delivery; without `optional`, its absence is a warning.)
   */
  optional: z.boolean().optional(),
};

type RuleLike = { target: string; source?: string | string[] | undefined; value?: unknown; fields?: unknown[] | undefined };

export function sourcesOf(rule: { source?: string | string[] | undefined }): string[] {
  return rule.source === undefined ? [] : Array.isArray(rule.source) ? rule.source : [rule.source];
}

function checkRule(rule: RuleLike, ctx: z.RefinementCtx, label: string): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${label}: ${message}` });
  const isList = rule.target === ITEM_LIST || rule.target === TEXT_LIST;
  if (rule.source === undefined && rule.value === undefined) issue('give a source path or a constant value');
  if (rule.target === ITEM_LIST) {
    if (rule.source === undefined) issue('give the path of the list, such as data.order.items[]');
    if (rule.value !== undefined) issue('a list takes no constant value');
    if (!rule.fields || rule.fields.length === 0) issue('give a sub-mapping (fields) for each element');
  } else if (rule.fields !== undefined) {
    issue('only lineItems takes a sub-mapping (fields)');
  }
  if (!isList) {
    for (const s of sourcesOf(rule)) {
      if (s.includes('[]')) issue(`${s} names every element of a list, but ${rule.target} takes one value (use [0] for the first element)`);
    }
  }
}

function checkUnique(rules: readonly { target: string }[], ctx: z.RefinementCtx, where: string): void {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.target)) ctx.addIssue({ code: 'custom', message: `${where}two rules for ${r.target}; keep one (list several source paths in it instead)` });
    seen.add(r.target);
  }
}

/** One rule of a line item's sub-mapping; its source paths are relative to the element. */
export const ElementRule = z.object({ target: LineItemTarget, ...ruleShape }).superRefine((r, ctx) => checkRule(r, ctx, `lineItems.${r.target}`));
export type ElementRule = z.infer<typeof ElementRule>;

/** One rule: which canonical Order path it fills, and from where. */
export const FieldRule = z
  .object({ target: OrderTarget, ...ruleShape, fields: z.array(ElementRule).optional() })
  .superRefine((r, ctx) => {
    checkRule(r, ctx, r.target);
    if (r.fields && r.target === ITEM_LIST) {
      checkUnique(r.fields, ctx, 'lineItems: ');
      const targets = new Set(r.fields.map((f) => f.target));
      for (const needed of REQUIRED_LINE_ITEM_TARGETS) {
        if (!targets.has(needed)) ctx.addIssue({ code: 'custom', message: `lineItems: the sub-mapping needs a rule for ${needed}` });
      }
    }
  });
export type FieldRule = z.infer<typeof FieldRule>;

export { REQUIRED_TARGETS };

export const FieldMapping = z.array(FieldRule).superRefine((rules, ctx) => {
  checkUnique(rules, ctx, '');
  const targets = new Set(rules.map((r) => r.target));
  for (const t of REQUIRED_TARGETS) {
    if (!targets.has(t)) ctx.addIssue({ code: 'custom', message: `the mapping needs a rule for ${t}` });
  }
});
export type FieldMapping = z.infer<typeof FieldMapping>;

/** What an order-status word means; unset parts come from the payment and fulfillment words. */
export const OrderStatusEffect = z.object({
  financialStatus: FinancialStatus.optional(),
  fulfillmentStatus: FulfillmentStatus.optional(),
  deliveryStatus: DeliveryStatus.optional(),
  /** The word means the order is cancelled (order.cancelled fires when it becomes so). */
  cancelled: z.boolean().optional(),
  /** The store status to record (seed 002's table). */
  storeStatus: z.string().optional(),
});
export type OrderStatusEffect = z.infer<typeof OrderStatusEffect>;

/**
 * The editable status table, keyed by the source's own words (matched ignoring case and
 * surrounding spaces): `order` for the word mapped to platformStatus, `payment` for the word
 * mapped to financialStatus, `fulfillment` for the word mapped to fulfillmentStatus, `delivery`
 * for the word mapped to deliveryStatus. A word that already is a canonical status needs no row.
 * Each table defaults to empty, so settings saved before a table existed still parse.
 */
export const StatusTables = z.object({
  order: z.record(z.string(), OrderStatusEffect).default({}),
  payment: z.record(z.string(), FinancialStatus).default({}),
  fulfillment: z.record(z.string(), FulfillmentStatus).default({}),
  delivery: z.record(z.string(), DeliveryStatus).default({}),
});
export type StatusTables = z.infer<typeof StatusTables>;
