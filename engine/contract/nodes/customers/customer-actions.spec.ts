import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { ActivationConditions } from '../orders/order-triggers.spec.ts';

/**
 * The customer actions (issue 12): set a field on the order's customer, enrol them in a
 * sequence or take them out of one, start another flow. Each acts in Flowdesk's own data, in
 * the transaction that records its step (engine/connectors/customers/).
 */

/** The customer fields a flow may set besides its own ones; the shop's own fields go by name. */
export const BuiltinCustomerField = z.enum(['zaloUserId', 'messengerPsid', 'zaloInteractedAt', 'messengerInteractedAt', 'emailVerified', 'phone']);
export type BuiltinCustomerField = z.infer<typeof BuiltinCustomerField>;

/** What kind of value a field holds (a built-in field has its own: a date, yes/no, text). */
export const CustomerFieldValueType = z.enum(['text', 'number', 'boolean', 'clear']);
export type CustomerFieldValueType = z.infer<typeof CustomerFieldValueType>;

/** The kind each built-in field takes; `clear` is allowed for all but "email verified". */
export const builtinFieldTypes: Record<BuiltinCustomerField, 'text' | 'date' | 'boolean'> = {
  zaloUserId: 'text',
  messengerPsid: 'text',
  zaloInteractedAt: 'date',
  messengerInteractedAt: 'date',
  emailVerified: 'boolean',
  phone: 'text',
};

/**
 * A custom field's name: letters of any script, digits and `_` ("hạng", "ngay_sinh"), so that it
 * reads as `customer.fields.hạng` in Liquid and in a condition's field path.
 */
export const CUSTOM_FIELD_NAME = /^[\p{L}\p{N}_]{1,64}$/u;
export const CustomFieldName = z.string().regex(CUSTOM_FIELD_NAME, 'letters, digits and _ only, at most 64 (e.g. hạng)');

/** A sequence's name as a user types it; compared without regard to case or surrounding spaces. */
export const SequenceName = z.string().trim().min(1, 'name the sequence').max(100);
export const sequenceKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * How deep a chain of flows starting each other may go ("Start another flow" in a flow started
 * by "Start another flow"…): the start that would go deeper is refused, visibly.
 */
export const MAX_FLOW_START_DEPTH = 5;

export const UpdateCustomerFieldParams = z
  .object({
    field: z.enum(['custom', ...BuiltinCustomerField.options]).default('custom').meta({ title: 'Field', description: 'A field of your own (by name), or one Flowdesk keeps' }),
    name: z.string().max(64).default('').meta({ title: 'Custom field name', description: 'Letters, digits and _ (e.g. hạng); templates read it as customer.fields.hạng' }),
    valueType: CustomerFieldValueType.default('text').meta({ title: 'Value type', description: 'Clear empties the field' }),
    value: z.string().max(2_000).default('').meta({ title: 'Value', description: 'Liquid, e.g. {{ order.totalPrice }} or vàng', widget: 'template' }),
  })
  .superRefine((p, ctx) => {
    if (p.field === 'custom' && !CUSTOM_FIELD_NAME.test(p.name)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: p.name === '' ? 'name the field' : 'letters, digits and _ only (e.g. hạng)' });
    }
    if (p.field === 'emailVerified' && p.valueType === 'clear') ctx.addIssue({ code: 'custom', path: ['valueType'], message: 'email verified is yes or no, it cannot be cleared' });
  });
export type UpdateCustomerFieldParams = z.infer<typeof UpdateCustomerFieldParams>;

const SequenceParam = SequenceName.meta({ title: 'Sequence', description: 'The name of the sequence, as its flow’s trigger names it', widget: 'sequence' });
export const SequenceParams = z.object({ sequence: SequenceParam });
export type SequenceParams = z.infer<typeof SequenceParams>;

export const SequenceTriggerParams = z.object({ sequence: SequenceParam, when: ActivationConditions });
export type SequenceTriggerParams = z.infer<typeof SequenceTriggerParams>;

export const StartFlowParams = z.object({
  flowId: z.string().min(1, 'choose a flow').meta({ title: 'Flow', description: 'Its active version runs on the same order and customer', widget: 'flow' }),
});
export type StartFlowParams = z.infer<typeof StartFlowParams>;

const action = <P extends z.ZodType>(type: string, label: string, description: string, icon: string, params: P) =>
  defineNodeSpec({ type, version: 1, label, description, category: 'action', connector: 'flowdesk', icon, inputs: [IN_PORT], outputs: [OUT_PORT], params });

export const updateCustomerFieldSpec = action(
  'flowdesk.update_customer_field',
  'Update customer field',
  "Set one of the customer's fields (your own, by name, or their Zalo id, PSID, phone…) to a value rendered from Liquid.",
  'customer',
  UpdateCustomerFieldParams,
);
export const enrolInSequenceSpec = action(
  'flowdesk.enrol_in_sequence',
  'Enrol in sequence',
  'Put the customer in a sequence: every active flow started by that sequence runs for them, from this order.',
  'sequence',
  SequenceParams,
);
export const removeFromSequenceSpec = action(
  'flowdesk.remove_from_sequence',
  'Remove from sequence',
  "Take the customer out of a sequence: that sequence's runs waiting for them are cancelled.",
  'sequence',
  SequenceParams,
);
export const startFlowSpec = action(
  'flowdesk.start_flow',
  'Start another flow',
  "Run another flow's active version on this order and customer, as if its trigger had fired.",
  'flow',
  StartFlowParams,
);

/** A sequence's flow: what it sends, built from waits and messages, starts when a customer is enrolled. */
export const sequenceEnrolledSpec = defineNodeSpec({
  type: 'flowdesk.sequence_enrolled',
  version: 1,
  label: 'Customer enrolled in sequence',
  description: 'When a flow enrols a customer in this sequence; the order that enrolled them is the run’s order.',
  category: 'trigger',
  connector: 'flowdesk',
  icon: 'sequence',
  inputs: [],
  outputs: [OUT_PORT],
  params: SequenceTriggerParams,
  triggers: ['customer.sequence_enrolled'],
});

export const customerActionSpecs = [updateCustomerFieldSpec, enrolInSequenceSpec, removeFromSequenceSpec, startFlowSpec] as const;
