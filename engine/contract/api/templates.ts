import { z } from 'zod';
import { CanonicalEventType } from '../events.ts';
import { method } from './method.ts';

/**
 * What is wrong with a template, fit for the editor: the kind, one sentence with its place,
 * where the offending token starts (1-based line and column; null when the renderer could not
 * place it) and the offending text.
 */
export const TemplateProblemDto = z.object({
  kind: z.enum(['syntax', 'unknown_variable', 'unknown_filter', 'runtime']),
  message: z.string(),
  line: z.number().int().nullable(),
  col: z.number().int().nullable(),
  token: z.string().nullable(),
});
export type TemplateProblemDto = z.infer<typeof TemplateProblemDto>;

/** Which data a preview rendered over: a stored order, the order as one delivery left it, or the built-in sample. */
export const TemplateDataSource = z.object({
  kind: z.enum(['order', 'delivery', 'sample']),
  orderId: z.string().nullable(),
  orderNumber: z.string(),
  inboxId: z.number().nullable(),
  /** The event the data pretends to come from (the flow's trigger, or order.updated). */
  event: CanonicalEventType,
});
export type TemplateDataSource = z.infer<typeof TemplateDataSource>;

const FieldRef = z.object({
  /** The param's key. */
  key: z.string(),
  /** The entry of a list param (tags, headers); null for a one-text param. */
  index: z.number().int().nullable(),
  template: z.string(),
});

/** One template field (or one entry of a list of templates) as it renders, or its problem. */
export const TemplateFieldPreview = z.discriminatedUnion('ok', [
  FieldRef.extend({ ok: z.literal(true), output: z.string() }),
  FieldRef.extend({ ok: z.literal(false), problem: TemplateProblemDto }),
]);
export type TemplateFieldPreview = z.infer<typeof TemplateFieldPreview>;

export const TemplatePreviewDto = z.object({
  source: TemplateDataSource,
  fields: z.array(TemplateFieldPreview),
});
export type TemplatePreviewDto = z.infer<typeof TemplatePreviewDto>;

/** `money` is a decimal string in the data ("2000000"), for `| money`. */
export const TemplateVariableType = z.enum(['text', 'number', 'money', 'date', 'boolean', 'list']);
export type TemplateVariableType = z.infer<typeof TemplateVariableType>;

/** A path a template can name (`order.lineItems[0].title`), its type, and its value in the chosen data. */
export const TemplateVariable = z.object({
  path: z.string(),
  type: TemplateVariableType,
  /** The value, texts cut short; a list of plain values joined with ", "; null when absent. */
  sample: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** For a list: how many entries it has. */
  count: z.number().int().optional(),
});
export type TemplateVariable = z.infer<typeof TemplateVariable>;

export const TemplateVariablesDto = z.object({
  source: TemplateDataSource,
  variables: z.array(TemplateVariable),
});
export type TemplateVariablesDto = z.infer<typeof TemplateVariablesDto>;

/** Where the trigger data comes from: a past order (id or number), a past delivery, or neither (the sample). */
const DataChoice = {
  orderId: z.string().min(1).optional(),
  inboxId: z.number().int().optional(),
  /** The event to pretend (the flow trigger's); default: the delivery's own, else order.updated. */
  event: CanonicalEventType.optional(),
};

export const templatesApi = {
  /**
   * Renders every template field of a node's params (the params whose widget is `template`, and
   * each entry of a `tags` list) over the trigger data of a past order or delivery, as a run
   * would, without running anything.
   */
  'templates.preview': method(
    z.object({ nodeType: z.string().min(1), params: z.record(z.string(), z.unknown()), ...DataChoice }),
    TemplatePreviewDto,
  ),
  /** Syntax, tags and filter names, without data. */
  'templates.check': method(z.object({ template: z.string().max(100_000) }), z.object({ problem: TemplateProblemDto.nullable() })),
  /** Every path a template can name, with sample values from the chosen order (or the built-in sample). */
  'templates.variables': method(z.object(DataChoice), TemplateVariablesDto),
};
