import type { Customer, CustomerPageDto, Order, TimelinePageDto } from '../contract/index.ts';
import { phoneKey, type CustomersRepo } from '../storage/repos/customers-repo.ts';
import type { Repositories } from '../storage/repositories.ts';
import { toOrderSummary } from './orders.ts';
import type { Timeline, TimelinePageArgs } from './timeline.ts';
import { newId } from '../shared/ids.ts';
import { notFound } from '../shared/errors.ts';

export type CustomerChange = { customer: Customer; change: 'created' | 'updated' | 'unchanged' } | null;

/**
 * Seeds 000/001: the order's email identifies the customer. An unknown email creates the
 * customer; a known one is updated from the order (name, phone, address). The same email
 * from two platforms is one customer. Marketplace orders carry no buyer email (seed 002:
 * name, phone and address are kept), so an order without an email is matched by phone among
 * customers known only by phone. An order with neither names no customer.
 */
export function upsertCustomerFromOrder(customers: CustomersRepo, order: Order, now: string): CustomerChange {
  const email = order.customer?.email?.trim().toLowerCase() || null;
  const c = order.customer;
  const address = order.shippingAddress ?? order.billingAddress ?? null;
  const phone = c?.phone ?? address?.phone ?? null;
  if (!email && !phone) return null;
  const existing = email ? customers.getByEmail(email) : customers.getByPhone(phone!);
  if (!email && !existing && !phoneKey(phone!)) return null;
  if (!existing) {
    const created: Customer = {
      id: newId('cus'),
      email,
      emailVerified: c?.emailVerified ?? false,
      name: c?.name ?? null,
      phone: c?.phone ?? address?.phone ?? null,
      address,
      tags: [],
      zaloUserId: c?.zaloUserId ?? null,
      messengerPsid: c?.messengerPsid ?? null,
      zaloInteractedAt: null,
      messengerInteractedAt: null,
      fields: {},
      sequences: [],
      createdAt: now,
      updatedAt: now,
    };
    customers.insert(created);
    return { customer: created, change: 'created' };
  }
  const updated: Customer = {
    ...existing,
    emailVerified: existing.emailVerified || (c?.emailVerified ?? false),
    name: c?.name ?? existing.name,
    phone: c?.phone ?? address?.phone ?? existing.phone,
    address: address ?? existing.address,
    zaloUserId: c?.zaloUserId ?? existing.zaloUserId,
    messengerPsid: c?.messengerPsid ?? existing.messengerPsid,
  };
  const changed =
    updated.name !== existing.name ||
    updated.phone !== existing.phone ||
    updated.emailVerified !== existing.emailVerified ||
    JSON.stringify(updated.address) !== JSON.stringify(existing.address) ||
    updated.zaloUserId !== existing.zaloUserId ||
    updated.messengerPsid !== existing.messengerPsid;
  if (!changed) return { customer: existing, change: 'unchanged' };
  const saved = { ...updated, updatedAt: now };
  customers.update(saved);
  return { customer: saved, change: 'updated' };
}

/** The message steps a customer page lists, newest first. */
const MESSAGES_SHOWN = 200;

/** What the customer page reads besides the customer: their orders, sequences and timelines. */
export interface CustomerPageDeps {
  repos: Pick<Repositories, 'orders' | 'sequences'>;
  timeline: Timeline;
}

/** Customers as the API answers them, and a customer's page: one person across platforms. */
export function createCustomerService(customers: CustomersRepo, d: CustomerPageDeps) {
  const get = (id: string): Customer => {
    const c = customers.get(id);
    if (!c) throw notFound('customer', id);
    return c;
  };
  return {
    search: (query: string | undefined, limit: number): Customer[] => customers.search(query, limit),
    get,
    /** Seeds 000/001: the customer, their orders from every platform, sequences and messages. */
    page(id: string): CustomerPageDto {
      const customer = get(id);
      const orderIds = customers.orderIds(id);
      const orders = orderIds.flatMap((orderId) => {
        const row = d.repos.orders.summary(orderId);
        return row ? [toOrderSummary(row)] : [];
      });
      const numbers = new Map(orders.map((o) => [o.id, o.number]));
      const messages = d.timeline.messageSteps(orderIds, MESSAGES_SHOWN).map((entry) => ({ entry, orderNumber: numbers.get(entry.orderId) ?? entry.orderId }));
      return { customer, orders, enrolments: d.repos.sequences.ofCustomer(id), messages };
    },
    /** The timelines of all the customer's orders joined, a page at a time. */
    timeline(id: string, a: TimelinePageArgs): TimelinePageDto {
      get(id);
      return d.timeline.page(customers.orderIds(id), a);
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomerService>;
