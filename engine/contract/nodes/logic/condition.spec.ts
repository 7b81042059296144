import { z } from 'zod';
import { ConditionTree, emptyConditionTree } from '../../flow/condition.ts';
import { defineNodeSpec, IN_PORT } from '../node-spec.ts';

/**
 * Params of `logic.condition`: one condition tree. The default is an empty `all` group, which
 * holds (nothing to fail), so a node dropped on the canvas passes everything to Yes until the
 * user adds rules.
 */
export const ConditionParams = z.object({
  condition: ConditionTree.default(emptyConditionTree).meta({
    title: 'Condition',
    description: 'Rules joined by all (AND) or any (OR), groups, and checks over lists such as line items',
    widget: 'condition',
  }),
});
export type ConditionParams = z.infer<typeof ConditionParams>;

export const conditionSpec = defineNodeSpec({
  type: 'logic.condition',
  version: 1,
  label: 'Conditions',
  description: 'Test the trigger data against rules joined by all/any, nested groups and line-item checks; continue on Yes or No.',
  category: 'condition',
  connector: 'logic',
  icon: 'condition',
  inputs: [IN_PORT],
  outputs: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  params: ConditionParams,
});
