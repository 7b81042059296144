import { signLazadaRequest } from '../../engine/platforms/lazada/lazada-api.ts';
import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';

/**
 * A local Lazada Open Platform (reference/platform-apis.md §5, §9.4): `/rest/{api path}`, every
 * call signed (app_key, timestamp within 7200 s, sign_method sha256, access_token, sign), HTTP
 * 200 with `{code, type, message, request_id}` errors, per-item results for pack and RTS, item
 * statuses moving pending → packed → ready_to_ship or → canceled, and /orders/get refusing an
 * offset past 5000. Error codes the reference does not name (the signature, timestamp and app
 * key refusals) are the likeliest spelling [UNVERIFIED].
 */
export interface FakeLazadaItem {
  order_item_id: string;
  status: string;
  package_id: string;
  tracking_code: string;
  shipment_provider: string;
  reason: string;
  name: string;
  sku: string;
  item_price: string;
  currency: string;
}

export interface FakeLazadaOrder {
  order_id: string;
  createdAtMs: number;
  updatedAtMs: number;
  payment_method: string;
  items: FakeLazadaItem[];
}

export interface ItemFailure {
  item_err_code: string;
  msg: string;
  retry: 'true' | 'false';
}

export interface FakeLazada extends PlatformFake {
  orders: Map<string, FakeLazadaOrder>;
  /** An order with `items` items in `status` (or the given statuses), updated at `updatedAtMs`. */
  seed(orderId: string, opts?: { updatedAtMs?: number; statuses?: string[] }): FakeLazadaOrder;
  /** The next `n` calls (to `path`, when given) answer Lazada's ApiCallLimit. */
  callLimit(n: number, path?: string): void;
  /** The next call to `path` answers this envelope error, applying nothing. */
  failNext(path: string, error: { code: string; type: string; message: string }): void;
  /** The next pack or RTS call fails every item or package with this result, applying nothing. */
  itemFailure(path: '/order/fulfill/pack' | '/order/package/rts', failure: ItemFailure): void;
  /** Runs `fn` on the store just before the next call to `path` is handled (a change made in Seller Center meanwhile). */
  before(path: string, fn: () => void): void;
  /** Every parameter of a logged request: the query, plus a POST's form body. */
  paramsOf(r: FakeRequest): Record<string, string>;
}

export const REASONS = [
  { reason_name: 'Sourcing Delay', reason_id: '10000019' },
  { reason_name: 'Out of Stock', reason_id: '10000021' },
  { reason_name: 'Wrong Price', reason_id: '10000023' },
];
const CANCELLABLE = new Set(['pending', 'packed', 'repacked', 'topack', 'ready_to_ship']);

/** Lazada's answer times, "2020-10-26 14:50:38 +0700" (Vietnam). */
export function lazadaDate(ms: number): string {
  const d = new Date(ms + 7 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} +0700`;
}

export async function startFakeLazada(creds: { appKey: string; appSecret: string; accessToken: string; sellerName: string }): Promise<FakeLazada> {
  const orders = new Map<string, FakeLazadaOrder>();
  const limits: (string | null)[] = [];
  const failures = new Map<string, { code: string; type: string; message: string }>();
  const itemFailures = new Map<string, ItemFailure>();
  const hooks = new Map<string, () => void>();
  let seq = 0;
  let parcels = 0;
  const requestId = () => `0ba2887315178178${String(++seq).padStart(9, '0')}`;
  const ok = (data: unknown): FakeAnswer => ({ status: 200, body: { code: '0', data, request_id: requestId() } });
  const okResult = (data: unknown): FakeAnswer => ({ status: 200, body: { result: { data, success: 'true' }, code: '0', request_id: requestId() } });
  const err = (type: string, code: string, message: string): FakeAnswer => ({ status: 200, body: { type, code, message, request_id: requestId() } });

  const paramsOf = (r: FakeRequest): Record<string, string> => {
    const all: Record<string, string> = Object.fromEntries(r.query.entries());
    if (r.method === 'POST' && (r.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      Object.assign(all, Object.fromEntries(new URLSearchParams(r.body).entries()));
    }
    return all;
  };

  const orderJson = (o: FakeLazadaOrder) => ({
    order_id: Number(o.order_id),
    order_number: Number(o.order_id),
    created_at: lazadaDate(o.createdAtMs),
    updated_at: lazadaDate(o.updatedAtMs),
    price: o.items.reduce((s, i) => s + Number(i.item_price), 0).toFixed(2),
    shipping_fee: '0.00',
    voucher: '0.00',
    payment_method: o.payment_method,
    customer_first_name: 'Nguyễn Văn An',
    customer_last_name: '',
    remarks: '',
    items_count: o.items.length,
    statuses: [...new Set(o.items.map((i) => i.status))],
    address_shipping: { first_name: 'Nguyễn Văn An', phone: '84901234567', address1: '12 Lý Tự Trọng', city: 'Quận 1', country: 'Vietnam' },
  });
  const itemJson = (o: FakeLazadaOrder, i: FakeLazadaItem) => ({ ...i, order_item_id: Number(i.order_item_id), order_id: Number(o.order_id), updated_at: lazadaDate(o.updatedAtMs) });
  const touch = (o: FakeLazadaOrder) => void (o.updatedAtMs = Math.max(Date.now(), o.updatedAtMs + 1000));

  function json<T>(text: string | undefined): T | null {
    try {
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  }

  /** Lazada's gateway checks, in its order: app key, timestamp, signature, token. */
  function authError(api: string, p: Record<string, string>): FakeAnswer | null {
    if (p['app_key'] !== creds.appKey) return err('ISV', 'InvalidAppKey', 'The app key is invalid');
    const ts = Number(p['timestamp']);
    if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > 7200_000) return err('ISV', 'InvalidTimestamp', 'The timestamp is more than 7200 s away from the server time');
    if (p['sign_method'] !== 'sha256' || p['sign'] !== signLazadaRequest(api, p, creds.appSecret)) {
      return err('ISV', 'IncompleteSignature', 'The request signature does not conform to platform standards');
    }
    if (p['access_token'] !== creds.accessToken) return err('ISP', 'IllegalAccessToken', 'The specified access token is invalid or expired');
    return null;
  }

  function route(api: string, method: string, p: Record<string, string>): FakeAnswer {
    const order = orders.get(p['order_id'] ?? '');
    const key = `${method} ${api}`;
    if (key === 'GET /seller/get') return ok({ name: creds.sellerName, seller_id: 1234567, status: 'ACTIVE', verified: true, location: 'Hồ Chí Minh' });
    if (key === 'GET /orders/get') {
      const after = Date.parse(p['update_after'] ?? '');
      if (Number.isNaN(after) || !/[+-]\d{2}:\d{2}$/.test(p['update_after'] ?? '')) return err('ISV', '17', `E017: "${p['update_after']}" Invalid Date Format`);
      const offset = Number(p['offset'] ?? 0);
      const limit = Number(p['limit'] ?? 100);
      if (!Number.isInteger(offset) || offset < 0 || offset > 5000) return err('ISV', '14', `E014: "${p['offset']}" Invalid Offset`);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return err('ISV', '19', `E019: "${p['limit']}" Invalid Limit`);
      const asc = (p['sort_direction'] ?? 'DESC') === 'ASC';
      const matched = [...orders.values()].filter((o) => o.updatedAtMs >= after).sort((a, b) => (asc ? 1 : -1) * (a.updatedAtMs - b.updatedAtMs));
      const page = matched.slice(offset, offset + limit).map(orderJson);
      return ok({ count: String(page.length), countTotal: String(matched.length), orders: page });
    }
    if (!order) return err('ISV', api.startsWith('/order/reverse') ? 'E0122' : '700021', api.startsWith('/order/reverse') ? 'E0122: invalid trade order' : 'ORDER_NOT_FOUND');
    if (key === 'GET /order/get') return ok(orderJson(order));
    if (key === 'GET /order/items/get') return ok(order.items.map((i) => itemJson(order, i)));
    if (key === 'GET /order/reverse/cancel/validate' || key === 'GET /order/reverse/cancel/create') {
      const ids = (json<unknown[]>(p['order_item_id_list']) ?? []).map(String);
      const items = ids.map((id) => order.items.find((i) => i.order_item_id === id));
      if (ids.length === 0 || items.some((i) => !i || !CANCELLABLE.has(i.status))) return err('ISV', 'E0123', `E0123: invalid trade order lines ${ids.join(',')}`);
      if (api.endsWith('/validate')) return ok({ reason_options: REASONS, tip_content: 'stock will be set as 0', tip_type: 'warn' });
      const reason = REASONS.find((r) => r.reason_id === p['reason_id']);
      if (!reason) return err('ISV', 'E0102', 'E0102: reason id is invalid');
      for (const i of items) Object.assign(i!, { status: 'canceled', reason: reason.reason_name });
      touch(order);
      return ok({ tip_content: 'The order has been cancelled and SKU stock may have been set to 0, please check the stock.', tip_type: 'success' });
    }
    return err('ISV', 'InvalidApiPath', `The specified API path ${api} is invalid`);
  }

  function pack(p: Record<string, string>): FakeAnswer {
    const req = json<{ pack_order_list?: { order_item_list: unknown[]; order_id: unknown }[]; delivery_type?: string; shipping_allocate_type?: string; shipment_provider_code?: string }>(p['packReq']);
    if (!req?.pack_order_list || !req.delivery_type) return err('ISV', 'MissingParameter', 'packReq is missing or malformed');
    if (req.pack_order_list.length > 20) return err('ISV', '700022', 'BATCH_SIZE_OUT_OF_LIMIT');
    const failure = itemFailures.get('/order/fulfill/pack');
    itemFailures.delete('/order/fulfill/pack');
    const list = req.pack_order_list.map((po) => {
      const order = orders.get(String(po.order_id));
      // The items packed together go in one package, with one tracking number.
      const n = String(++parcels).padStart(6, '0');
      const provider = req.shipment_provider_code === 'FM49' ? 'Flash Express' : 'Lazada Express (LEX)';
      const parcel = { package_id: `FP0225117${n}`, tracking_code: `VNLEX${n}`, shipment_provider: provider };
      const results = po.order_item_list.map((raw) => {
        const id = String(raw);
        const item = order?.items.find((i) => i.order_item_id === id);
        if (failure) return { order_item_id: id, ...failure };
        if (!item || item.package_id || !['pending', 'topack', 'repacked'].includes(item.status)) {
          return { order_item_id: id, msg: 'PACKAGE_STATUS_NOT_ALLOW_TO_OP', item_err_code: '700000', retry: 'false' };
        }
        Object.assign(item, { status: 'packed', ...parcel });
        return { order_item_id: id, msg: 'success', item_err_code: '0', tracking_number: parcel.tracking_code, shipment_provider: provider, package_id: parcel.package_id, retry: 'false' };
      });
      if (order && !failure) touch(order);
      return { order_item_list: results, order_id: String(po.order_id) };
    });
    return okResult({ pack_order_list: list });
  }

  function rts(p: Record<string, string>): FakeAnswer {
    const req = json<{ packages?: { package_id: string }[] }>(p['readyToShipReq']);
    if (!req?.packages) return err('ISV', 'MissingParameter', 'readyToShipReq is missing or malformed');
    const failure = itemFailures.get('/order/package/rts');
    itemFailures.delete('/order/package/rts');
    const all = [...orders.values()].flatMap((o) => o.items.map((i) => ({ o, i })));
    const packages = req.packages.map(({ package_id }) => {
      const members = all.filter((m) => m.i.package_id === package_id);
      if (failure) return { package_id, ...failure };
      if (members.length === 0) return { package_id, msg: 'package not found', item_err_code: '600001', retry: 'false' };
      if (members.every((m) => m.i.status === 'canceled')) return { package_id, msg: 'package already cancelled', item_err_code: '600002', retry: 'false' };
      if (!members.every((m) => m.i.status === 'packed')) return { package_id, msg: 'PACKAGE_STATUS_NOT_ALLOW_TO_OP', item_err_code: '700000', retry: 'false' };
      for (const m of members) m.i.status = 'ready_to_ship';
      touch(members[0]!.o);
      return { package_id, msg: 'success', item_err_code: '0', retry: 'false' };
    });
    return okResult({ packages });
  }

  const fake = await startPlatformFake((r) => {
    if (!r.path.startsWith('/rest/')) return { status: 404, body: 'Not Found' };
    const api = r.path.slice('/rest'.length);
    const p = paramsOf(r);
    const denied = authError(api, p);
    if (denied) return denied;
    const limited = limits.findIndex((l) => l === null || l === api);
    if (limited >= 0) {
      limits.splice(limited, 1);
      return err('ISP', 'ApiCallLimit', 'The request has exceeded the limit of the api, this ban will last 1 seconds');
    }
    const failure = failures.get(api);
    if (failure) {
      failures.delete(api);
      return err(failure.type, failure.code, failure.message);
    }
    hooks.get(api)?.();
    hooks.delete(api);
    if (r.method === 'POST' && api === '/order/fulfill/pack') return pack(p);
    if (r.method === 'POST' && api === '/order/package/rts') return rts(p);
    return route(api, r.method, p);
  });

  return {
    ...fake,
    orders,
    seed(orderId, opts = {}) {
      const statuses = opts.statuses ?? ['pending', 'pending'];
      const at = opts.updatedAtMs ?? Date.now() - 3600_000;
      const order: FakeLazadaOrder = {
        order_id: orderId,
        createdAtMs: at - 60_000,
        updatedAtMs: at,
        payment_method: 'COD',
        items: statuses.map((status, n) => ({
          order_item_id: `${orderId.slice(0, -3)}${String(n + 1).padStart(3, '0')}`,
          status,
          package_id: '',
          tracking_code: '',
          shipment_provider: '',
          reason: '',
          name: 'Áo thun cotton Flowdesk',
          sku: 'AT-001-M',
          item_price: '150000.00',
          currency: 'VND',
        })),
      };
      orders.set(orderId, order);
      return order;
    },
    callLimit: (n, path) => void limits.push(...Array.from({ length: n }, () => path ?? null)),
    failNext: (path, error) => void failures.set(path, error),
    itemFailure: (path, failure) => void itemFailures.set(path, failure),
    before: (path, fn) => void hooks.set(path, fn),
    paramsOf,
  };
}
