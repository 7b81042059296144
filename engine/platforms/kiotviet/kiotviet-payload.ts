import { z } from 'zod';

/**
 * KiotViet webhook bodies (reference §7.2): `{Id, Attempt, Notifications: [{Action, Data: […]}]}`
 * for updates, `{RemoveId: [ids]}` for deletions. Field names are PascalCase in webhooks; the
 * Public API answers in camelCase (`KiotVietApiCustomer`).
 */
const Id = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
const str = z.string().nullish();
const Amount = z.union([z.number(), z.string()]).nullish();
const Int = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));

export const KiotVietDetail = z.object({
  ProductId: Id.nullish(),
  ProductCode: str,
  ProductName: str,
  Quantity: z.union([z.number(), z.string()]).transform((v) => Number(v)),
  Price: Amount,
  Discount: Amount,
  DiscountRatio: Amount,
  Note: str,
});
export type KiotVietDetail = z.infer<typeof KiotVietDetail>;

export const KiotVietDelivery = z.object({
  DeliveryCode: str,
  Status: Int.nullish(),
  StatusValue: str,
  Price: Amount,
  Receiver: str,
  ContactNumber: str,
  Address: str,
  LocationName: str,
  WardName: str,
  /** "Thu hộ tiền": the carrier collects the price (COD); the guide's GET /invoices shows it. */
  UsingPriceCod: z.boolean().nullish(),
});

export const KiotVietPayment = z.object({
  Id: Id.nullish(),
  Code: str,
  Amount: Amount,
  Method: str,
  Status: Int.nullish(),
  StatusValue: str,
  TransDate: str,
});

/** One `Data[]` entry of order.update (đặt hàng) or invoice.update (hóa đơn). */
export const KiotVietDocument = z.object({
  Id: Id,
  Code: z.string().min(1),
  PurchaseDate: z.string(),
  BranchId: Id.nullish(),
  BranchName: str,
  SoldByName: str,
  CustomerId: Id.nullish(),
  CustomerCode: str,
  CustomerName: str,
  Total: Amount,
  TotalPayment: Amount,
  Discount: Amount,
  Status: Int,
  StatusValue: str,
  Description: str,
  UsingCod: z.boolean().nullish(),
  ModifiedDate: str,
  OrderDetails: z.array(KiotVietDetail).nullish(),
  InvoiceDetails: z.array(KiotVietDetail).nullish(),
  InvoiceDelivery: KiotVietDelivery.nullish(),
  Payments: z.array(KiotVietPayment).nullish(),
});
export type KiotVietDocument = z.infer<typeof KiotVietDocument>;

export const KiotVietNotification = z.object({ Action: z.string(), Data: z.array(z.unknown()).default([]) });

export const KiotVietWebhook = z.object({
  Id: Id.nullish(),
  Attempt: z.number().nullish(),
  Notifications: z.array(KiotVietNotification).nullish(),
  RemoveId: z.array(Id).nullish(),
});
export type KiotVietWebhook = z.infer<typeof KiotVietWebhook>;

/** GET /customers/{id} of the Public API. */
export const KiotVietApiCustomer = z.object({
  id: Id,
  code: str,
  name: str,
  contactNumber: str,
  email: str,
  address: str,
  locationName: str,
  wardName: str,
});
export type KiotVietApiCustomer = z.infer<typeof KiotVietApiCustomer>;

/** What `enrich` hands to `normalize`. */
export const KiotVietEnriched = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('document'),
    topic: z.enum(['order.update', 'invoice.update']),
    document: KiotVietDocument,
    /** The customer as the Public API has it, when the body lacked contact details and credentials were set. */
    customer: KiotVietApiCustomer.nullable(),
  }),
  z.object({
    kind: z.literal('removal'),
    id: Id,
    /** When Flowdesk processed the removal (a RemoveId body carries no time). */
    observedAt: z.string(),
  }),
]);
export type KiotVietEnriched = z.infer<typeof KiotVietEnriched>;

/** `order.update.500123456` → `order.update`, and the retailer id after it. */
export function splitAction(action: string): { type: string; retailerId: string | null } {
  const m = /^(.*?)\.(\d+)$/.exec(action.trim());
  return m ? { type: m[1]!, retailerId: m[2]! } : { type: action.trim(), retailerId: null };
}
