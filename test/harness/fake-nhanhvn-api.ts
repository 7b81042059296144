import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';

/**
 * A local Nhanh.vn Open API v3 (reference/platform-apis.md §6, §9.4): `POST /v3.0/{path}?appId&businessId`
 * with `Authorization: {accessToken}`. Like Nhanh, it answers HTTP 200 to everything: `{code: 1}`
 * for success, `{code: 0, errorCode, messages}` for failures, its rate limit included. The list's
 * `paginator.next` is an opaque object that must be echoed as given.
 */
export interface NhanhFakeOrder {
  info: {
    id: number;
    status: string;
    createdAt: number;
    updatedAt: number;
    description: string | null;
    privateDescription: string | null;
    totalAmount: number;
  };
  channel: { saleChannel: number };
  customer: { id: number; name: string; mobile: string };
  shippingAddress: { name: string; mobile: string; address: string; cityName: string };
  products: { id: number; name: string; code: string; quantity: number; price: number }[];
  payment: { depositAmount: number; transferAmount: number; totalAmount: number };
}

export interface NhanhFake extends PlatformFake {
  appId: string;
  businessId: string;
  accessToken: string;
  orders: Map<number, NhanhFakeOrder>;
  /** The next `n` calls answer Nhanh's rate-limit envelope (ERR_429, lockedSeconds). */
  rateLimitNext(n: number, lockedSeconds?: number): void;
}

/** An order as the v3 order list returns it; `updatedAt` in unix seconds. */
export function nhanhFakeOrder(id: number, updatedAt: number, over: Partial<NhanhFakeOrder['info']> = {}): NhanhFakeOrder {
  return {
    info: { id, status: 'New', createdAt: updatedAt - 3600, updatedAt, description: null, privateDescription: null, totalAmount: 250000, ...over },
    channel: { saleChannel: 2 },
    customer: { id: 9000 + id, name: 'Nguyễn Văn A', mobile: '0901234567' },
    shippingAddress: { name: 'Nguyễn Văn A', mobile: '0901234567', address: '1 Lê Lợi', cityName: 'Hồ Chí Minh' },
    products: [{ id: 1, name: 'Áo thun', code: 'AT01', quantity: 1, price: 250000 }],
    payment: { depositAmount: 0, transferAmount: 0, totalAmount: 250000 },
  };
}

const ok = (extra: Record<string, unknown> = {}): FakeAnswer => ({ status: 200, body: { code: 1, ...extra } });
const fail = (errorCode: string, messages: unknown): FakeAnswer => ({ status: 200, body: { code: 0, errorCode, messages } });
const WINDOW = 31 * 86_400;

export async function startNhanhFake(opts: { appId?: string; businessId?: string; accessToken?: string; now?: () => number } = {}): Promise<NhanhFake> {
  const appId = opts.appId ?? '7001';
  const businessId = opts.businessId ?? '12345';
  const accessToken = opts.accessToken ?? 'nhanh-token-abc';
  const now = opts.now ?? (() => Date.now());
  const orders = new Map<number, NhanhFakeOrder>();
  let rateLimited = 0;
  let lockedFor = 2;

  const list = (body: Record<string, unknown>): FakeAnswer => {
    const filters = (body['filters'] ?? {}) as { ids?: unknown; updatedAtFrom?: unknown; updatedAtTo?: unknown };
    const paginator = (body['paginator'] ?? {}) as { size?: unknown; sort?: Record<string, string>; next?: unknown };
    let items = [...orders.values()];
    if (Array.isArray(filters.ids)) {
      const ids = new Set(filters.ids.map(Number));
      items = items.filter((o) => ids.has(o.info.id));
    }
    if (filters.updatedAtFrom !== undefined || filters.updatedAtTo !== undefined) {
      const from = Number(filters.updatedAtFrom ?? 0);
      const to = Number(filters.updatedAtTo ?? Math.floor(now() / 1000));
      if (!Number.isInteger(from) || !Number.isInteger(to)) return fail('ERR_INVALID_FORM_FIELDS', { 'filters.updatedAtFrom': 'must be a unix timestamp' });
      if (to - from > WINDOW) return fail('ERR_INVALID_FORM_FIELDS', { 'filters.updatedAtTo': 'updatedAtTo - updatedAtFrom must not exceed 31 days' });
      items = items.filter((o) => o.info.updatedAt >= from && o.info.updatedAt <= to);
    }
    const [field, direction] = Object.entries(paginator.sort ?? { id: 'desc' })[0] ?? ['id', 'desc'];
    const key = (o: NhanhFakeOrder) => (field === 'updatedAt' ? o.info.updatedAt : o.info.id);
    const sign = direction === 'asc' ? 1 : -1;
    items.sort((a, b) => sign * (key(a) - key(b) || a.info.id - b.info.id));
    // The next page starts after the last one's (sort value, id): opaque to the client.
    const next: unknown = paginator.next;
    const token = next && typeof next === 'object' ? (next as { token?: unknown }).token : undefined;
    if (typeof token === 'string') {
      const [v, id] = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as [number, number];
      items = items.filter((o) => sign * (key(o) - v || o.info.id - id) > 0);
    } else if (next !== undefined && next !== '' && next !== null) {
      return fail('ERR_INVALID_FORM_FIELDS', { 'paginator.next': 'invalid next' });
    }
    const size = Math.min(100, Math.max(1, Number(paginator.size ?? 50)));
    const page = items.slice(0, size);
    const last = page.at(-1);
    const more = items.length > size && last;
    return ok({ paginator: { next: more ? { token: Buffer.from(JSON.stringify([key(last), last.info.id])).toString('base64') } : null }, data: page });
  };

  const edit = (body: Record<string, unknown>): FakeAnswer => {
    const info = (body['info'] ?? {}) as Record<string, unknown>;
    const order = orders.get(Number(info['id']));
    if (!order) return fail('ERR_INVALID_FORM_FIELDS', { 'info.id': `Order ${String(info['id'])} not found` });
    for (const field of ['description', 'privateDescription', 'status'] as const) {
      if (typeof info[field] === 'string') order.info[field] = info[field];
    }
    order.info.updatedAt = Math.floor(now() / 1000);
    return ok({ data: { id: order.info.id } });
  };

  const handle = (r: FakeRequest): FakeAnswer => {
    const path = /^\/v3\.0\/(.+)$/.exec(r.path)?.[1];
    if (r.method !== 'POST' || !path) return fail('ERR_INVALID_PATH', 'API v3.0 takes POST /v3.0/{path}');
    if (r.query.get('appId') !== appId) return fail('ERR_INVALID_APP_ID', 'Invalid appId');
    if (r.query.get('businessId') !== businessId) return fail('ERR_INVALID_BUSINESS_ID', 'Invalid businessId');
    if (r.headers['authorization'] !== accessToken) return fail('ERR_INVALID_ACCESS_TOKEN', 'Invalid access token');
    if (rateLimited > 0) {
      rateLimited--;
      return { status: 200, body: { code: 0, errorCode: 'ERR_429', message: 'Your app exceeded the API Rate Limit', data: { lockedSeconds: lockedFor, unlockedAt: Math.floor(now() / 1000) + lockedFor } } };
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(r.body || '{}') as Record<string, unknown>;
    } catch {
      return fail('ERR_INVALID_DATA', 'Invalid data');
    }
    if (path === 'order/list') return list(body);
    if (path === 'order/edit') return edit(body);
    return fail('ERR_INVALID_PATH', `Unknown API ${path}`);
  };

  const fake = await startPlatformFake(handle);
  return {
    ...fake,
    appId,
    businessId,
    accessToken,
    orders,
    rateLimitNext(n, lockedSeconds = 2) {
      rateLimited = n;
      lockedFor = lockedSeconds;
    },
  };
}
