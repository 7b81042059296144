import type { Address, LineItem } from '../../contract/index.ts';
import type { NhanhV1Order, NhanhV2Order, NhanhV2Product, NhanhV3Order } from './nhanhvn-payload.ts';

/**
 * What one delivery says about an order. `undefined` means "not sent": v2 `orderUpdate`
 * often carries only `orderId` and `status`, so the rest stays as Flowdesk stored it.
 */
export interface NhanhFields {
  id: string;
  status?: string;
  reason?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  customer?: { platformCustomerId?: string | null; name?: string | null; phone?: string | null; email?: string | null };
  address?: Address;
  lineItems?: LineItem[];
  total?: string;
  discount?: string;
  /** Paid ahead by bank transfer (`moneyTransfer`, v3 `payment.transferAmount`). */
  transfer?: string;
  /** Paid ahead as a deposit (`moneyDeposit`, v3 `payment.depositAmount`). */
  deposit?: string;
  /** The carrier's fee for collecting on delivery (`codFee`). */
  codFee?: string;
  /** `type` "Shopping": sold at the counter, paid there, not collected by a carrier. */
  counterSale?: boolean;
  channel?: string | null;
  note?: string | null;
}

type Num = number | string | null | undefined;

export function toDecimal(v: number | string): string {
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v.trim()) ? v.trim() : '0';
  if (!Number.isFinite(v)) return '0';
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(10).replace(/\.?0+$/, '') : s;
}

const dec = (v: Num): string | undefined => (v === null || v === undefined || v === '' ? undefined : toDecimal(v));
const text = (v: number | string | null | undefined): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

function scaled(v: string, scale: number): bigint {
  const negative = v.startsWith('-');
  const [int = '0', frac = ''] = v.replace(/^-/, '').split('.');
  const n = BigInt(`${int}${frac.padEnd(scale, '0').slice(0, scale)}`);
  return negative ? -n : n;
}

function unscaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const out = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${out}` : out;
}

/** Exact decimal arithmetic on strings: Σ (value × times). */
export function sumDecimals(terms: readonly (readonly [string, number])[]): string {
  const scale = Math.max(0, ...terms.map(([v]) => (v.split('.')[1] ?? '').length));
  return unscaled(terms.reduce((acc, [v, times]) => acc + scaled(v, scale) * BigInt(times), 0n), scale);
}

/** Nhanh times: unix seconds (v3), or "yyyy-mm-dd hh:mm:ss" in shop time (v1/v2). */
export function nhanhTime(v: number | string | null | undefined, utcOffset: string): string | null {
  if (v === null || v === undefined || v === '' || v === 0 || v === '0') return null;
  if (typeof v === 'number' || /^\d+$/.test(v)) {
    const n = Number(v);
    return new Date(n > 1e12 ? n : n * 1000).toISOString();
  }
  const m = /^(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d(?::\d\d)?))?$/.exec(v.trim());
  if (m) return `${m[1]}T${(m[2] ?? '00:00:00').padEnd(8, ':00')}${utcOffset}`;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : /(Z|[+-]\d\d:\d\d)$/.test(v) ? v : new Date(ms).toISOString();
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function items(products: readonly NhanhV2Product[] | Record<string, NhanhV2Product> | null | undefined): LineItem[] | undefined {
  if (!products) return undefined;
  return Object.values(products).map((p) => {
    const quantity = Math.trunc(Number(p.quantity ?? 1)) || 0;
    return {
      id: text(p.id) ?? text(p.productId) ?? null,
      productId: text(p.productId) ?? text(p.id) ?? null,
      variantId: null,
      sku: p.productCode || p.code || null,
      title: p.productName || p.name || '(untitled item)',
      variantTitle: null,
      quantity,
      price: dec(p.price) ?? '0',
      tags: [],
      properties: dec(p.discount) && dec(p.discount) !== '0' ? [{ name: 'discount', value: dec(p.discount)! }] : [],
    };
  });
}

function customerOf(c: NhanhFields['customer']): NhanhFields['customer'] | undefined {
  const d = defined(c ?? {});
  return Object.keys(d).length > 0 ? d : undefined;
}

export function fieldsFromV2(o: NhanhV2Order, utcOffset: string): NhanhFields {
  const id = text(o.orderId) ?? text(o.id);
  if (!id) throw new Error('the order has no orderId');
  const hasAddress = o.customerAddress || o.customerCity || o.customerDistrict || o.customerWard;
  return defined({
    id,
    status: o.status ?? o.statusCode ?? undefined,
    reason: o.reason ?? undefined,
    createdAt: nhanhTime(o.createdDateTime, utcOffset) ?? undefined,
    updatedAt: nhanhTime(o.updatedDateTime, utcOffset) ?? undefined,
    customer: customerOf({ platformCustomerId: text(o.customerId), name: o.customerName ?? undefined, phone: o.customerMobile ?? undefined, email: o.customerEmail ?? undefined }),
    address: hasAddress
      ? { name: o.customerName ?? null, phone: o.customerMobile ?? null, address1: o.customerAddress ?? null, ward: o.customerWard ?? null, district: o.customerDistrict ?? null, city: o.customerCity ?? null, countryCode: 'VN' }
      : undefined,
    lineItems: items(o.products),
    total: dec(o.calcTotalMoney),
    discount: dec(o.moneyDiscount),
    transfer: dec(o.moneyTransfer),
    deposit: dec(o.moneyDeposit),
    codFee: dec(o.codFee),
    counterSale: typeof o.type === 'string' && o.type !== '' ? o.type === 'Shopping' : undefined,
    channel: text(o.saleChannel),
    note: o.description ?? undefined,
  }) as NhanhFields;
}

export function fieldsFromV3(o: NhanhV3Order, utcOffset: string): NhanhFields {
  const a = o.shippingAddress;
  const lineItems = items(o.products);
  const computed = lineItems && lineItems.length > 0 ? sumDecimals(lineItems.map((li) => [li.price, li.quantity])) : undefined;
  return defined({
    id: String(o.info.id),
    status: o.info.status === null || o.info.status === undefined ? undefined : String(o.info.status),
    reason: o.info.reason ?? undefined,
    createdAt: nhanhTime(o.info.createdAt, utcOffset) ?? undefined,
    updatedAt: nhanhTime(o.info.updatedAt, utcOffset) ?? undefined,
    customer: customerOf({
      platformCustomerId: text(o.customer?.id),
      name: o.customer?.name ?? a?.name ?? undefined,
      phone: o.customer?.mobile ?? a?.mobile ?? undefined,
      email: o.customer?.email ?? a?.email ?? undefined,
    }),
    address: a ? { name: a.name ?? null, phone: a.mobile ?? null, address1: a.address ?? null, ward: a.wardName ?? null, district: a.districtName ?? null, city: a.cityName ?? null, countryCode: 'VN' } : undefined,
    lineItems,
    total: dec(o.payment?.totalAmount) ?? dec(o.info.totalAmount) ?? computed,
    discount: dec(o.info.discount),
    transfer: dec(o.payment?.transferAmount),
    deposit: dec(o.payment?.depositAmount),
    channel: text(o.channel?.saleChannel),
    note: o.info.description ?? undefined,
  }) as NhanhFields;
}

export function fieldsFromV1(o: NhanhV1Order): NhanhFields {
  const id = text(o.orderId) ?? text(o.id);
  if (!id) throw new Error('the order has no id or orderId');
  return defined({
    id,
    status: o.status ?? undefined,
    reason: o.reason ?? undefined,
    customer: customerOf({ phone: o.customerMobile ?? undefined }),
    total: dec(o.totalAmount) ?? dec(o.totalProductMoney),
    discount: dec(o.discount),
    transfer: dec(o.moneyTransfer),
    deposit: dec(o.moneyDeposit),
    codFee: dec(o.codFee),
  }) as NhanhFields;
}
