import {
  builtinFieldTypes, enrolInSequenceSpec, removeFromSequenceSpec, sequenceEnrolledSpec, sequenceKey, startFlowSpec, updateCustomerFieldSpec,
  type BuiltinCustomerField, type CustomerFieldValue, type UpdateCustomerFieldParams,
} from '../../contract/index.ts';
import { defineNodeType, type NodeType, type StepResult, type TriggerData } from '../node-type.ts';
import { activationVerdict } from '../orders/activation.ts';

const noCustomer = (input: unknown): StepResult => ({
  status: 'skipped', port: 'out', reason: 'the order has no customer email or phone, so there is no customer', code: 'no_customer', input,
});

const YES = new Set(['yes', 'true', '1', 'có', 'co', 'đúng', 'y']);
const NO = new Set(['no', 'false', '0', 'không', 'khong', 'sai', 'n']);

/** The rendered text as the field's kind of value; a string saying what it is not when it is not one. */
export function typedValue(text: string, type: 'text' | 'number' | 'boolean' | 'date' | 'clear'): { value: CustomerFieldValue } | { not: string } {
  const t = text.trim();
  if (type === 'clear' || (t === '' && type !== 'text')) return { value: null };
  switch (type) {
    case 'text':
      return { value: t === '' ? null : t };
    case 'number': {
      const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
      return Number.isFinite(n) ? { value: n } : { not: 'a number' };
    }
    case 'boolean': {
      const low = t.toLocaleLowerCase('vi');
      return YES.has(low) ? { value: true } : NO.has(low) ? { value: false } : { not: 'yes or no' };
    }
    case 'date': {
      const ms = Date.parse(t);
      return Number.isFinite(ms) ? { value: new Date(ms).toISOString() } : { not: 'a date' };
    }
  }
}

/** A built-in field takes its own kind of value; the valueType only says "clear" for it. */
function kindFor(p: UpdateCustomerFieldParams): 'text' | 'number' | 'boolean' | 'date' | 'clear' {
  if (p.valueType === 'clear') return 'clear';
  return p.field === 'custom' ? p.valueType : builtinFieldTypes[p.field as BuiltinCustomerField];
}

export const updateCustomerFieldNode = defineNodeType(updateCustomerFieldSpec, async (ctx) => {
  const p = ctx.params;
  const field = p.field === 'custom' ? (`fields.${p.name.normalize('NFC')}` as const) : (p.field as BuiltinCustomerField);
  const kind = kindFor(p);
  const text = kind === 'clear' ? '' : await ctx.render(p.value);
  const input = { field, valueType: kind, value: text };
  const customer = ctx.data.customer;
  if (!customer) return noCustomer(input);
  const typed = typedValue(text, kind);
  if ('not' in typed) {
    return { status: 'skipped', port: 'out', reason: `"${text}" is not ${typed.not}`, code: 'field_value_invalid', args: { value: text, type: kind }, input };
  }
  return {
    status: 'done', port: 'out', input,
    output: { customer: customer.email ?? customer.phone, field, value: typed.value },
    intents: [{ kind: 'customer.setField', customerId: customer.id, field, value: typed.value }],
  };
});

const inSequence = (data: TriggerData, name: string) => (data.customer?.sequences ?? []).some((s) => sequenceKey(s) === sequenceKey(name));

export const enrolInSequenceNode = defineNodeType(enrolInSequenceSpec, async ({ params, data }) => {
  const input = { sequence: params.sequence };
  if (!data.customer) return noCustomer(input);
  if (!data.order.id) return { status: 'skipped', port: 'out', reason: 'the trigger has no stored order', code: 'no_order', input };
  // Enrolling again does nothing: the runs the first enrolment started go on as they are.
  if (inSequence(data, params.sequence)) {
    return { status: 'skipped', port: 'out', reason: `the customer is in the sequence "${params.sequence}" already`, code: 'already_in_sequence', args: { sequence: params.sequence }, input };
  }
  return { status: 'done', port: 'out', input, output: { customer: data.customer.email ?? data.customer.phone, sequence: params.sequence }, intents: [{ kind: 'customer.enrolSequence', customerId: data.customer.id, sequence: params.sequence }] };
});

export const removeFromSequenceNode = defineNodeType(removeFromSequenceSpec, async ({ params, data }) => {
  const input = { sequence: params.sequence };
  if (!data.customer) return noCustomer(input);
  if (!inSequence(data, params.sequence)) {
    return { status: 'skipped', port: 'out', reason: `the customer is not in the sequence "${params.sequence}"`, code: 'not_in_sequence', args: { sequence: params.sequence }, input };
  }
  return { status: 'done', port: 'out', input, output: { customer: data.customer.email ?? data.customer.phone, sequence: params.sequence }, intents: [{ kind: 'customer.leaveSequence', customerId: data.customer.id, sequence: params.sequence }] };
});

export const startFlowNode = defineNodeType(startFlowSpec, async ({ params, data }) => {
  const input = { flowId: params.flowId };
  if (!data.order.id) return { status: 'skipped', port: 'out', reason: 'the trigger has no stored order', code: 'no_order', input };
  return { status: 'done', port: 'out', input, output: { flowId: params.flowId, order: data.order.number }, intents: [{ kind: 'flow.start', flowId: params.flowId, orderId: data.order.id }] };
});

/** A sequence's trigger: records which sequence and order, and checks its activation conditions. */
export const sequenceEnrolledNode = defineNodeType(sequenceEnrolledSpec, async ({ params, data, nowMs }) => {
  const event = data.event as TriggerData['event'] & { sequence?: string };
  const input = { event: event.type, sequence: event.sequence ?? params.sequence };
  const { verdict, skip } = activationVerdict(params.when, data, nowMs, input);
  if (skip) return skip;
  return {
    status: 'done', port: 'out', input,
    output: { sequence: event.sequence ?? params.sequence, order: data.order.number ?? null, customer: data.customer?.email ?? null, ...(verdict ? { activation: verdict } : {}) },
  };
});

export const customerActionNodes: readonly NodeType[] = [updateCustomerFieldNode, enrolInSequenceNode, removeFromSequenceNode, startFlowNode];
