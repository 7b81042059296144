import { z } from 'zod';
import { Customer } from '../customer.ts';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../order.ts';
import { Platform } from '../platform.ts';
import { method } from './method.ts';
import { TimelineEntryDto } from '../timeline.ts';

export const OrderSummaryDto = z.object({
  id: z.string(),
  connectionId: z.string(),
  platform: Platform,
  platformOrderId: z.string(),
  number: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  totalPrice: z.string(),
  currency: z.string(),
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  deliveryStatus: DeliveryStatus,
  /** The platform's tags and those Flowdesk added, merged. */
  tags: z.array(z.string()),
  /** The tags Flowdesk's flows added. */
  localTags: z.array(z.string()),
  platformUpdatedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderSummaryDto = z.infer<typeof OrderSummaryDto>;

export const OrderDetailDto = z.object({
  summary: OrderSummaryDto,
  order: Order,
  customer: Customer.nullable(),
  timeline: z.array(TimelineEntryDto),
});
export type OrderDetailDto = z.infer<typeof OrderDetailDto>;

export const ordersApi = {
  'orders.list': method(
    z.object({
      /** Matches order number, email, phone or platform. */
      query: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.array(OrderSummaryDto),
  ),
  /** By Flowdesk id, or by order number ("#1001" or "1001"). */
  'orders.get': method(z.object({ ref: z.string().min(1) }), OrderDetailDto),
  'customers.list': method(
    z.object({ query: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(Customer),
  ),
  'customers.get': method(z.object({ id: z.string() }), Customer),
};
