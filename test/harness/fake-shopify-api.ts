import { Kind, OperationTypeNode, parse, valueFromASTUntyped, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { createFoApi, gidOf, type FoFakeHelpers } from './fake-shopify-fo-api.ts';
import type { FakeFo } from './fake-shopify-fo.ts';
import { startPlatformFake, type FakeAnswer, type FakeRequest, type PlatformFake } from './platform-fake.ts';
import { sampleOrder } from './shopify.ts';

/**
 * A local Shopify Admin API (reference/platform-apis.md §1, §9.4): `POST /admin/api/{v}/graphql.json`
 * (parsed with `graphql`, dispatched on the top-level fields, answered in the selection's shape)
 * and the REST `GET /admin/api/{v}/orders.json` list with its Link-header cursor. Orders are kept
 * in the REST/webhook shape; a leaky bucket answers `extensions.cost` and THROTTLED when empty.
 */
export type RestOrder = Record<string, any>;

export interface ShopifyFakeOptions {
  token?: string;
  shopName?: string;
  /** The fake's clock (the bucket's restore, updated_at): tests advance it from their `sleep`. */
  now?: () => number;
  /** Scopes the token has; default all. */
  scopes?: string[];
  /** The HTTP status of a THROTTLED answer (unresolved on the real API: 200 or 429). */
  throttledStatus?: 200 | 429;
  bucket?: { max: number; restoreRate: number };
}

export interface ShopifyFake extends PlatformFake {
  token: string;
  /** The store's orders, in the REST/webhook shape, for assertions. */
  orders: Map<number, RestOrder>;
  /** Every order's fulfillment orders, as the fake keeps them (fake-shopify-fo.ts). */
  fulfillmentOrders: FakeFo[];
  /** Fulfillment orders: seed them, play the fulfillment service, read their state (fake-shopify-fo-api.ts). */
  fo: FoFakeHelpers;
  /** Adds an order built on Shopify's sample payload; one open fulfilment order per location given (default one). */
  addOrder(overrides?: Partial<RestOrder>, locations?: number[]): RestOrder;
  order(id: number | string): RestOrder;
  /** Sets how many points the bucket holds now. */
  setAvailable(points: number): void;
  /** The GraphQL requests, parsed: operation's top-level fields and variables. */
  graphqlCalls(): { fields: string[]; query: string; variables: Record<string, any> }[];
}

const ALL_SCOPES = [
  'read_orders', 'write_orders', 'read_customers', 'write_customers',
  'read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders', 'write_third_party_fulfillment_orders',
];
const SCOPE_OF: Record<string, string | null> = {
  shop: null,
  order: 'read_orders',
  customer: 'read_customers',
  orderUpdate: 'write_orders',
  orderMarkAsPaid: 'write_orders',
  orderCancel: 'write_orders',
  orderClose: 'write_orders',
};
const BAD_TOKEN = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

/** Shopify's timestamps: seconds, with the shop's offset (the sample shop is at -05:00). */
export const shopTime = (ms: number): string => `${new Date(ms - 5 * 3600_000).toISOString().slice(0, 19)}-05:00`;
const idOf = (gid: string, type: string): number | null => {
  const m = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(gid);
  return m ? Number(m[1]) : null;
};
const splitTags = (s: string | null | undefined): string[] => (s ?? '').split(',').map((t) => t.trim()).filter(Boolean);

class GraphqlError extends Error {
  readonly extensions: Record<string, unknown>;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.extensions = extensions;
  }
}

/** The answer in the shape the selection asks, refusing fields the object does not have (as a schema would). */
function project(value: any, set: SelectionSetNode | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, set));
  if (!set) return value;
  const out: Record<string, unknown> = {};
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const name = sel.name.value;
      if (!(name in value)) throw new GraphqlError(`Field '${name}' doesn't exist on type '${value.__typename}'`, { code: 'undefinedField' });
      out[sel.alias?.value ?? name] = project(value[name], sel.selectionSet);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (!sel.typeCondition || sel.typeCondition.name.value === value.__typename) Object.assign(out, project(value, sel.selectionSet));
    }
  }
  return out;
}

/** Shopify's cost: a mutation 10; a query 1 per object it reads (a rough version of the calculated cost). */
function costOf(op: OperationDefinitionNode): number {
  if (op.operation === OperationTypeNode.MUTATION) return 10;
  const count = (set: SelectionSetNode | undefined): number =>
    (set?.selections ?? []).reduce((n, s) => n + ('selectionSet' in s && s.selectionSet ? 1 + count(s.selectionSet) : 0), 0);
  return Math.max(1, count(op.selectionSet));
}

export async function startShopifyFake(opts: ShopifyFakeOptions = {}): Promise<ShopifyFake> {
  const token = opts.token ?? 'shpat_test_token';
  const now = opts.now ?? Date.now;
  const scopes = new Set(opts.scopes ?? ALL_SCOPES);
  const orders = new Map<number, RestOrder>();
  const calls: { fields: string[]; query: string; variables: Record<string, any> }[] = [];
  const bucket = { max: opts.bucket?.max ?? 1000, rate: opts.bucket?.restoreRate ?? 50, level: opts.bucket?.max ?? 1000, at: now() };
  let nextId = 450789469;
  const refill = () => {
    const t = now();
    bucket.level = Math.min(bucket.max, bucket.level + ((t - bucket.at) / 1000) * bucket.rate);
    bucket.at = t;
  };
  const touch = (o: RestOrder) => (o.updated_at = shopTime(now()));
  const foApi = createFoApi({ orders, now, touch, time: shopTime });
  const fos = foApi.store.fos;

  const find = (gid: string): RestOrder => {
    const o = orders.get(idOf(gid, 'Order') ?? -1);
    if (!o) throw new GraphqlError(`Invalid id: ${gid}`, { code: 'RESOURCE_NOT_FOUND' });
    return o;
  };
  const userError = (message: string, field: string[] = ['id']) => [{ field, message }];

  /** The GraphQL Order from the REST one. */
  const orderNode = (o: RestOrder) => ({
    __typename: 'Order',
    id: o.admin_graphql_api_id,
    legacyResourceId: String(o.id),
    name: o.name,
    tags: splitTags(o.tags),
    note: o.note ?? null,
    customAttributes: (o.note_attributes ?? []).map((a: any) => ({ key: a.name, value: a.value })),
    displayFinancialStatus: String(o.financial_status ?? 'pending').toUpperCase(),
    canMarkAsPaid: !['paid', 'refunded', 'voided'].includes(o.financial_status) && !o.cancelled_at,
    cancelledAt: o.cancelled_at ?? null,
    closedAt: o.closed_at ?? null,
    closed: Boolean(o.closed_at),
    updatedAt: o.updated_at,
    customer: o.customer ? customerNode(o.customer) : null,
    fulfillments: (o.fulfillments ?? []).map(foApi.fulfillmentNode),
    fulfillmentOrders: { nodes: foApi.store.ofOrder(o.id).map(foApi.foNode) },
  });
  const customerNode = (c: RestOrder) => ({ __typename: 'Customer', id: c.admin_graphql_api_id, tags: splitTags(c.tags) });

  function tagsChange(args: any, add: boolean) {
    const list: string[] = Array.isArray(args.tags) ? args.tags : splitTags(args.tags);
    const customerId = idOf(args.id, 'Customer');
    const apply = (current: string | null | undefined) => {
      const tags = splitTags(current);
      const next = add ? [...tags, ...list.filter((t) => !tags.some((x) => x.toLowerCase() === t.toLowerCase()))] : tags.filter((t) => !list.some((x) => x.toLowerCase() === t.toLowerCase()));
      return next.join(', ');
    };
    if (customerId !== null) {
      const owned = [...orders.values()].filter((o) => o.customer && Number(o.customer.id) === customerId);
      if (owned.length === 0) return { node: null, userErrors: userError('Customer does not exist') };
      const tags = apply(owned[0]!.customer.tags);
      for (const o of owned) o.customer.tags = tags;
      return { node: customerNode(owned[0]!.customer), userErrors: [] };
    }
    const o = find(args.id);
    o.tags = apply(o.tags);
    touch(o);
    return { node: orderNode(o), userErrors: [] };
  }

  const resolvers: Record<string, (args: any) => unknown> = {
    shop: () => ({ __typename: 'Shop', name: opts.shopName ?? 'Flowdesk Demo', myshopifyDomain: 'flowdesk-demo.myshopify.com' }),
    order: (a) => {
      const o = orders.get(idOf(a.id, 'Order') ?? -1);
      return o ? orderNode(o) : null;
    },
    customer: (a) => {
      const o = [...orders.values()].find((x) => x.customer && gidOf('Customer', x.customer.id) === a.id);
      return o ? customerNode(o.customer) : null;
    },
    tagsAdd: (a) => tagsChange(a, true),
    tagsRemove: (a) => tagsChange(a, false),
    // note, customAttributes and tags overwrite (reference §1.3).
    orderUpdate: ({ input }) => {
      const o = find(input.id);
      if ('note' in input) o.note = input.note;
      if ('customAttributes' in input) o.note_attributes = input.customAttributes.map((c: any) => ({ name: c.key, value: c.value }));
      if ('tags' in input) o.tags = (Array.isArray(input.tags) ? input.tags : splitTags(input.tags)).join(', ');
      touch(o);
      return { order: orderNode(o), userErrors: [] };
    },
    orderMarkAsPaid: ({ input }) => {
      const o = find(input.id);
      if (!orderNode(o).canMarkAsPaid) return { order: orderNode(o), userErrors: userError('Order cannot be marked as paid.') };
      o.financial_status = 'paid';
      touch(o);
      return { order: orderNode(o), userErrors: [] };
    },
    // An async job: cancelled_at is set now and seen by the next read; the answer says done:false.
    orderCancel: (a) => {
      const o = find(a.orderId);
      if (o.cancelled_at) return { job: null, orderCancelUserErrors: [{ field: ['orderId'], message: 'Order has already been cancelled', code: 'INVALID' }], userErrors: [] };
      o.cancelled_at = shopTime(now());
      o.cancel_reason = String(a.reason).toLowerCase();
      if (a.refundMethod?.originalPaymentMethodsRefund && o.financial_status === 'paid') o.financial_status = 'refunded';
      else if (o.financial_status === 'pending' || o.financial_status === 'authorized') o.financial_status = 'voided';
      for (const fo of fos) if (fo.orderId === o.id && fo.status === 'OPEN') fo.status = 'CANCELLED';
      touch(o);
      return { job: { __typename: 'Job', id: gidOf('Job', `${o.id}-cancel`), done: false }, orderCancelUserErrors: [], userErrors: [] };
    },
    orderClose: ({ input }) => {
      const o = find(input.id);
      o.closed_at ??= shopTime(now());
      touch(o);
      return { order: orderNode(o), userErrors: [] };
    },
    ...foApi.resolvers,
  };

  const costExt = (requested: number, actual: number | null) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: { maximumAvailable: bucket.max, currentlyAvailable: Math.floor(bucket.level), restoreRate: bucket.rate } },
  });

  function graphql(r: FakeRequest): FakeAnswer {
    if (r.method !== 'POST') return { status: 404, body: { errors: 'Not Found' } };
    const { query, variables = {} } = JSON.parse(r.body || '{}') as { query?: string; variables?: Record<string, any> };
    let op: OperationDefinitionNode;
    try {
      const doc = parse(query ?? '');
      op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    } catch (e) {
      return { status: 200, body: { errors: [{ message: (e as Error).message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] } };
    }
    const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s] : []));
    calls.push({ fields: fields.map((f) => f.name.value), query: query ?? '', variables });
    const requested = costOf(op);
    refill();
    if (bucket.level < requested) {
      return { status: opts.throttledStatus ?? 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: costExt(requested, null) } };
    }
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const f of fields) {
      const name = f.name.value;
      const args = Object.fromEntries((f.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
      const scope = name === 'tagsAdd' || name === 'tagsRemove' ? (String(args['id']).includes('/Customer/') ? 'write_customers' : 'write_orders') : (foApi.scopeOf(name, args) ?? SCOPE_OF[name]);
      try {
        if (scope === undefined) throw new GraphqlError(`Field '${name}' doesn't exist on type '${op.operation === OperationTypeNode.MUTATION ? 'Mutation' : 'QueryRoot'}'`, { code: 'undefinedField' });
        if (scope && !scopes.has(scope)) throw new GraphqlError(`Access denied for ${name} field. Required access: \`${scope}\` access scope.`, { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `\`${scope}\` access scope.` });
        data[f.alias?.value ?? name] = project(resolvers[name]!(args), f.selectionSet);
      } catch (e) {
        if (!(e instanceof GraphqlError)) throw e;
        data[f.alias?.value ?? name] = null;
        errors.push({ message: e.message, path: [name], extensions: e.extensions });
      }
    }
    bucket.level -= requested;
    return { status: 200, body: { ...(errors.length > 0 ? { errors } : {}), data, extensions: costExt(requested, requested) } };
  }

  /** REST orders.json: `status` defaults to open; `page_info` allows only `limit` and `fields` beside it. */
  function listOrders(r: FakeRequest, base: string): FakeAnswer {
    if (!scopes.has('read_orders')) return { status: 403, body: { errors: '[API] This action requires merchant approval for read_orders scope.' } };
    const q = r.query;
    const limit = Math.min(250, Number(q.get('limit') ?? 50));
    let filter: { status: string; min: string | null; after: number };
    const pageInfo = q.get('page_info');
    if (pageInfo) {
      if ([...q.keys()].some((k) => !['page_info', 'limit', 'fields'].includes(k))) return { status: 400, body: { errors: { page_info: ['page_info cannot be combined with other parameters than limit and fields'] } } };
      filter = JSON.parse(Buffer.from(pageInfo, 'base64url').toString('utf8'));
    } else {
      filter = { status: q.get('status') ?? 'open', min: q.get('updated_at_min'), after: 0 };
    }
    const all = [...orders.values()]
      .filter((o) => filter.status === 'any' || (filter.status === 'open' ? !o.cancelled_at && !o.closed_at : filter.status === 'closed' ? Boolean(o.closed_at) : Boolean(o.cancelled_at)))
      .filter((o) => !filter.min || Date.parse(o.updated_at) >= Date.parse(filter.min))
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id);
    const page = all.slice(filter.after, filter.after + limit);
    const headers: Record<string, string> = { 'x-shopify-shop-api-call-limit': '1/40' };
    if (filter.after + limit < all.length) {
      const next = Buffer.from(JSON.stringify({ ...filter, after: filter.after + limit })).toString('base64url');
      headers['link'] = `<${base}/orders.json?limit=${limit}&page_info=${next}>; rel="next"`;
    }
    return { status: 200, headers, body: { orders: page } };
  }

  const fake = await startPlatformFake((r) => {
    const m = /^\/admin\/api\/(\d{4}-\d{2})\/(graphql|orders)\.json$/.exec(r.path);
    if (!m) return { status: 404, body: { errors: 'Not Found' } };
    if (r.headers['x-shopify-access-token'] !== token) return { status: 401, body: BAD_TOKEN };
    if (m[2] === 'graphql') return graphql(r);
    return r.method === 'GET' ? listOrders(r, `${fake.baseUrl}/admin/api/${m[1]}`) : { status: 404, body: { errors: 'Not Found' } };
  });

  return {
    ...fake,
    token,
    orders,
    fulfillmentOrders: fos,
    fo: foApi.helpers,
    addOrder(overrides = {}, locations = [655441491]) {
      const id = nextId++;
      const n = id - 450789469;
      const base = sampleOrder();
      const o: RestOrder = {
        ...base,
        id,
        admin_graphql_api_id: gidOf('Order', id),
        name: `#${1001 + n}`,
        order_number: 1001 + n,
        created_at: shopTime(now()),
        updated_at: shopTime(now()),
        tags: '',
        note: null,
        note_attributes: [],
        closed_at: null,
        customer: { ...(base['customer'] as object), id: 207119551 + n, admin_graphql_api_id: gidOf('Customer', 207119551 + n), tags: '' },
        fulfillments: [],
        ...overrides,
      };
      orders.set(id, o);
      if (o.fulfillment_status !== 'fulfilled' && !o.cancelled_at) {
        const lines = (o.line_items ?? []).map((li: RestOrder) => ({ lineItemId: li.id, title: li.title, sku: li.sku ?? null, total: Number(li.quantity), remaining: Number(li.quantity) }));
        for (const locationId of locations) foApi.store.newFo(id, foApi.store.location(locationId).id, lines);
      }
      return o;
    },
    order(id) {
      const o = orders.get(Number(id));
      if (!o) throw new Error(`no order ${id} in the fake`);
      return o;
    },
    setAvailable(points) {
      refill();
      bucket.level = points;
    },
    graphqlCalls: () => calls,
  };
}
