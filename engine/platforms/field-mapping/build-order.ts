import type { Address, CanonicalEventType, FinancialStatus as FinancialStatusType, FulfillmentStatus as FulfillmentStatusType, LineItem, Order as OrderType, OrderCustomer, Platform } from '../../contract/index.ts';
import { FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import type { MappedValues } from './apply-mapping.ts';
import type { OrderStatusEffect, StatusTables } from './mapping-schema.ts';

export interface BuildContext {
  platform: Platform;
  storeId: string;
  statuses: StatusTables;
  currency: string;
  salesChannel: string;
  /** The order as Flowdesk last stored it; events are the transitions from it. */
  previous: OrderType | null;
}

export interface Built {
  order: OrderType;
  events: CanonicalEventType[];
}

/** The problems as one readable message (the first few, and how many more). */
export function problemsMessage(problems: readonly string[]): string {
  const shown = problems.slice(0, 8).join('; ');
  return problems.length > 8 ? `${shown}; … and ${problems.length - 8} more` : shown;
}

function rowFor<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  const key = word.trim().toLowerCase();
  for (const [k, v] of Object.entries(table)) if (k.trim().toLowerCase() === key) return v;
  return undefined;
}

function canonical<T extends string>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, word: string): T | undefined {
  const r = schema.safeParse(word.trim().toLowerCase());
  return r.success ? r.data : undefined;
}

interface Statuses {
  financialStatus: FinancialStatusType;
  fulfillmentStatus: FulfillmentStatusType;
  cancelled: boolean;
  storeStatus: string | null;
}

/**
 * The status words, through the table: a payment or fulfillment word that the table (or the
 * canonical set) knows wins; else what the order-status row says; else "unknown".
 */
export function resolveStatuses(tables: StatusTables, words: { order: string | null; payment: string | null; fulfillment: string | null }): Statuses {
  const effect: OrderStatusEffect = (words.order && rowFor(tables.order, words.order)) || {};
  const pay = words.payment ? (rowFor(tables.payment, words.payment) ?? canonical(FinancialStatus, words.payment)) : undefined;
  const ship = words.fulfillment ? (rowFor(tables.fulfillment, words.fulfillment) ?? canonical(FulfillmentStatus, words.fulfillment)) : undefined;
  return {
    financialStatus: pay ?? effect.financialStatus ?? 'unknown',
    fulfillmentStatus: ship ?? effect.fulfillmentStatus ?? 'unknown',
    cancelled: effect.cancelled === true,
    storeStatus: effect.storeStatus ?? null,
  };
}

/**
 * What the delivery means next to the stored order: created or updated, then each status it
 * reached. A delivery older than the stored order reached nothing (the engine drops its
 * order.updated and keeps the newer state), so it derives no transition either.
 */
export function deriveEvents(order: OrderType, previous: OrderType | null): CanonicalEventType[] {
  const events: CanonicalEventType[] = [previous ? 'order.updated' : 'order.created'];
  if (previous && Date.parse(order.updatedAt) < Date.parse(previous.updatedAt)) return events;
  const became = <K extends 'financialStatus' | 'fulfillmentStatus'>(key: K, value: OrderType[K]) => order[key] === value && previous?.[key] !== value;
  if (became('financialStatus', 'paid')) events.push('order.paid');
  if (order.cancelledAt && !previous?.cancelledAt) events.push('order.cancelled');
  if (became('fulfillmentStatus', 'fulfilled')) events.push('order.fulfilled');
  else if (became('fulfillmentStatus', 'partial')) events.push('order.partially_fulfilled');
  if (became('financialStatus', 'refunded')) events.push('order.refunded');
  return events;
}

const addressKeys = ['name', 'firstName', 'lastName', 'phone', 'company', 'address1', 'address2', 'ward', 'district', 'city', 'province', 'provinceCode', 'country', 'countryCode', 'zip'] as const;

function joinName(first: string | null, last: string | null): string | null {
  return [first, last].filter(Boolean).join(' ') || null;
}

/** Assembles the canonical order from mapped values; collects what keeps it from being one. */
export function buildOrder(values: MappedValues, ctx: BuildContext): { built: Built | null; problems: string[] } {
  const problems: string[] = [];
  const text = (k: string): string | null => (typeof values[k] === 'string' && (values[k] as string).trim() !== '' ? (values[k] as string) : null);
  const required = (k: string, what: string): string => {
    const v = text(k);
    if (v === null) problems.push(`${k}: no value; an order needs ${what} (check the rule for ${k})`);
    return v ?? '';
  };

  const platformOrderId = required('platformOrderId', 'its id');
  const createdAt = required('createdAt', 'the time it was created');
  const totalPrice = required('totalPrice', 'a total');
  const updatedAt = text('updatedAt') ?? createdAt;
  const orderWord = text('platformStatus');
  const st = resolveStatuses(ctx.statuses, { order: orderWord, payment: text('financialStatus'), fulfillment: text('fulfillmentStatus') });
  const cancelledAt = text('cancelledAt') ?? (st.cancelled ? updatedAt : null);

  const customerKeys = ['platformCustomerId', 'name', 'firstName', 'lastName', 'email', 'phone', 'zaloUserId', 'messengerPsid'] as const;
  const c = Object.fromEntries(customerKeys.map((k) => [k, text(`customer.${k}`)])) as Record<(typeof customerKeys)[number], string | null>;
  const customer: OrderCustomer | null = customerKeys.some((k) => c[k] !== null)
    ? { ...c, name: c.name ?? joinName(c.firstName, c.lastName), emailVerified: values['customer.emailVerified'] === true }
    : null;

  const address = (prefix: string): Address | null => {
    const a = Object.fromEntries(addressKeys.map((k) => [k, text(`${prefix}.${k}`)])) as Record<(typeof addressKeys)[number], string | null>;
    if (!addressKeys.some((k) => a[k] !== null)) return null;
    return { ...a, name: a.name ?? joinName(a.firstName, a.lastName) };
  };

  const items = Array.isArray(values['lineItems']) ? (values['lineItems'] as MappedValues[]) : [];
  const lineItems: LineItem[] = items.map((li, i) => {
    const t = (k: string) => (typeof li[k] === 'string' && (li[k] as string).trim() !== '' ? (li[k] as string) : null);
    if (t('title') === null) problems.push(`lineItems[${i}].title: no value; every line item needs a title`);
    if (t('price') === null) problems.push(`lineItems[${i}].price: no value; every line item needs a price`);
    return {
      id: t('id'),
      productId: t('productId'),
      variantId: t('variantId'),
      sku: t('sku'),
      title: t('title') ?? '',
      variantTitle: t('variantTitle'),
      quantity: typeof li['quantity'] === 'number' ? li['quantity'] : 1,
      price: t('price') ?? '0',
      tags: Array.isArray(li['tags']) ? (li['tags'] as string[]) : [],
      properties: [],
    };
  });
  if (problems.length > 0) return { built: null, problems };

  const candidate = {
    platform: ctx.platform,
    storeId: ctx.storeId,
    platformOrderId,
    number: text('number') ?? platformOrderId,
    createdAt,
    updatedAt,
    financialStatus: st.financialStatus,
    fulfillmentStatus: st.fulfillmentStatus,
    cancelledAt,
    cancelReason: text('cancelReason'),
    platformStatus: orderWord,
    storeStatus: text('storeStatus') ?? st.storeStatus,
    customer,
    shippingAddress: address('shippingAddress'),
    billingAddress: address('billingAddress'),
    lineItems,
    subtotalPrice: text('subtotalPrice') ?? totalPrice,
    totalPrice,
    totalTax: text('totalTax') ?? '0',
    totalDiscounts: text('totalDiscounts') ?? '0',
    currency: text('currency') ?? ctx.currency,
    tags: Array.isArray(values['tags']) ? (values['tags'] as string[]) : [],
    salesChannel: text('salesChannel') ?? (ctx.salesChannel || null),
    note: text('note'),
    test: values['test'] === true,
  };
  const parsed = Order.safeParse(candidate);
  if (!parsed.success) {
    return { built: null, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'order'}: ${i.message}`) };
  }
  return { built: { order: parsed.data, events: deriveEvents(parsed.data, ctx.previous) }, problems: [] };
}
