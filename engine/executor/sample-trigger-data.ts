import type { CanonicalEventType, Customer, Order } from '../contract/index.ts';
import type { TriggerData } from '../nodes/node-type.ts';

/**
 * A Vietnamese order with every field filled: what the editor previews templates against and
 * takes sample values from before the user has picked one of their own orders (or has none).
 */
export const sampleOrder: Order = {
  platform: 'shopify',
  storeId: 'cua-hang-mau.myshopify.com',
  platformOrderId: '5550001001',
  number: '#1001',
  createdAt: '2026-11-20T09:15:00+07:00',
  updatedAt: '2026-11-20T09:20:00+07:00',
  financialStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  deliveryStatus: 'none',
  cashOnDelivery: false,
  paymentMethod: 'bank_transfer',
  cancelledAt: null,
  cancelReason: null,
  platformStatus: 'paid',
  storeStatus: 'Chưa giao hàng',
  customer: {
    platformCustomerId: '7770001',
    name: 'Nguyễn Thị Lan',
    firstName: 'Lan',
    lastName: 'Nguyễn Thị',
    email: 'lan.nguyen@example.com',
    emailVerified: true,
    phone: '+84912345678',
    zaloUserId: null,
    messengerPsid: null,
  },
  shippingAddress: {
    name: 'Nguyễn Thị Lan',
    phone: '+84912345678',
    address1: '12 Phố Huế',
    ward: 'Phường Hàng Bài',
    district: 'Quận Hoàn Kiếm',
    city: 'Hà Nội',
    province: 'Hà Nội',
    country: 'Vietnam',
    countryCode: 'VN',
    zip: '100000',
  },
  billingAddress: null,
  lineItems: [
    {
      id: '1',
      productId: '901',
      variantId: '9011',
      sku: 'AO-DAI-LUA-M',
      title: 'Áo dài lụa tơ tằm, màu xanh',
      variantTitle: 'M',
      quantity: 1,
      price: '1500000',
      tags: ['lụa', 'mới'],
      properties: [{ name: 'Thêu tên', value: 'Lan' }],
    },
    {
      id: '2',
      productId: '902',
      variantId: '9021',
      sku: 'KHAN-LUA',
      title: 'Khăn lụa',
      variantTitle: null,
      quantity: 2,
      price: '250000',
      tags: [],
      properties: [],
    },
  ],
  subtotalPrice: '2000000',
  totalPrice: '2000000',
  totalTax: '0',
  totalDiscounts: '0',
  currency: 'VND',
  tags: ['vip'],
  salesChannel: 'Online Store',
  note: 'Giao giờ hành chính',
  test: true,
  deletedAt: null,
};

export const sampleCustomer: Customer = {
  id: 'cus_sample',
  email: 'lan.nguyen@example.com',
  emailVerified: true,
  name: 'Nguyễn Thị Lan',
  phone: '+84912345678',
  address: sampleOrder.shippingAddress,
  tags: ['khách-quen'],
  zaloUserId: null,
  messengerPsid: null,
  zaloInteractedAt: null,
  messengerInteractedAt: null,
  fields: {},
  sequences: [],
  createdAt: '2025-06-01T10:00:00+07:00',
  updatedAt: '2026-11-20T09:20:00+07:00',
};

/** The sample as a trigger of `event` would hand it to a flow. */
export function sampleTriggerData(event: CanonicalEventType, occurredAt: string): TriggerData {
  return {
    event: { type: event, platform: sampleOrder.platform, occurredAt, connectionId: 'con_sample' },
    order: { ...structuredClone(sampleOrder), id: null },
    customer: structuredClone(sampleCustomer),
    previous: { financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', platformStatus: 'pending', storeStatus: 'Chưa giao hàng' },
  };
}
