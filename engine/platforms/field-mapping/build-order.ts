import type { Address, DeliveryStatus as DeliveryStatusType, FinancialStatus as FinancialStatusType, FulfillmentStatus as FulfillmentStatusType, LineItem, Order as OrderType, OrderCustomer, Platform } from '../../contract/index.ts';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus, Order } from '../../contract/index.ts';
import { isCashOnDelivery } from '../cash-on-delivery.ts';
import type { MappedValues } from './apply-mapping.ts';
import type { OrderStatusEffect, StatusTables } from './mapping-schema.ts';

export interface BuildContext {
  platform: Platform;
  storeId: string;
  statuses: StatusTables;
  currency: string;
  salesChannel: string;
  /** The order as Flowdesk last stored it: a cancellation keeps the time it was first seen. */
  previous: OrderType | null;
}

export interface Built {
  order: OrderType;
  /** Status words the table does not know, read as the default state (shown on the delivery). */
  warnings: string[];
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

export interface Statuses {
  financialStatus: FinancialStatusType;
  fulfillmentStatus: FulfillmentStatusType;
  deliveryStatus: DeliveryStatusType;
  cancelled: boolean;
  storeStatus: string | null;
  /** The payment, fulfillment and delivery words neither the table nor the canonical set knows. */
  unknownWords: string[];
}

export interface StatusWords {
  order: string | null;
  payment: string | null;
  fulfillment: string | null;
  delivery?: string | null;
}

/**
 * The status words, through the table: a payment, fulfillment or delivery word that the table
 * (or the canonical set) knows wins; else what the order-status row says; else "unknown" (for
 * delivery, "none": nothing is known to have left). Paid is only what a word says: a COD order
 * is unpaid until its payment word (or an order row the user wrote) says the money came in.
 */
export function resolveStatuses(tables: StatusTables, words: StatusWords): Statuses {
  const effect: OrderStatusEffect = (words.order && rowFor(tables.order, words.order)) || {};
  const unknownWords: string[] = [];
  const read = <T extends string>(target: string, table: Readonly<Record<string, T>>, tableName: string, schema: Parameters<typeof canonical<T>>[0], word: string | null | undefined, fallback: string): T | undefined => {
    if (!word) return undefined;
    const known = rowFor(table, word) ?? canonical(schema, word);
    if (known === undefined) unknownWords.push(`${target}: "${word}" is not in the status table (statuses.${tableName}); read as ${fallback}`);
    return known;
  };
  const pay = read('financialStatus', tables.payment, 'payment', FinancialStatus, words.payment, effect.financialStatus ?? 'unknown');
  const ship = read('fulfillmentStatus', tables.fulfillment, 'fulfillment', FulfillmentStatus, words.fulfillment, effect.fulfillmentStatus ?? 'unknown');
  const delivery = read('deliveryStatus', tables.delivery, 'delivery', DeliveryStatus, words.delivery, effect.deliveryStatus ?? 'none');
  return {
    financialStatus: pay ?? effect.financialStatus ?? 'unknown',
    fulfillmentStatus: ship ?? effect.fulfillmentStatus ?? 'unknown',
    deliveryStatus: delivery ?? effect.deliveryStatus ?? 'none',
    cancelled: effect.cancelled === true,
    storeStatus: effect.storeStatus ?? null,
    unknownWords,
  };
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
  const st = resolveStatuses(ctx.statuses, { order: orderWord, payment: text('financialStatus'), fulfillment: text('fulfillmentStatus'), delivery: text('deliveryStatus') });
  // A cancelled word carries no time: keep the one first recorded, else the order's version.
  const cancelledAt = text('cancelledAt') ?? (st.cancelled ? (ctx.previous?.cancelledAt ?? updatedAt) : null);
  const paymentMethod = text('paymentMethod');
  // A mapped yes/no wins (a source with its own COD flag); else the method's word decides, as on every platform.
  const cashOnDelivery = typeof values['cashOnDelivery'] === 'boolean' ? values['cashOnDelivery'] : isCashOnDelivery(paymentMethod);

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
    deliveryStatus: st.deliveryStatus,
    cashOnDelivery,
    paymentMethod,
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
  return { built: { order: parsed.data, warnings: st.unknownWords }, problems: [] };
}
