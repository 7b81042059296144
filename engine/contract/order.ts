import { z } from 'zod';
import { Platform } from './platform.ts';

/** Money travels as a decimal string ("404.95"), exactly as the platforms send it. */
export const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as "12.50"');
export type Decimal = z.infer<typeof Decimal>;

export const IsoDateTime = z.iso.datetime({ offset: true });

export const Address = z.object({
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phone: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  /** Vietnamese addresses: phường/xã. Optional: marketplaces do not always sync it (seed 002). */
  ward: z.string().nullish(),
  district: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  provinceCode: z.string().nullish(),
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
  zip: z.string().nullish(),
});
export type Address = z.infer<typeof Address>;

export const LineItem = z.object({
  id: z.string().nullish(),
  productId: z.string().nullish(),
  variantId: z.string().nullish(),
  sku: z.string().nullish(),
  title: z.string(),
  variantTitle: z.string().nullish(),
  quantity: z.number().int(),
  price: Decimal,
  tags: z.array(z.string()),
  properties: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type LineItem = z.infer<typeof LineItem>;

/** The customer as the order names them; the stored customer is `Customer` in customer.ts. */
export const OrderCustomer = z.object({
  platformCustomerId: z.string().nullish(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  emailVerified: z.boolean(),
  phone: z.string().nullish(),
  zaloUserId: z.string().nullish(),
  messengerPsid: z.string().nullish(),
});
export type OrderCustomer = z.infer<typeof OrderCustomer>;

export const FinancialStatus = z.enum([
  'pending',
  'authorized',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
  'unknown',
]);
export type FinancialStatus = z.infer<typeof FinancialStatus>;

export const FulfillmentStatus = z.enum(['unfulfilled', 'partial', 'fulfilled', 'restocked', 'unknown']);
export type FulfillmentStatus = z.infer<typeof FulfillmentStatus>;

/**
 * One order model for all eight platforms. Platform-specific values that have no canonical
 * slot stay in `platformStatus` (the platform's own word) and in the raw delivery.
 */
export const Order = z.object({
  platform: Platform,
  /** The store's identity on its platform: a shop domain, an org id, a seller id. */
  storeId: z.string(),
  platformOrderId: z.string(),
  /** What the merchant calls the order: "#1001". */
  number: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  cancelledAt: IsoDateTime.nullish(),
  cancelReason: z.string().nullish(),
  /** The platform's own status word, unmapped. */
  platformStatus: z.string().nullish(),
  /** The store status it maps to (seed 002's table for marketplaces). */
  storeStatus: z.string().nullish(),
  customer: OrderCustomer.nullable(),
  shippingAddress: Address.nullable(),
  billingAddress: Address.nullable(),
  lineItems: z.array(LineItem),
  subtotalPrice: Decimal,
  totalPrice: Decimal,
  totalTax: Decimal,
  totalDiscounts: Decimal,
  currency: z.string(),
  tags: z.array(z.string()),
  /** Where the sale happened: "Online Store", "POS", "Lazada". */
  salesChannel: z.string().nullish(),
  note: z.string().nullish(),
  test: z.boolean(),
});
export type Order = z.infer<typeof Order>;
