import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';

/**
 * WooCommerce REST v3 on 127.0.0.1 (reference/platform-apis.md §4, §9.4): `/wp-json/wc/v3/orders
 * [/:id[/notes]]` and `/customers/:id`, the consumer key and secret as HTTP Basic (or the
 * `consumer_key`/`consumer_secret` query), WordPress errors `{code,message,data:{status}}`,
 * `X-WP-Total`/`X-WP-TotalPages`/`Link` on lists, `per_page` ≤ 100. Its quirks, as core has them:
 * `set_paid` pays only an order that needs payment (pending, failed); entering Processing or
 * Completed stamps `date_paid`; stock is taken once (the stock-reduced flag) and put back once on
 * Cancelled; every PUT bumps `date_modified(_gmt)` (a note does not: it is a comment, not the order).
 */
export const WOO_KEY = 'ck_0123456789abcdef0123456789abcdef01234567';
export const WOO_SECRET = 'cs_fedcba9876543210fedcba9876543210fedcba98';

export type WooJson = Record<string, unknown>;
export interface WooNoteJson { id: number; author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean }
interface StoredOrder { order: WooJson; notes: WooNoteJson[]; stockReduced: boolean }

export interface FakeWooOptions {
  /** The key's permission (WooCommerce → Settings → Advanced → REST API). */
  permissions?: 'read' | 'write' | 'read_write';
  /** The site's clock, ms; the fake's writes are stamped with it. */
  now?: () => number;
  /** False: an old WooCommerce whose orderby has no `modified` (answers 400 rest_invalid_param). */
  orderbyModified?: boolean;
  siteName?: string;
}

export interface FakeWoo extends PlatformFake {
  /** The REST base to give the client: `{fake}/wp-json/wc/v3`. */
  apiBase: string;
  /** Adds an order (see `wooOrder`); `stockReduced` as WooCommerce's flag. */
  seed(order: WooJson, opts?: { stockReduced?: boolean }): void;
  order(id: number): WooJson;
  notes(id: number): WooNoteJson[];
  stockReduced(id: number): boolean;
  customers: Map<number, WooJson>;
  /** Product id → stock quantity, for the products whose stock WooCommerce manages. */
  stock: Map<number, number>;
}

/** `2026-11-20T16:28:08` (WooCommerce's dates: no offset, whole seconds). */
export const wooDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);

/** The fake site's timezone (UTC+7): its non-GMT dates differ from the `_gmt` ones, as on a real site. */
export const SITE_UTC_OFFSET_HOURS = 7;

/** A full REST order (the shape of the reference's and the adapter fixture's), changed by `over`. */
export function wooOrder(id: number, modifiedMs: number, over: WooJson = {}): WooJson {
  const at = wooDate(modifiedMs);
  const local = wooDate(modifiedMs + SITE_UTC_OFFSET_HOURS * 3_600_000);
  return {
    id, parent_id: 0, status: 'pending', currency: 'USD', version: '9.4.2', prices_include_tax: false,
    date_created: local, date_modified: local, date_created_gmt: at, date_modified_gmt: at,
    discount_total: '0.00', discount_tax: '0.00', shipping_total: '10.00', shipping_tax: '0.00', cart_tax: '0.00', total: '22.00', total_tax: '0.00',
    customer_id: 0, order_key: `wc_order_${id}`,
    billing: { first_name: 'John', last_name: 'Doe', company: '', address_1: '969 Market', address_2: '', city: 'San Francisco', state: 'CA', postcode: '94103', country: 'US', email: 'john.doe@example.com', phone: '(555) 555-5555' },
    shipping: { first_name: 'John', last_name: 'Doe', company: '', address_1: '969 Market', address_2: '', city: 'San Francisco', state: 'CA', postcode: '94103', country: 'US', phone: '' },
    payment_method: 'bacs', payment_method_title: 'Direct Bank Transfer', transaction_id: '', created_via: 'checkout', customer_note: '',
    date_completed: null, date_paid: null, date_completed_gmt: null, date_paid_gmt: null, number: String(id),
    meta_data: [],
    line_items: [{ id: id * 10, name: 'Woo Single #1', product_id: 93, variation_id: 0, quantity: 2, tax_class: '', subtotal: '12.00', subtotal_tax: '0.00', total: '12.00', total_tax: '0.00', taxes: [], meta_data: [], sku: 'W1', price: 6 }],
    tax_lines: [], shipping_lines: [], fee_lines: [], coupon_lines: [], refunds: [],
    ...over,
  };
}

const STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft'];
const statusLabel: Record<string, string> = { pending: 'Pending payment', processing: 'Processing', 'on-hold': 'On hold', completed: 'Completed', cancelled: 'Cancelled', refunded: 'Refunded', failed: 'Failed', 'checkout-draft': 'Draft' };

const wpError = (status: number, code: string, message: string, extra: WooJson = {}): FakeAnswer => ({ status, body: { code, message, data: { status, ...extra } } });
const noRoute = () => wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
const invalidParam = (name: string, why: string) => wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: why } });

type Meta = { id: number; key: string; value: unknown };

export async function startFakeWooCommerce(opts: FakeWooOptions = {}): Promise<FakeWoo> {
  const orders = new Map<number, StoredOrder>();
  const customers = new Map<number, WooJson>();
  const stock = new Map<number, number>();
  const now = opts.now ?? (() => Date.now());
  const offsetMs = SITE_UTC_OFFSET_HOURS * 3_600_000;
  let nextId = 5000;

  const stamp = (o: WooJson, field: 'modified' | 'paid' | 'completed') => {
    o[`date_${field}_gmt`] = wooDate(now());
    o[`date_${field}`] = wooDate(now() + offsetMs);
  };
  const note = (s: StoredOrder, text: string, author = 'system', customer = false): WooNoteJson => {
    const n = { id: nextId++, author, date_created: wooDate(now() + offsetMs), date_created_gmt: wooDate(now()), note: text, customer_note: customer };
    s.notes.push(n);
    return n;
  };
  const items = (o: WooJson) => (o['line_items'] as { product_id: number; quantity: number; name: string }[]) ?? [];
  /** `wc_reduce_stock_levels` / `wc_increase_stock_levels`: once each way, by the order's flag. */
  const moveStock = (s: StoredOrder, reduce: boolean) => {
    if (s.stockReduced === reduce) return;
    const moved = items(s.order).filter((li) => stock.has(li.product_id)).map((li) => {
      const before = stock.get(li.product_id) ?? 0;
      const after = before + (reduce ? -li.quantity : li.quantity);
      stock.set(li.product_id, after);
      return `${li.name} (${li.product_id}) ${before}→${after}`;
    });
    s.stockReduced = reduce;
    if (moved.length > 0) note(s, `Stock levels ${reduce ? 'reduced' : 'increased'}: ${moved.join(', ')}`);
  };
  /** `WC_Order::status_transition` with core's hooks: the note, date_paid/date_completed, stock. */
  const setStatus = (s: StoredOrder, to: string) => {
    const from = String(s.order['status']);
    if (from === to) return;
    s.order['status'] = to;
    note(s, `Order status changed from ${statusLabel[from] ?? from} to ${statusLabel[to] ?? to}.`);
    if ((to === 'processing' || to === 'completed') && !s.order['date_paid_gmt']) stamp(s.order, 'paid');
    if (to === 'completed') stamp(s.order, 'completed');
    if (to === 'processing' || to === 'completed' || to === 'on-hold') moveStock(s, true);
    if (to === 'cancelled' || to === 'pending') moveStock(s, false);
  };
  /** `meta_data` entries: by id, else the key's first entry (`update_meta_data`), else a new one. */
  const applyMeta = (target: WooJson, list: unknown) => {
    const meta = (target['meta_data'] as Meta[] | undefined) ?? [];
    for (const m of Array.isArray(list) ? (list as Partial<Meta>[]) : []) {
      const found = meta.find((x) => (m.id ? x.id === m.id : x.key === m.key));
      if (found) found.value = m.value;
      else if (m.key) meta.push({ id: nextId++, key: m.key, value: m.value });
    }
    target['meta_data'] = meta;
  };
  const parse = (r: FakeRequest): WooJson => {
    try {
      const v = JSON.parse(r.body || '{}') as unknown;
      return v && typeof v === 'object' ? (v as WooJson) : {};
    } catch {
      return {};
    }
  };

  /** WC_REST_Authentication: Basic (or query) key and secret, then the key's permission for the method. */
  const authenticate = (r: FakeRequest): FakeAnswer | null => {
    const basic = /^Basic (.+)$/i.exec(r.headers['authorization'] ?? '');
    const [ck, cs] = basic ? Buffer.from(basic[1] ?? '', 'base64').toString('utf8').split(':') : [r.query.get('consumer_key'), r.query.get('consumer_secret')];
    const read = r.method === 'GET';
    if (!ck) return read ? wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.') : wpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
    if (ck !== WOO_KEY) return wpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
    if (cs !== WOO_SECRET) return wpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
    const perm = opts.permissions ?? 'read_write';
    if (read && perm === 'write') return wpError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have read permissions.');
    if (!read && perm === 'read') return wpError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
    return null;
  };

  function list(r: FakeRequest, base: string): FakeAnswer {
    const perPage = Number(r.query.get('per_page') ?? '10');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return invalidParam('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
    const page = Number(r.query.get('page') ?? '1');
    const orderby = r.query.get('orderby') ?? 'date';
    const allowed = ['date', 'id', 'include', 'title', 'slug', ...(opts.orderbyModified === false ? [] : ['modified'])];
    if (!allowed.includes(orderby)) return invalidParam('orderby', `orderby is not one of ${allowed.join(', ')}.`);
    const gmt = r.query.get('dates_are_gmt') === 'true';
    const after = r.query.get('modified_after');
    const field = orderby === 'modified' ? 'date_modified_gmt' : orderby === 'id' ? 'id' : 'date_created_gmt';
    const dir = r.query.get('order') === 'asc' ? 1 : -1;
    const all = [...orders.values()]
      .map((s) => s.order)
      .filter((o) => o['status'] !== 'trash')
      // Strictly after, compared as the site stores it: GMT when asked, else site-local.
      .filter((o) => !after || String(o[gmt ? 'date_modified_gmt' : 'date_modified']) > after.replace(/(Z|[+-]\d\d:\d\d)$/, ''))
      .sort((a, b) => (String(a[field]).localeCompare(String(b[field]), 'en', { numeric: true }) || Number(a['id']) - Number(b['id'])) * dir);
    const pages = Math.ceil(all.length / perPage);
    const link = (p: number) => {
      const q = new URLSearchParams(r.query);
      q.set('page', String(p));
      return `<${base}${r.path}?${q.toString()}>`;
    };
    const links = [page > 1 && `${link(page - 1)}; rel="prev"`, page < pages && `${link(page + 1)}; rel="next"`].filter(Boolean).join(', ');
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage),
      headers: { 'x-wp-total': String(all.length), 'x-wp-totalpages': String(pages), ...(links ? { link: links } : {}) },
    };
  }

  function putOrder(s: StoredOrder, body: WooJson): FakeAnswer {
    if (body['status'] !== undefined && !STATUSES.includes(String(body['status']))) return invalidParam('status', `status is not one of ${STATUSES.join(', ')}, trash.`);
    if (body['meta_data'] !== undefined) applyMeta(s.order, body['meta_data']);
    if (typeof body['status'] === 'string') setStatus(s, body['status']);
    stamp(s.order, 'modified');
    // After the save, as `save_object` does: only an order that needs payment is paid.
    const needsPayment = ['pending', 'failed'].includes(String(s.order['status'])) && Number(s.order['total']) > 0;
    if (body['set_paid'] === true && needsPayment) {
      note(s, 'Payment complete.');
      setStatus(s, 'processing');
    }
    return { status: 200, body: s.order };
  }

  function handle(r: FakeRequest, base: string): FakeAnswer {
    if (r.path === '/wp-json/' || r.path === '/wp-json') {
      return { status: 200, body: { name: opts.siteName ?? 'Demo Woo Shop', description: 'Just another WordPress site', url: base, home: base, namespaces: ['wp/v2', 'wc/v3'] } };
    }
    const m = /^\/wp-json\/wc\/v3(\/.*)$/.exec(r.path);
    if (!m) return noRoute();
    const denied = authenticate(r);
    if (denied) return denied;
    const route = m[1] ?? '';
    if (route === '/orders' && r.method === 'GET') return list(r, base);
    const om = /^\/orders\/(\d+)(\/notes)?$/.exec(route);
    if (om) {
      const s = orders.get(Number(om[1]));
      if (!s) return wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      if (!om[2] && r.method === 'GET') return { status: 200, body: s.order };
      if (!om[2] && r.method === 'PUT') return putOrder(s, parse(r));
      // The newest note first, as `wc_get_order_notes` lists them.
      if (om[2] && r.method === 'GET') return { status: 200, body: [...s.notes].reverse() };
      if (om[2] && r.method === 'POST') {
        const b = parse(r);
        if (typeof b['note'] !== 'string' || b['note'] === '') return wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): note', { params: ['note'] });
        return { status: 201, body: note(s, b['note'], 'system', b['customer_note'] === true) };
      }
      return noRoute();
    }
    const cm = /^\/customers\/(\d+)$/.exec(route);
    if (cm) {
      const c = customers.get(Number(cm[1]));
      if (!c) return wpError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
      if (r.method === 'GET') return { status: 200, body: c };
      if (r.method !== 'PUT') return noRoute();
      applyMeta(c, parse(r)['meta_data']);
      stamp(c, 'modified');
      return { status: 200, body: c };
    }
    return noRoute();
  }

  let baseUrl = '';
  const fake = await startPlatformFake((r) => handle(r, baseUrl));
  baseUrl = fake.baseUrl;
  const stored = (id: number) => {
    const s = orders.get(id);
    if (!s) throw new Error(`the fake has no order ${id}`);
    return s;
  };
  return {
    ...fake,
    apiBase: `${fake.baseUrl}/wp-json/wc/v3`,
    seed: (order, o = {}) => void orders.set(Number(order['id']), { order: structuredClone(order), notes: [], stockReduced: o.stockReduced ?? false }),
    order: (id) => stored(id).order,
    notes: (id) => stored(id).notes,
    stockReduced: (id) => stored(id).stockReduced,
    customers,
    stock,
  };
}
