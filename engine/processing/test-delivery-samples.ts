import type { Platform } from '../contract/index.ts';

/**
 * A sample order delivery as each platform sends it (headers and body, before signing), for the
 * first-run guide's test delivery (issue 16). The order is Vietnamese and every field a flow
 * reads is filled: a buyer with an email and a phone, an address with its ward and district, and
 * two lines over 2.000.000 ₫, one of them from supplier A (SKU "NCC-A-…"), so the gallery's
 * "tag VIP" template has something to do. Shapes follow the fixtures in test/fixtures/<platform>.
 */
export interface SampleDelivery {
  topic: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  platformOrderId: string;
  /** What a person reads as the order's name ("#TEST-4821"). */
  name: string;
}

export interface SampleInput {
  /** A fresh number per test delivery, so each is a new order and never a duplicate of the last. */
  serial: number;
  nowMs: number;
  storeId: string;
  /** Lazada: the trade order id the push names (the order itself is read from Lazada). */
  orderId?: string | undefined;
}

const buyer = {
  first_name: 'Lan', last_name: 'Nguyễn Thị', email: 'lan.nguyen@example.com', phone: '+84912345678',
};
const address = {
  first_name: 'Lan', last_name: 'Nguyễn Thị', name: 'Nguyễn Thị Lan', phone: '+84912345678', address1: '12 Phố Huế',
  ward: 'Phường Hàng Bài', district: 'Quận Hoàn Kiếm', city: 'Hà Nội', province: 'Hà Nội', country: 'Vietnam', country_code: 'VN', zip: '100000',
};
const lines = [
  { title: 'Áo dài lụa tơ tằm', variant_title: 'M', sku: 'NCC-A-AO-DAI-M', quantity: 1, price: 1_850_000 },
  { title: 'Khăn lụa vẽ tay', variant_title: 'Xanh', sku: 'KHAN-LUA-XANH', quantity: 1, price: 500_000 },
];
const total = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
const note = 'Đơn thử do Flowdesk gửi từ hướng dẫn bắt đầu';

/** `2026-12-07T18:20:00+07:00`: the time as a Vietnamese store's platform writes it. */
function vnTime(ms: number): string {
  return `${new Date(ms + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

function shopifyLike(input: SampleInput, id: string, name: string, money: (n: number) => string | number) {
  const at = vnTime(input.nowMs);
  return {
    id: Number(id), name, order_number: name.replace(/^#/, ''), email: buyer.email, contact_email: buyer.email, phone: buyer.phone,
    created_at: at, updated_at: at, processed_at: at, cancelled_at: null, cancel_reason: null,
    financial_status: 'paid', fulfillment_status: null, currency: 'VND',
    total_price: money(total), subtotal_price: money(total), total_tax: money(0), total_discounts: money(0),
    tags: '', note, source_name: 'web', gateway: 'bank_transfer', payment_gateway_names: ['bank_transfer'], test: true,
    customer: { id: 7_770_000_001, ...buyer, verified_email: true, default_address: address },
    shipping_address: address, billing_address: address,
    line_items: lines.map((l, i) => ({
      id: Number(id) * 10 + i + 1, product_id: 9010 + i, variant_id: 90_110 + i, sku: l.sku, title: l.title, name: `${l.title} - ${l.variant_title}`,
      variant_title: l.variant_title, quantity: l.quantity, price: money(l.price), properties: [],
    })),
    fulfillments: [],
  };
}

function shopify(input: SampleInput, id: string, name: string): SampleDelivery {
  return {
    topic: 'orders/create', platformOrderId: id, name,
    headers: {
      'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': input.storeId,
      'x-shopify-api-version': '2025-10', 'x-shopify-webhook-id': `flowdesk-test-${input.serial}`, 'x-shopify-event-id': `flowdesk-test-${input.serial}`,
      'x-shopify-triggered-at': new Date(input.nowMs).toISOString(),
    },
    body: shopifyLike(input, id, name, (n) => n.toFixed(2)),
  };
}

function haravan(input: SampleInput, id: string, name: string): SampleDelivery {
  // Haravan's money is a .NET decimal (a JSON number) and its order has its own status flags;
  // its checkout asks for one "Họ và tên", kept whole in first_name (as in Haravan's own demo order).
  const fullName = { first_name: address.name, last_name: null };
  const order = shopifyLike(input, id, name, (n) => n);
  const body = {
    ...order, order_number: name, gateway: 'Chuyển khoản ngân hàng',
    customer: { ...order.customer, ...fullName, default_address: { ...address, ...fullName } },
    shipping_address: { ...address, ...fullName }, billing_address: { ...address, ...fullName },
    fulfillment_status: 'notfulfilled', closed_status: 'unclosed', cancelled_status: 'uncancelled', confirmed_status: 'confirmed',
  };
  return {
    topic: 'orders/create', platformOrderId: id, name, body,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-haravan-topic': 'orders/create', 'x-haravan-org-id': input.storeId },
  };
}

function lazada(input: SampleInput): SampleDelivery {
  const id = input.orderId ?? '';
  return {
    topic: 'message_type 0', platformOrderId: id, name: id,
    headers: { 'content-type': 'application/json' },
    body: {
      seller_id: input.storeId, message_type: 0, timestamp: input.nowMs, site: 'lazada_vn',
      data: { order_status: 'pending', trade_order_id: id, status_update_time: Math.floor(input.nowMs / 1000) },
    },
  };
}

/** The platforms a test delivery can be made for, and how. */
const samplers: Partial<Record<Platform, (input: SampleInput, id: string, name: string) => SampleDelivery>> = { shopify, haravan, lazada };

export function hasSample(platform: Platform): boolean {
  return Object.hasOwn(samplers, platform);
}

/** The sample for a platform, or null when Flowdesk has none for it yet. */
export function sampleDelivery(platform: Platform, input: SampleInput): SampleDelivery | null {
  const make = samplers[platform];
  if (!make) return null;
  const suffix = String(input.serial % 10_000).padStart(4, '0');
  // A 13-digit id, unique per send, in the range real order ids have.
  const id = String(9_000_000_000_000 + (input.serial % 1_000_000_000_000));
  return make(input, id, `#TEST-${suffix}`);
}
