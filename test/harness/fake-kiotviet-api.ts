import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';

/**
 * A local KiotViet Public API (reference/platform-apis.md §7, §9.4): `POST /connect/token`
 * (client credentials, configurable `expires_in`), then calls that need `Retailer` and
 * `Authorization: Bearer`. GETs are counted per rolling hour against KiotViet's 5000 (a 429 with
 * Retry-After past it), `pageSize` is clamped to 100, times are local (+07:00) without an offset,
 * answers camelCase, errors `{responseStatus: {errorCode, message}}`.
 */
export interface KvPayment { id: number; code: string; amount: number; method: string; status: number; statusValue: string; transDate: string }
export interface KvFakeDoc {
  id: number;
  code: string;
  purchaseDate: string;
  branchId: number;
  branchName: string;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  total: number;
  totalPayment: number;
  status: number;
  statusValue: string;
  description: string | null;
  usingCod: boolean;
  payments: KvPayment[];
  orderDetails?: { productId: number; productCode: string; productName: string; quantity: number; price: number }[];
  invoiceDetails?: { productId: number; productCode: string; productName: string; quantity: number; price: number }[];
  invoiceDelivery?: Record<string, unknown> | null;
  orderId?: number;
  retailerId: number;
  modifiedDate: string;
  createdDate: string;
}
export interface KvFakeGroup { id: number; name: string; customerGroupDetails: { id: number; customerId: number; groupId: number }[] }
export interface KvFakeCustomer { id: number; code: string; name: string; contactNumber: string; email: string }

export interface KiotVietFake extends PlatformFake {
  retailer: string;
  clientId: string;
  clientSecret: string;
  orders: Map<number, KvFakeDoc>;
  invoices: Map<number, KvFakeDoc>;
  customers: Map<number, KvFakeCustomer>;
  groups: KvFakeGroup[];
  /** Tokens handed out by /connect/token so far. */
  tokensIssued(): number;
  /** Every token stops working (KiotViet dropped them): the next call gets a 401. */
  revokeTokens(): void;
  getsInLastHour(): number;
  groupNamesOf(customerId: number): string[];
}

const OFFSET_MS = 7 * 3_600_000;
/** KiotViet's local time, .NET style: "2026-01-05T10:11:12.1230000". */
export const kvTime = (ms: number) => `${new Date(ms + OFFSET_MS).toISOString().slice(0, 23)}0000`;
const labels = { order: { 1: 'Phiếu tạm', 2: 'Đang giao hàng', 3: 'Hoàn thành', 4: 'Đã hủy', 5: 'Đã xác nhận' }, invoice: { 1: 'Hoàn thành', 2: 'Đã hủy', 3: 'Đang xử lý', 5: 'Không giao được' } } as Record<string, Record<number, string>>;
const deliveryLabels: Record<number, string> = { 1: 'Chờ xử lý', 2: 'Đang giao hàng', 3: 'Giao thành công', 4: 'Đang chuyển hoàn', 5: 'Đã chuyển hoàn', 6: 'Đã hủy' };

export function kiotVietFakeOrder(id: number, modifiedMs: number, over: Partial<KvFakeDoc> = {}): KvFakeDoc {
  return {
    id, code: `DH${String(id).padStart(6, '0')}`, purchaseDate: kvTime(modifiedMs - 3_600_000), branchId: 1, branchName: 'Chi nhánh trung tâm',
    customerId: 501, customerCode: 'KH000501', customerName: 'Trần Thị B', total: 300000, totalPayment: 0, status: 1, statusValue: 'Phiếu tạm',
    description: null, usingCod: false, payments: [], orderDetails: [{ productId: 11, productCode: 'SP011', productName: 'Cà phê', quantity: 2, price: 150000 }],
    retailerId: 777, modifiedDate: kvTime(modifiedMs), createdDate: kvTime(modifiedMs - 3_600_000), ...over,
  };
}

export function kiotVietFakeInvoice(id: number, orderId: number | undefined, modifiedMs: number, over: Partial<KvFakeDoc> = {}): KvFakeDoc {
  const { orderDetails: _o, ...base } = kiotVietFakeOrder(id, modifiedMs);
  return {
    ...base, code: `HD${String(id).padStart(6, '0')}`, status: 3, statusValue: 'Đang xử lý', ...(orderId !== undefined ? { orderId } : {}),
    invoiceDetails: [{ productId: 11, productCode: 'SP011', productName: 'Cà phê', quantity: 2, price: 150000 }],
    invoiceDelivery: { deliveryCode: null, status: 1, statusValue: 'Chờ xử lý', receiver: 'Trần Thị B', contactNumber: '0912345678', address: '2 Hai Bà Trưng', locationName: 'Hồ Chí Minh - Quận 1', partnerDelivery: null },
    ...over,
  };
}

const error = (status: number, errorCode: string, message: string): FakeAnswer => ({ status, body: { responseStatus: { errorCode, message } } });
const json = (body: unknown): FakeAnswer => ({ status: 200, body });

export async function startKiotVietFake(opts: { retailer?: string; clientId?: string; clientSecret?: string; expiresIn?: number; getsPerHour?: number; now?: () => number } = {}): Promise<KiotVietFake> {
  const retailer = opts.retailer ?? 'cuahangabc';
  const clientId = opts.clientId ?? 'kv-client';
  const clientSecret = opts.clientSecret ?? 'kv-secret';
  const now = opts.now ?? (() => Date.now());
  const getsPerHour = opts.getsPerHour ?? 5000;
  const orders = new Map<number, KvFakeDoc>();
  const invoices = new Map<number, KvFakeDoc>();
  const customers = new Map<number, KvFakeCustomer>();
  const groups: KvFakeGroup[] = [];
  const tokens = new Map<string, number>();
  let issued = 0;
  let gets: number[] = [];

  const token = (r: FakeRequest): FakeAnswer => {
    const form = new URLSearchParams(r.body);
    if (!(r.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return { status: 400, body: { error: 'invalid_request' } };
    if (form.get('grant_type') !== 'client_credentials' || form.get('scopes') !== 'PublicApi.Access') return { status: 400, body: { error: 'unsupported_grant_type' } };
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) return { status: 400, body: { error: 'invalid_client' } };
    const expiresIn = opts.expiresIn ?? 86_400;
    const access = `kv-token-${++issued}`;
    tokens.set(access, now() + expiresIn * 1000);
    return json({ access_token: access, expires_in: expiresIn, token_type: 'Bearer' });
  };

  const touch = (doc: KvFakeDoc) => void (doc.modifiedDate = kvTime(now()));
  const groupNamesOf = (customerId: number) => groups.filter((g) => g.customerGroupDetails.some((d) => d.customerId === customerId)).map((g) => g.name);

  const list = (docs: Map<number, KvFakeDoc>, q: URLSearchParams): FakeAnswer => {
    let items = [...docs.values()];
    const from = q.get('lastModifiedFrom');
    if (from) items = items.filter((d) => d.modifiedDate >= from);
    const orderId = q.get('orderId');
    if (orderId) items = items.filter((d) => String(d.orderId) === orderId);
    const by = q.get('orderBy') === 'modifiedDate' ? (d: KvFakeDoc) => d.modifiedDate : (d: KvFakeDoc) => String(d.id).padStart(20, '0');
    const sign = q.get('orderDirection') === 'Desc' ? -1 : 1;
    items.sort((a, b) => sign * (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : a.id - b.id));
    const pageSize = Math.min(100, Math.max(1, Number(q.get('pageSize') ?? 20)));
    const current = Math.max(0, Number(q.get('currentItem') ?? 0));
    return json({ total: items.length, pageSize, data: items.slice(current, current + pageSize) });
  };

  const doc = (kind: 'order' | 'invoice', r: FakeRequest, id: number): FakeAnswer => {
    const docs = kind === 'order' ? orders : invoices;
    const d = docs.get(id);
    if (!d) return error(404, 'NotFound', kind === 'order' ? 'Đơn đặt hàng không tồn tại' : 'Hóa đơn không tồn tại');
    if (r.method === 'GET') return json(d);
    const cancelled = kind === 'order' ? 4 : 2;
    if (r.method === 'DELETE') {
      if (d.status === cancelled) return error(400, 'BadRequest', 'Chứng từ đã bị hủy');
      d.status = cancelled;
      d.statusValue = 'Đã hủy';
      if ((r.query.get('IsVoidPayment') ?? r.query.get('isVoidPayment')) === 'true') for (const p of d.payments) Object.assign(p, { status: 1, statusValue: 'Đã hủy' });
      touch(d);
      return json({ message: 'Xóa dữ liệu thành công' });
    }
    const body = JSON.parse(r.body || '{}') as Record<string, unknown>;
    if (d.status === cancelled) return error(400, 'BadRequest', 'Chứng từ đã bị hủy, không thể cập nhật');
    if (kind === 'order' && typeof body['description'] === 'string') d.description = body['description'];
    if (kind === 'order' && typeof body['totalPayment'] === 'number' && body['totalPayment'] > d.totalPayment) {
      const amount = body['totalPayment'] - d.totalPayment;
      d.payments.push({ id: 9000 + d.payments.length, code: `TTDH${d.id}-${d.payments.length + 1}`, amount, method: String(body['method'] ?? 'Cash'), status: 0, statusValue: 'Đã thanh toán', transDate: kvTime(now()) });
      d.totalPayment = body['totalPayment'];
    }
    const delivery = body['deliveryDetail'] as Record<string, unknown> | undefined;
    if (kind === 'invoice' && delivery) {
      d.invoiceDelivery = { ...d.invoiceDelivery, ...delivery, statusValue: deliveryLabels[Number(delivery['status'] ?? d.invoiceDelivery?.['status'])] ?? null };
    }
    d.statusValue = labels[kind]![d.status] ?? d.statusValue;
    touch(d);
    return json(d);
  };

  const customer = (r: FakeRequest, id: number): FakeAnswer => {
    const c = customers.get(id);
    if (!c) return error(404, 'NotFound', 'Khách hàng không tồn tại');
    if (r.method === 'PUT') {
      const ids = (JSON.parse(r.body || '{}') as { groupIds?: number[] }).groupIds;
      if (ids) {
        if (ids.some((g) => !groups.some((x) => x.id === g))) return error(400, 'BadRequest', 'Nhóm khách hàng không tồn tại');
        for (const g of groups) {
          g.customerGroupDetails = g.customerGroupDetails.filter((d) => d.customerId !== id);
          if (ids.includes(g.id)) g.customerGroupDetails.push({ id: g.id * 1000 + id, customerId: id, groupId: g.id });
        }
      }
    }
    return json({ ...c, retailerId: 777, groups: groupNamesOf(id).join(', ') });
  };

  const handle = (r: FakeRequest): FakeAnswer => {
    if (r.method === 'POST' && r.path === '/connect/token') return token(r);
    const bearer = /^Bearer (\S+)$/.exec(r.headers['authorization'] ?? '')?.[1];
    const expires = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || expires === undefined || expires <= now()) return error(401, 'Unauthorized', 'Token không hợp lệ hoặc đã hết hạn');
    if (r.headers['retailer'] !== retailer) return error(401, 'Unauthorized', 'Retailer không hợp lệ');
    if (r.method === 'GET') {
      gets = gets.filter((t) => t > now() - 3_600_000);
      if (gets.length >= getsPerHour) return { status: 429, headers: { 'retry-after': String(Math.ceil((gets[0]! + 3_600_000 - now()) / 1000)) }, body: error(429, 'TooManyRequests', 'Vượt quá giới hạn 5000 GET/giờ').body };
      gets.push(now());
    }
    const m = /^\/(orders|invoices|customers)(?:\/(\d+|group))?$/.exec(r.path);
    if (r.method === 'GET' && r.path === '/branches') return json({ total: 1, pageSize: 100, data: [{ id: 1, branchName: 'Chi nhánh trung tâm', retailerId: 777 }] });
    if (!m) return error(404, 'NotFound', `No route ${r.method} ${r.path}`);
    const [, what, id] = m;
    if (what === 'customers' && id === 'group' && r.method === 'GET') return json({ total: groups.length, data: groups });
    if (what === 'customers' && id && (r.method === 'GET' || r.method === 'PUT')) return customer(r, Number(id));
    if ((what === 'orders' || what === 'invoices') && !id && r.method === 'GET') return list(what === 'orders' ? orders : invoices, r.query);
    if ((what === 'orders' || what === 'invoices') && id && id !== 'group') return doc(what === 'orders' ? 'order' : 'invoice', r, Number(id));
    return error(405, 'MethodNotAllowed', `${r.method} ${r.path}`);
  };

  const fake = await startPlatformFake(handle);
  return {
    ...fake, retailer, clientId, clientSecret, orders, invoices, customers, groups, groupNamesOf,
    tokensIssued: () => issued,
    revokeTokens: () => tokens.clear(),
    getsInLastHour: () => gets.filter((t) => t > now() - 3_600_000).length,
  };
}
