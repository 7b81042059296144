import { z } from 'zod';
import { Customer } from '../customer.ts';
import { TimelineEntryDto } from '../timeline.ts';
import { method } from './method.ts';
import { OrderSummaryDto } from './orders.ts';
import { SequenceEnrolmentDto } from './customer-actions.ts';

/**
 * A message step run on one of the customer's orders (email, SMS, Zalo, Messenger, Telegram):
 * its timeline entry says whether it was sent (and to whom), skipped or failed, and why.
 */
export const CustomerMessageDto = z.object({
  entry: TimelineEntryDto,
  orderNumber: z.string(),
});
export type CustomerMessageDto = z.infer<typeof CustomerMessageDto>;

/** One customer across platforms (seeds 000/001: merged by email), as their page shows them. */
export const CustomerPageDto = z.object({
  customer: Customer,
  /** Their orders from every platform, newest first. */
  orders: z.array(OrderSummaryDto),
  /** Their sequences, the ones they left included, newest first. */
  enrolments: z.array(SequenceEnrolmentDto),
  /** The newest message steps on their orders, newest first (at most 200). */
  messages: z.array(CustomerMessageDto),
});
export type CustomerPageDto = z.infer<typeof CustomerPageDto>;

export const customerPageApi = {
  'customers.page': method(z.object({ id: z.string().min(1) }), CustomerPageDto),
};
