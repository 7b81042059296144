import type { OrderDetailDto, OrderListDto, OrderListFilter, OrderSummaryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { OrderSummaryRow } from '../storage/repos/orders-repo.ts';
import { notFound } from '../shared/errors.ts';
import { mergeTags } from './tags.ts';
import type { Timeline } from './timeline.ts';

/** An order's summary as users see it: one tag list, the platform's and Flowdesk's merged. */
export function toOrderSummary(row: OrderSummaryRow): OrderSummaryDto {
  const { platformTags, ...rest } = row;
  return { ...rest, tags: mergeTags(platformTags, row.localTags) };
}

/** Orders as the API and the event stream answer them. */
export function createOrderService(repos: Repositories, timeline: Timeline) {
  return {
    search: (query: string | undefined, limit: number): OrderSummaryDto[] => repos.orders.search(query, limit).map(toOrderSummary),
    /** The orders list: one page, newest placed first, with the total and the counts beside each filter. */
    list(a: OrderListFilter & { limit: number; cursor?: string | undefined }): OrderListDto {
      const { limit, cursor, ...filter } = a;
      const page = repos.orders.list(filter, limit, cursor);
      return { ...page, rows: page.rows.map(toOrderSummary) };
    },
    summary(orderId: string): OrderSummaryDto | undefined {
      const row = repos.orders.summary(orderId);
      return row && toOrderSummary(row);
    },
    /** By Flowdesk id, or by the number the merchant sees ("#1001", "1001", "DH000123"). */
    detail(ref: string): OrderDetailDto {
      const rec = repos.orders.get(ref) ?? repos.orders.findByNumber(ref);
      if (!rec) throw notFound('order', ref);
      return {
        summary: toOrderSummary(repos.orders.summary(rec.id)!),
        order: rec.order,
        customer: rec.customerId ? (repos.customers.get(rec.customerId) ?? null) : null,
        timeline: timeline.forOrder(rec.id),
      };
    },
  };
}
export type OrderService = ReturnType<typeof createOrderService>;
