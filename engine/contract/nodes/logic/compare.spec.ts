import { z } from 'zod';
import { defineNodeSpec, IN_PORT } from '../node-spec.ts';

export const CompareValueType = z.enum(['number', 'text', 'boolean', 'date']);
export type CompareValueType = z.infer<typeof CompareValueType>;

export const CompareOperator = z.enum([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'is_empty',
  'is_not_empty',
  'is_true',
  'is_false',
]);
export type CompareOperator = z.infer<typeof CompareOperator>;

/** Which operators make sense for which value type. */
export const operatorsByType: Record<CompareValueType, readonly CompareOperator[]> = {
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'],
  text: ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'],
};

/** Operators that take no right-hand value. */
export const unaryOperators: readonly CompareOperator[] = ['is_empty', 'is_not_empty', 'is_true', 'is_false'];

export const CompareParams = z
  .object({
    field: z
      .string()
      .min(1, 'choose a field')
      .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'a field path such as order.totalPrice')
      .meta({ title: 'Field', description: 'The trigger data to test, e.g. order.totalPrice' }),
    valueType: CompareValueType.default('text').meta({ title: 'Type' }),
    operator: CompareOperator.meta({ title: 'Operator' }),
    value: z.string().default('').meta({ title: 'Value' }),
  })
  .superRefine((p, ctx) => {
    if (!operatorsByType[p.valueType].includes(p.operator)) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `"${p.operator}" does not apply to a ${p.valueType}` });
    }
    if (unaryOperators.includes(p.operator)) return;
    if (p.valueType === 'number' && !/^-?\d+(\.\d+)?$/.test(p.value.trim())) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'enter a number' });
    }
    if (p.valueType === 'date' && Number.isNaN(Date.parse(p.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'enter a date such as 2026-01-31' });
    }
  });
export type CompareParams = z.infer<typeof CompareParams>;

export const compareSpec = defineNodeSpec({
  type: 'logic.compare',
  version: 1,
  label: 'Condition',
  description: 'Compare one field of the trigger data with a value; continue on Yes or No.',
  category: 'condition',
  connector: 'logic',
  icon: 'condition',
  inputs: [IN_PORT],
  outputs: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  params: CompareParams,
});
