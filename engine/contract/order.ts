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
  /** The payment failed or was declined (WooCommerce's `failed`): still unpaid. */
  'failed',
  'unknown',
]);
export type FinancialStatus = z.infer<typeof FinancialStatus>;

/**
 * Whether the items have been handed over for shipping (seed 003: "được vận chuyển"):
 * `fulfilled` when every item has shipped, `partial` when some have. Delivery is a later,
 * separate fact (`DeliveryStatus`): a failed delivery is never a fulfilment.
 */
export const FulfillmentStatus = z.enum(['unfulfilled', 'partial', 'fulfilled', 'restocked', 'unknown']);
export type FulfillmentStatus = z.infer<typeof FulfillmentStatus>;

/**
 * What happened to the parcel after it shipped: `none` before it ships (or when the platform
 * does not say), then in transit, delivered, delivery failed (seed 002's "Hủy giao hàng"), or
 * returned to the seller. A return is not a restock (seed 002).
 */
export const DeliveryStatus = z.enum(['none', 'in_transit', 'delivered', 'delivery_failed', 'returned']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * A parcel the order shipped in (Shopify's and Haravan's fulfillments, WooCommerce's tracking
 * meta, a KiotViet invoice's delivery): what the merchant reads on the order page.
 */
export const OrderShipment = z.object({
  id: z.string().nullish(),
  trackingNumber: z.string().nullish(),
  carrier: z.string().nullish(),
  trackingUrl: z.string().nullish(),
  /** The platform's own status word for the shipment ("success", "cancelled"). */
  status: z.string().nullish(),
  /** Where the parcel is, when the platform tracks it. */
  deliveryStatus: DeliveryStatus.nullish(),
  createdAt: z.string().nullish(),
});
export type OrderShipment = z.infer<typeof OrderShipment>;

/**
 * A marketplace's return (seed 002): some (`partial`) or all of the live items came back, and
 * what was refunded to the buyer for them ("0" for a cash-on-delivery parcel never collected).
 * The payment reads "Returned" / "Partially returned"; nothing is restocked until the merchant
 * records the return (marketplace.recordReturn).
 */
export const OrderReturns = z.object({
  status: z.enum(['partial', 'returned']),
  refundedAmount: Decimal,
  lines: z.array(z.object({ lineId: z.string().nullish(), sku: z.string().nullish(), quantity: z.number().int() })),
});
export type OrderReturns = z.infer<typeof OrderReturns>;

/**
 * One order model for all eight platforms. Platform-specific values that have no canonical
 * slot stay in `platformStatus` (the platform's own word) and in the raw delivery.
 */
export const Order = z.object({
  platform: Platform,
  /** The store's identity on its platform: a shop domain, an org id, a seller id. */
  storeId: z.string(),
  platformOrderId: z.string(),
  /**
   * The order number as the platform shows it to the merchant ("#1001" on Shopify, "2041" on
   * WooCommerce, "DH000123" on KiotViet); internal keys stay in `platformOrderId`.
   */
  number: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Paid only when the platform says the money was received: a COD order is unpaid until collected. */
  financialStatus: FinancialStatus,
  fulfillmentStatus: FulfillmentStatus,
  /** Orders stored before delivery was tracked read as `none`. */
  deliveryStatus: DeliveryStatus.default('none'),
  /** The buyer pays on delivery (COD, "thanh toán khi nhận hàng"). */
  cashOnDelivery: z.boolean().default(false),
  /** The payment method as the platform names it ("cod", "bacs", "Thanh toán khi nhận hàng"). */
  paymentMethod: z.string().nullish(),
  /** Set when the order is cancelled on its platform: `order.cancelled` is derived from it. */
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
  /** The parcels it shipped in, with tracking numbers, where the platform says (absent: it does not, or an order stored before). */
  shipments: z.array(OrderShipment).optional(),
  /** Set when the order was deleted on its platform: `order.deleted` is derived from it. */
  deletedAt: IsoDateTime.nullish(),
  /** A marketplace's return (absent: none reported). */
  returns: OrderReturns.optional(),
});
export type Order = z.infer<typeof Order>;
