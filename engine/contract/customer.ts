import { z } from 'zod';
import { Address } from './order.ts';

/** A value of a customer field: text, number, yes/no, or cleared. */
export const CustomerFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CustomerFieldValue = z.infer<typeof CustomerFieldValue>;

export const Customer = z.object({
  id: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  address: Address.nullable(),
  tags: z.array(z.string()),
  zaloUserId: z.string().nullable(),
  messengerPsid: z.string().nullable(),
  /** When the customer last wrote to the shop's Zalo OA: consultation messages are allowed for 7 days after. */
  zaloInteractedAt: z.string().nullable(),
  /** When the customer last wrote to the shop's Facebook page: Messenger's standard window is 24 hours. */
  messengerInteractedAt: z.string().nullable(),
  /** The shop's own fields on the customer (set by flows or by hand), e.g. { "hạng": "vàng" }. */
  fields: z.record(z.string(), CustomerFieldValue),
  /** The sequences (named series of timed messages) the customer is enrolled in now. */
  sequences: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;
