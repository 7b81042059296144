import { z } from 'zod';
import { CanonicalEventType } from '../events.ts';
import { DeliveryStatus, FinancialStatus, FulfillmentStatus } from '../order.ts';
import { Platform } from '../platform.ts';
import type { RuleType } from './condition.ts';

/**
 * The fields a condition can pick, over the trigger data a flow sees (`event`, `order`,
 * `customer`, `previous`), written out from the canonical model in order.ts and customer.ts.
 * condition-fields.test.ts walks the model's zod schemas so a renamed field fails a test here.
 * The order model has no line-item vendor: platforms do not all send one, so none is offered.
 */

/** `money` is a decimal string in the data and a number in comparisons. */
export const ConditionFieldType = z.enum(['text', 'number', 'money', 'date', 'boolean', 'list']);
export type ConditionFieldType = z.infer<typeof ConditionFieldType>;

export const ConditionField = z.object({
  /** From the root of the trigger data, or from the item for a list's `itemFields`. */
  path: z.string(),
  type: ConditionFieldType,
  label_en: z.string(),
  label_vi: z.string(),
  /** The values an enum field can take, for a picker. */
  options: z.array(z.string()).optional(),
  /** For a list of plain values (tags): what each value is. */
  itemType: ConditionFieldType.optional(),
  /** For a list of objects (line items): the fields of one item, for a quantifier. */
  get itemFields(): z.ZodOptional<z.ZodArray<typeof ConditionField>> {
    return z.array(ConditionField).optional();
  },
});
export type ConditionField = z.infer<typeof ConditionField>;

/** The rule type a field of this type is compared as. */
export function ruleTypeForField(type: ConditionFieldType): RuleType {
  return type === 'money' ? 'number' : type;
}

type FieldOpts = Pick<ConditionField, 'options' | 'itemType' | 'itemFields'>;
const field = (path: string, type: ConditionFieldType, label_en: string, label_vi: string, opts: FieldOpts = {}): ConditionField => ({
  path, type, label_en, label_vi, ...opts,
});

function addressFields(prefix: string, en: string, vi: string): ConditionField[] {
  return [
    field(`${prefix}.name`, 'text', `${en}: name`, `${vi}: tên người nhận`),
    field(`${prefix}.phone`, 'text', `${en}: phone`, `${vi}: số điện thoại`),
    field(`${prefix}.address1`, 'text', `${en}: address`, `${vi}: địa chỉ`),
    field(`${prefix}.ward`, 'text', `${en}: ward`, `${vi}: phường/xã`),
    field(`${prefix}.district`, 'text', `${en}: district`, `${vi}: quận/huyện`),
    field(`${prefix}.city`, 'text', `${en}: city`, `${vi}: thành phố`),
    field(`${prefix}.province`, 'text', `${en}: province`, `${vi}: tỉnh/thành phố`),
    field(`${prefix}.country`, 'text', `${en}: country`, `${vi}: quốc gia`),
    field(`${prefix}.countryCode`, 'text', `${en}: country code`, `${vi}: mã quốc gia`),
    field(`${prefix}.zip`, 'text', `${en}: postal code`, `${vi}: mã bưu chính`),
  ];
}

export const lineItemFields: readonly ConditionField[] = [
  field('title', 'text', 'Product title', 'Tên sản phẩm'),
  field('variantTitle', 'text', 'Variant title', 'Tên phân loại'),
  field('sku', 'text', 'SKU', 'Mã SKU'),
  field('productId', 'text', 'Product ID', 'Mã sản phẩm'),
  field('variantId', 'text', 'Variant ID', 'Mã phân loại'),
  field('quantity', 'number', 'Quantity', 'Số lượng'),
  field('price', 'money', 'Unit price', 'Đơn giá'),
  field('tags', 'list', 'Product tags', 'Thẻ sản phẩm', { itemType: 'text' }),
  field('properties', 'list', 'Line item properties', 'Thuộc tính của dòng hàng', {
    itemFields: [field('name', 'text', 'Property name', 'Tên thuộc tính'), field('value', 'text', 'Property value', 'Giá trị thuộc tính')],
  }),
];

const statusFields = (prefix: string, en: string, vi: string): ConditionField[] => [
  field(`${prefix}.financialStatus`, 'text', `${en}payment status`, `Trạng thái thanh toán${vi}`, { options: [...FinancialStatus.options] }),
  field(`${prefix}.fulfillmentStatus`, 'text', `${en}fulfillment status`, `Trạng thái thực hiện${vi}`, { options: [...FulfillmentStatus.options] }),
  field(`${prefix}.deliveryStatus`, 'text', `${en}delivery status`, `Trạng thái giao hàng${vi}`, { options: [...DeliveryStatus.options] }),
];

export const conditionFields: readonly ConditionField[] = [
  field('event.type', 'text', 'Event', 'Sự kiện', { options: [...CanonicalEventType.options] }),
  field('event.platform', 'text', 'Platform', 'Nền tảng', { options: [...Platform.options] }),
  field('event.occurredAt', 'date', 'Event time', 'Thời điểm xảy ra'),

  field('order.number', 'text', 'Order number', 'Mã đơn hàng'),
  field('order.platform', 'text', 'Order platform', 'Nền tảng của đơn', { options: [...Platform.options] }),
  field('order.createdAt', 'date', 'Order date', 'Ngày đặt'),
  field('order.updatedAt', 'date', 'Last changed', 'Thay đổi gần nhất'),
  ...statusFields('order', 'Order ', ''),
  field('order.cashOnDelivery', 'boolean', 'Cash on delivery (COD)', 'Thanh toán khi nhận hàng (COD)'),
  field('order.paymentMethod', 'text', 'Payment method', 'Phương thức thanh toán'),
  field('order.cancelledAt', 'date', 'Cancelled at', 'Ngày hủy'),
  field('order.cancelReason', 'text', 'Cancel reason', 'Lý do hủy'),
  field('order.platformStatus', 'text', 'Platform status', 'Trạng thái trên nền tảng'),
  field('order.storeStatus', 'text', 'Store status', 'Trạng thái cửa hàng'),
  field('order.subtotalPrice', 'money', 'Subtotal', 'Tạm tính'),
  field('order.totalPrice', 'money', 'Order total', 'Tổng tiền'),
  field('order.totalTax', 'money', 'Total tax', 'Tổng thuế'),
  field('order.totalDiscounts', 'money', 'Total discounts', 'Tổng giảm giá'),
  field('order.currency', 'text', 'Currency', 'Đơn vị tiền tệ'),
  field('order.tags', 'list', 'Order tags', 'Thẻ đơn hàng', { itemType: 'text' }),
  field('order.salesChannel', 'text', 'Sales channel', 'Kênh bán hàng'),
  field('order.note', 'text', 'Order note', 'Ghi chú đơn hàng'),
  field('order.test', 'boolean', 'Test order', 'Đơn thử nghiệm'),
  field('order.lineItems', 'list', 'Line items', 'Sản phẩm trong đơn', { itemFields: [...lineItemFields] }),

  field('order.customer.name', 'text', 'Customer name (on the order)', 'Tên khách hàng (trên đơn)'),
  field('order.customer.email', 'text', 'Customer email (on the order)', 'Email khách hàng (trên đơn)'),
  field('order.customer.emailVerified', 'boolean', 'Customer email verified', 'Email khách hàng đã xác minh'),
  field('order.customer.phone', 'text', 'Customer phone (on the order)', 'Số điện thoại khách hàng (trên đơn)'),
  ...addressFields('order.shippingAddress', 'Shipping address', 'Địa chỉ giao hàng'),
  ...addressFields('order.billingAddress', 'Billing address', 'Địa chỉ thanh toán'),

  field('customer.name', 'text', 'Customer name', 'Tên khách hàng'),
  field('customer.email', 'text', 'Customer email', 'Email khách hàng'),
  field('customer.emailVerified', 'boolean', 'Customer email verified', 'Email khách hàng đã xác minh'),
  field('customer.phone', 'text', 'Customer phone', 'Số điện thoại khách hàng'),
  field('customer.tags', 'list', 'Customer tags', 'Thẻ khách hàng', { itemType: 'text' }),
  field('customer.createdAt', 'date', 'Customer since', 'Ngày tạo khách hàng'),
  field('customer.updatedAt', 'date', 'Customer last changed', 'Khách hàng thay đổi gần nhất'),
  field('customer.address.province', 'text', 'Customer province', 'Tỉnh/thành phố của khách hàng'),
  field('customer.address.city', 'text', 'Customer city', 'Thành phố của khách hàng'),

  // The status before this event, for "was unpaid and is now paid" conditions.
  ...statusFields('previous', 'Previous ', ' trước đó'),
];

/** The catalog entry for a path from the root (`order.lineItems`), or undefined. */
export function findConditionField(path: string): ConditionField | undefined {
  return conditionFields.find((f) => f.path === path);
}
