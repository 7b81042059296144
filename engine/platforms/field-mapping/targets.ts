import { z } from 'zod';
import type { ValueKind } from './transforms.ts';

/**
 * The canonical Order paths a mapping rule can fill (engine/contract/order.ts), and what each
 * holds. `lineItems` takes a sub-mapping per element; `tags` takes a list of texts (a text with
 * commas is split). `financialStatus`, `fulfillmentStatus`, `deliveryStatus` and `platformStatus`
 * take the source's own status words, which the connection's status table turns into canonical
 * ones. `paymentMethod` is the source's own word too: whether it means cash on delivery is
 * decided once for every platform (platforms/cash-on-delivery.ts) unless `cashOnDelivery` is mapped.
 */
const addressFields = ['name', 'firstName', 'lastName', 'phone', 'company', 'address1', 'address2', 'ward', 'district', 'city', 'province', 'provinceCode', 'country', 'countryCode', 'zip'] as const;

const scalarTargets = {
  platformOrderId: 'text',
  number: 'text',
  createdAt: 'date',
  updatedAt: 'date',
  cancelledAt: 'date',
  cancelReason: 'text',
  platformStatus: 'text',
  financialStatus: 'text',
  fulfillmentStatus: 'text',
  deliveryStatus: 'text',
  paymentMethod: 'text',
  cashOnDelivery: 'boolean',
  storeStatus: 'text',
  'customer.platformCustomerId': 'text',
  'customer.name': 'text',
  'customer.firstName': 'text',
  'customer.lastName': 'text',
  'customer.email': 'text',
  'customer.emailVerified': 'boolean',
  'customer.phone': 'text',
  'customer.zaloUserId': 'text',
  'customer.messengerPsid': 'text',
  ...Object.fromEntries(addressFields.map((f) => [`shippingAddress.${f}`, 'text'])),
  ...Object.fromEntries(addressFields.map((f) => [`billingAddress.${f}`, 'text'])),
  subtotalPrice: 'decimal',
  totalPrice: 'decimal',
  totalTax: 'decimal',
  totalDiscounts: 'decimal',
  currency: 'text',
  salesChannel: 'text',
  note: 'text',
  test: 'boolean',
} as Record<string, ValueKind>;

export const orderScalarTargets: Readonly<Record<string, ValueKind>> = scalarTargets;

export const lineItemTargets: Readonly<Record<string, ValueKind>> = {
  id: 'text',
  productId: 'text',
  variantId: 'text',
  sku: 'text',
  title: 'text',
  variantTitle: 'text',
  quantity: 'integer',
  price: 'decimal',
};

/**
 * What an order cannot exist without: its id, when it was made, and how much it is; and, for
 * each line item, its title and price. Only a problem with one of these fails a delivery; any
 * other field that cannot be read is left empty with a warning on the delivery, so one
 * surprise in an optional field (an address sent as an object) does not lose the order.
 */
export const REQUIRED_TARGETS = ['platformOrderId', 'createdAt', 'totalPrice'] as const;
export const REQUIRED_LINE_ITEM_TARGETS = ['title', 'price'] as const;

/** Targets that take a list: `tags` (of texts) at both levels, `lineItems` (of sub-mapped elements) on the order. */
export const TEXT_LIST = 'tags';
export const ITEM_LIST = 'lineItems';

const names = (o: Readonly<Record<string, ValueKind>>, ...lists: string[]) => [...Object.keys(o), ...lists] as [string, ...string[]];

export const OrderTarget = z.enum(names(orderScalarTargets, TEXT_LIST, ITEM_LIST));
export type OrderTarget = z.infer<typeof OrderTarget>;

export const LineItemTarget = z.enum(names(lineItemTargets, TEXT_LIST));
export type LineItemTarget = z.infer<typeof LineItemTarget>;
