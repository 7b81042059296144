import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';

/**
 * Haravan's and Sapo Web's order APIs (reference §2, §3.1, §9.4): one Shopify-REST-like fake
 * with a dialect switch. What differs:
 * - path prefix `/com/` (Haravan) vs `/admin/` (Sapo);
 * - auth `Authorization: Bearer {token}` vs HTTP Basic `key:secret` or `X-Sapo-Access-Token`;
 * - bucket 80 leaking 4/s in `X-Haravan-Api-Call-Limit` vs 40 leaking 2/s in `x-sapo-api-call-limit`,
 *   a 429 with `Retry-After: 2.0` when full;
 * - times `*_at` vs `*_on`; Haravan's tags.json, cancel.json and close.json (Sapo has none: 404);
 * - Sapo's quirks: `status=any` lists nothing, `?tags=` is ignored, `source_name` is protected;
 *   Haravan clamps `limit` to 50 (Sapo to 250).
 * Orders and customers are kept in the webhook shape; every write bumps `updated_at`/`modified_on`.
 */
export type Dialect = 'haravan' | 'sapo';
type Rec = Record<string, any>;

export interface FakeStoreOptions {
  dialect: Dialect;
  /** Haravan's token; Sapo's OAuth token (X-Sapo-Access-Token). */
  token?: string;
  /** Sapo's private app key and secret (HTTP Basic). */
  apiKey?: string;
  apiSecret?: string;
  /** The clock of the bucket's leak and of `updated_at` (tests share theirs). */
  now?: () => number;
  shopName?: string;
  /** A token without the write scopes: writes get 403. */
  readOnly?: boolean;
}

export interface FakeStoreApi extends PlatformFake {
  /** The API base URL a client is given: the server plus `/com` or `/admin`. */
  apiUrl: string;
  seedOrders(...orders: Rec[]): void;
  order(id: string | number): Rec | undefined;
  customer(id: string | number): Rec | undefined;
  transactions(id: string | number): Rec[];
  /** Fills the platform's bucket: the next call gets its own 429 answer. */
  fillBucket(): void;
}

const shapes = {
  haravan: { prefix: '/com', limitHeader: 'x-haravan-api-call-limit', capacity: 80, perSecond: 4, maxLimit: 50, updated: 'updated_at', created: 'created_at', cancelled: 'cancelled_at', closed: 'closed_at', since: 'updated_at_min' },
  sapo: { prefix: '/admin', limitHeader: 'x-sapo-api-call-limit', capacity: 40, perSecond: 2, maxLimit: 250, updated: 'modified_on', created: 'created_on', cancelled: 'cancelled_on', closed: 'closed_on', since: 'modified_on_min' },
} as const;

const TX_KINDS = ['pending', 'authorization', 'capture', 'sale', 'void', 'refund'];
const REASONS = ['customer', 'inventory', 'fraud', 'declined', 'other'];

/** An order in the dialect's webhook shape (`created`/`updated` are ISO times); `extra` overrides any field. */
export function makeOrder(dialect: Dialect, o: { id: number; created: string; updated: string; total?: number; customerId?: number; extra?: Rec }): Rec {
  const s = shapes[dialect];
  const total = o.total ?? 500000;
  return {
    id: o.id,
    name: `#${1000 + o.id}`,
    order_number: dialect === 'haravan' ? `#${1000 + o.id}` : 1000 + o.id,
    email: `buyer${o.id}@example.com`,
    [s.created]: o.created,
    [s.updated]: o.updated,
    [s.cancelled]: null,
    [s.closed]: null,
    cancel_reason: null,
    financial_status: 'pending',
    fulfillment_status: null,
    ...(dialect === 'haravan' ? { confirmed_status: 'confirmed', cancelled_status: 'uncancelled', closed_status: 'unclosed' } : { status: 'open' }),
    currency: 'VND',
    total_price: total,
    subtotal_price: total,
    tags: '',
    note: '',
    note_attributes: [],
    gateway: 'COD',
    source_name: 'web',
    customer: { id: o.customerId ?? 9000 + o.id, email: `buyer${o.id}@example.com`, first_name: 'Lan', last_name: 'Nguyễn', tags: '' },
    line_items: [{ id: 70000 + o.id, product_id: 1, variant_id: 2, title: 'Áo thun', quantity: 1, price: total, fulfillment_status: null }],
    fulfillments: [],
    ...o.extra,
  };
}

const tagsOf = (v: unknown) => (typeof v === 'string' ? v.split(',').map((t) => t.trim()).filter(Boolean) : []);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const errors = (status: number, errors: unknown): FakeAnswer => ({ status, body: { errors } });

export async function startFakeStoreApi(opts: FakeStoreOptions): Promise<FakeStoreApi> {
  const s = shapes[opts.dialect];
  const haravan = opts.dialect === 'haravan';
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const orders = new Map<string, Rec>();
  const customers = new Map<string, Rec>();
  const txs = new Map<string, Rec[]>();
  let nextId = 5_000_000;
  let used = 0;
  let leakedAt = now();

  /** The platform's leaky bucket: each call adds one; it leaks `perSecond`. Null when there is room. */
  function take(): number | null {
    const t = now();
    used = Math.max(0, used - ((t - leakedAt) / 1000) * s.perSecond);
    leakedAt = t;
    if (used + 1 > s.capacity) return null;
    used += 1;
    return Math.ceil(used);
  }

  function authorized(r: FakeRequest): boolean {
    const auth = r.headers['authorization'] ?? '';
    if (haravan) return auth === `Bearer ${opts.token}`;
    if (opts.token && r.headers['x-sapo-access-token'] === opts.token) return true;
    return opts.apiKey !== undefined && auth === `Basic ${Buffer.from(`${opts.apiKey}:${opts.apiSecret}`).toString('base64')}`;
  }

  const touch = (o: Rec) => void (o[s.updated] = iso());
  const isCancelled = (o: Rec) => Boolean(o[s.cancelled]);
  const isClosed = (o: Rec) => Boolean(o[s.closed]);

  function list(q: URLSearchParams): FakeAnswer {
    const status = q.get('status') ?? 'open';
    if (!haravan && status === 'any') return { status: 200, body: { orders: [] } };
    const since = q.get(s.since);
    const tag = haravan ? q.get('tags') : null;
    const limit = Math.min(Number(q.get('limit') ?? 50) || 50, s.maxLimit);
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    let rows = [...orders.values()].filter((o) => {
      if (since && Date.parse(o[s.updated]) < Date.parse(since)) return false;
      if (tag && !tagsOf(o['tags']).some((t) => same(t, tag))) return false;
      if (status === 'open') return !isCancelled(o) && !isClosed(o);
      if (status === 'closed') return !isCancelled(o) && isClosed(o);
      if (status === 'cancelled') return isCancelled(o);
      return status === 'any';
    });
    rows = q.get('order') === 'updated_at asc' && haravan ? rows.sort((a, b) => Date.parse(a[s.updated]) - Date.parse(b[s.updated])) : rows.sort((a, b) => b['id'] - a['id']);
    return { status: 200, body: { orders: rows.slice((page - 1) * limit, page * limit) } };
  }

  function putOrder(o: Rec, body: Rec): FakeAnswer {
    const patch = body['order'];
    if (typeof patch !== 'object' || patch === null) return errors(400, 'Required parameter missing or invalid: order');
    if (!haravan && 'source_name' in patch) return errors(422, { source_name: ['cannot be set to a protected value by an untrusted API client'] });
    if (haravan && 'line_items' in patch) return errors(422, { line_items: ['cannot be changed'] });
    for (const k of ['note', 'note_attributes', 'tags', 'email', 'phone']) if (k in patch) o[k] = patch[k];
    touch(o);
    return { status: 200, body: { order: o } };
  }

  function tags(o: Rec, method: string, body: Rec): FakeAnswer {
    const given = tagsOf(body['tags']);
    if (given.length === 0) return errors(422, { tags: ["can't be blank"] });
    let have = tagsOf(o['tags']);
    if (method === 'POST') for (const t of given) if (!have.some((x) => same(x, t))) have.push(t);
    if (method === 'DELETE') have = have.filter((x) => !given.some((t) => same(x, t)));
    o['tags'] = have.join(',');
    touch(o);
    return { status: 200, body: { tags: o['tags'] } };
  }

  function transaction(o: Rec, body: Rec): FakeAnswer {
    const t = body['transaction'] ?? {};
    const kind = String(t['kind'] ?? '');
    const amount = Number(t['amount']);
    if (!TX_KINDS.includes(kind.toLowerCase())) return errors(422, { kind: ['is not included in the list'] });
    if (!(amount > 0)) return errors(422, { amount: ['must be greater than 0'] });
    const list = txs.get(String(o['id'])) ?? [];
    const paid = () => list.filter((x) => ['capture', 'sale'].includes(String(x['kind']).toLowerCase())).reduce((n, x) => n + Number(x['amount']), 0);
    if (['capture', 'sale'].includes(kind.toLowerCase()) && paid() + amount > Number(o['total_price'])) return errors(422, { amount: ['exceeds the outstanding amount'] });
    const tx = { id: nextId++, order_id: o['id'], amount, kind, status: 'success', [s.created]: iso(), parent_id: null };
    list.push(tx);
    txs.set(String(o['id']), list);
    o['financial_status'] = paid() >= Number(o['total_price']) ? 'paid' : 'partially_paid';
    touch(o);
    return { status: 201, body: { transaction: tx } };
  }

  function fulfil(o: Rec, body: Rec): FakeAnswer {
    const f = body['fulfillment'];
    if (typeof f !== 'object' || f === null) return errors(400, 'Required parameter missing or invalid: fulfillment');
    if (isCancelled(o)) return errors(422, { base: ['Cannot fulfill a cancelled order'] });
    if (o['fulfillment_status'] === 'fulfilled') return errors(422, { base: ['All line items are already fulfilled'] });
    const made: Rec = { id: nextId++, order_id: o['id'], status: 'success', [s.created]: iso(), [s.updated]: iso(), tracking_number: f['tracking_number'] ?? null, tracking_company: f['tracking_company'] ?? null, tracking_url: f['tracking_url'] ?? null, line_items: o['line_items'] };
    if (haravan) made['carrier_status_code'] = 'readytopick';
    else Object.assign(made, { tracking_numbers: f['tracking_number'] ? [f['tracking_number']] : [], shipment_status: null });
    o['fulfillments'] = [...(o['fulfillments'] ?? []), made];
    o['fulfillment_status'] = 'fulfilled';
    touch(o);
    return { status: 201, body: { fulfillment: made } };
  }

  function cancel(o: Rec, body: Rec): FakeAnswer {
    if (!REASONS.includes(body['reason'])) return errors(422, { reason: ['is not included in the list'] });
    if (isCancelled(o)) return errors(422, { base: ['Order has already been cancelled'] });
    o[s.cancelled] = iso();
    o['cancel_reason'] = body['reason'];
    o['cancelled_status'] = 'cancelled';
    if (body['restock']) for (const li of o['line_items'] ?? []) li['fulfillment_status'] = 'restock';
    touch(o);
    return { status: 200, body: { order: o } };
  }

  function close(o: Rec): FakeAnswer {
    o[s.closed] = iso();
    o['closed_status'] = 'closed';
    touch(o);
    return { status: 200, body: { order: o } };
  }

  function customer(id: string, method: string, body: Rec): FakeAnswer {
    const c = customers.get(id);
    if (!c) return errors(404, 'Not Found');
    if (method === 'GET') return { status: 200, body: { customer: c } };
    const patch = body['customer'];
    if (typeof patch !== 'object' || patch === null) return errors(400, 'Required parameter missing or invalid: customer');
    for (const k of ['tags', 'note', 'email', 'phone']) if (k in patch) c[k] = patch[k];
    touch(c);
    return { status: 200, body: { customer: c } };
  }

  function route(r: FakeRequest, path: string, body: Rec): FakeAnswer {
    const m = r.method;
    if (path === '/shop.json' && m === 'GET') return { status: 200, body: { shop: { id: 1, name: opts.shopName ?? 'Flowdesk Demo', currency: 'VND' } } };
    if (path === '/orders.json' && m === 'GET') return list(r.query);
    const c = /^\/customers\/(\d+)\.json$/.exec(path);
    if (c && (m === 'GET' || m === 'PUT')) return customer(c[1]!, m, body);
    const om = /^\/orders\/(\d+)(?:\/([a-z]+))?\.json$/.exec(path);
    if (!om) return errors(404, 'Not Found');
    const o = orders.get(om[1]!);
    if (!o) return errors(404, 'Not Found');
    const sub = om[2] ?? '';
    const key = `${m} ${sub}`;
    if (key === 'GET ') return { status: 200, body: { order: o } };
    if (key === 'PUT ') return putOrder(o, body);
    if (key === 'GET transactions') return { status: 200, body: { transactions: txs.get(om[1]!) ?? [] } };
    if (key === 'POST transactions') return transaction(o, body);
    if (key === 'GET fulfillments') return { status: 200, body: { fulfillments: o['fulfillments'] ?? [] } };
    if (key === 'POST fulfillments') return fulfil(o, body);
    // Haravan only: Sapo documents no tags, cancel or close call (reference §3.1).
    if (haravan && (key === 'POST tags' || key === 'DELETE tags')) return tags(o, m, body);
    if (haravan && key === 'POST cancel') return cancel(o, body);
    if (haravan && key === 'POST close') return close(o);
    return errors(404, 'Not Found');
  }

  const fake = await startPlatformFake((r) => {
    if (!r.path.startsWith(`${s.prefix}/`)) return errors(404, 'Not Found');
    if (!authorized(r)) return errors(401, '[API] Invalid API key or access token (unrecognized login or wrong password)');
    const level = take();
    const limit = (n: number) => ({ [s.limitHeader]: `${n}/${s.capacity}` });
    if (level === null) return { status: 429, headers: { 'retry-after': '2.0', ...limit(s.capacity) }, body: { errors: `Exceeded ${s.capacity} calls per second for api client. Reduce request rates to resume uninterrupted service.` } };
    const answer = ((): FakeAnswer => {
      let body: Rec = {};
      if (r.body) {
        if (!(r.headers['content-type'] ?? '').includes('application/json')) return errors(400, 'Content-Type must be application/json');
        try {
          body = JSON.parse(r.body) as Rec;
        } catch {
          return errors(400, 'Invalid JSON');
        }
      }
      if (opts.readOnly && r.method !== 'GET') return errors(403, `[API] This action requires merchant approval for ${haravan ? 'com.write_orders' : 'write_orders'} scope.`);
      return route(r, r.path.slice(s.prefix.length), body);
    })();
    return { ...answer, headers: { ...answer.headers, ...limit(level) } };
  });

  return {
    ...fake,
    apiUrl: `${fake.baseUrl}${s.prefix}`,
    seedOrders(...list) {
      for (const o of list) {
        orders.set(String(o['id']), o);
        const c = o['customer'];
        if (c?.id !== undefined && !customers.has(String(c.id))) customers.set(String(c.id), { ...c, [s.updated]: o[s.updated] });
      }
    },
    order: (id) => orders.get(String(id)),
    customer: (id) => customers.get(String(id)),
    transactions: (id) => txs.get(String(id)) ?? [],
    fillBucket() {
      take();
      used = s.capacity;
    },
  };
}
