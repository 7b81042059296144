import { z } from 'zod';
import { method } from './method.ts';

/** A field of the shop's own on customers, as the condition builder and the variable picker offer it. */
export const CustomFieldDto = z.object({
  name: z.string(),
  /** What the values stored so far are (text when they differ or none is stored yet). */
  type: z.enum(['text', 'number', 'boolean']),
  /** How many customers have it set. */
  customers: z.number().int(),
});
export type CustomFieldDto = z.infer<typeof CustomFieldDto>;

/** One enrolment of a customer in a sequence: when it began, and when it ended if it did. */
export const SequenceEnrolmentDto = z.object({
  id: z.string(),
  customerId: z.string(),
  sequence: z.string(),
  enrolledAt: z.string(),
  leftAt: z.string().nullable(),
  /** The order whose run enrolled them (the sequence's runs are about it). */
  orderId: z.string().nullable(),
});
export type SequenceEnrolmentDto = z.infer<typeof SequenceEnrolmentDto>;

/** A sequence as the editor lists it: the flows it starts and how many customers are in it now. */
export const SequenceDto = z.object({
  name: z.string(),
  flows: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
  enrolled: z.number().int(),
});
export type SequenceDto = z.infer<typeof SequenceDto>;

export const customerActionsApi = {
  /** The custom field names customers have, for pickers ("customer.fields.hạng"). */
  'customers.fields': method(z.object({}), z.array(CustomFieldDto)),
  /** A customer's enrolments, newest first, the ended ones included. */
  'customers.enrolments': method(z.object({ customerId: z.string().min(1) }), z.array(SequenceEnrolmentDto)),
  /** Every sequence named by a flow's trigger or by an enrolment. */
  'sequences.list': method(z.object({}), z.array(SequenceDto)),
};
