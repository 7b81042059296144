import { z } from 'zod';
import { Customer } from '../customer.ts';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, IsoDateTime, Order } from '../order.ts';
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
  /** Seed 002's mapped word for a marketplace order, else the platform's own status word. */
  storeStatus: z.string().nullable(),
  /** Set when the order is cancelled on its platform: the list then reads "Cancelled", never "Pending". */
  cancelledAt: z.string().nullable(),
  /** The store: its connection's name (null when the connection is gone). */
  connectionName: z.string().nullable(),
  /** When the customer placed it (the platform's createdAt); createdAt is when Flowdesk first stored it. */
  placedAt: z.string(),
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

/** What the orders list can be narrowed by; each value is one exact match, left out for "any". */
export const OrderListFilter = z.object({
  /** Matches order number, email, phone, platform or customer name. */
  query: z.string().trim().max(200).optional(),
  financialStatus: FinancialStatus.optional(),
  fulfillmentStatus: FulfillmentStatus.optional(),
  deliveryStatus: DeliveryStatus.optional(),
  storeStatus: z.string().max(200).optional(),
  cancelled: z.enum(['yes', 'no', 'all']).default('all'),
  platform: Platform.optional(),
  connectionId: z.string().max(200).optional(),
  /** One tag, the platform's or Flowdesk's, compared without case. */
  tag: z.string().trim().min(1).max(200).optional(),
  /** Placed at or after this time. */
  placedFrom: IsoDateTime.optional(),
  /** Placed before this time. */
  placedTo: IsoDateTime.optional(),
});
export type OrderListFilter = z.infer<typeof OrderListFilter>;

/** How many orders have each value of one filter, given the other filters (values with none left out). */
const FacetCounts = z.record(z.string(), z.number().int());

export const OrderListDto = z.object({
  /** One page, newest placed first. */
  rows: z.array(OrderSummaryDto),
  /** Every order the filters match (not only this page). */
  total: z.number().int(),
  counts: z.object({
    financialStatus: FacetCounts,
    fulfillmentStatus: FacetCounts,
    deliveryStatus: FacetCounts,
    /** Orders without a store status are counted under "". */
    storeStatus: FacetCounts,
    platform: FacetCounts,
    connectionId: FacetCounts,
    /** Under "yes" and "no". */
    cancelled: FacetCounts,
  }),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type OrderListDto = z.infer<typeof OrderListDto>;

export const ordersApi = {
  'orders.list': method(
    OrderListFilter.extend({
      /** The page size. */
      limit: z.number().int().min(1).max(1000).default(100),
      /** The previous page's nextCursor. */
      cursor: z.string().max(200).optional(),
    }),
    OrderListDto,
  ),
  /** By Flowdesk id, or by order number ("#1001" or "1001"). */
  'orders.get': method(z.object({ ref: z.string().min(1) }), OrderDetailDto),
  'customers.list': method(
    z.object({ query: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(Customer),
  ),
  'customers.get': method(z.object({ id: z.string() }), Customer),
};
