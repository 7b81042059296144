// Fills a data dir for the orders-list section (sections/orders-list.ts): `orders` canonical orders written through the
// engine's own orders repository (so the list's columns and the order_facets counts are exactly
// what ingest keeps), then four deliveries an order in the inbox and each order's timeline
// (delivery, recorded, status changes, run, steps, tag), the rows of one order spread through the
// file as they would be after a year of webhooks. Big transactions, journal off while filling.
import type { Order, TimelineData } from '../../engine/contract/index.ts';
import type { Db } from '../../engine/storage/database.ts';
import { createRepositories } from '../../engine/storage/repositories.ts';

export interface FilledOrders {
  ids: string[];
  orders: number;
  deliveries: number;
  timelineRows: number;
  seconds: { orders: number; history: number };
}

const DAY = 86_400_000;
/** Stage s of order k is written at step k + LAG[s]: an order's rows lie far apart in the file. */
const LAG = [0, 3, 600, 14_400];
const TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/fulfilled'];

/** Weighted picks, the mix a shop sees (most orders paid and shipped, some cancelled). */
function weighted<T>(pairs: [T, number][]): (r: number) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
}
const financial = weighted<Order['financialStatus']>([['paid', 55], ['pending', 22], ['authorized', 3], ['partially_paid', 2], ['refunded', 8], ['partially_refunded', 3], ['voided', 5], ['failed', 2]]);
const fulfillment = weighted<Order['fulfillmentStatus']>([['fulfilled', 58], ['unfulfilled', 35], ['partial', 5], ['restocked', 2]]);
const delivery = weighted<Order['deliveryStatus']>([['delivered', 45], ['none', 38], ['in_transit', 11], ['delivery_failed', 4], ['returned', 2]]);
const platform = weighted<Order['platform']>([['shopify', 40], ['haravan', 25], ['lazada', 20], ['sapo', 15]]);
const lazadaWord = weighted<string>([['Chưa giao hàng', 20], ['Chờ giao hàng', 15], ['Đang giao hàng', 15], ['Đã giao hàng', 45], ['Hủy giao hàng', 5]]);
const TAGS = ['vip', 'cod', 'gift', 'wholesale', 'tiktok', 'facebook', 'zalo', 'repeat', 'hn', 'hcm', 'dn', 'sale-11-11', 'tet', 'b2b', 'fragile'];

/** A small deterministic generator (the same data every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function makeOrder(k: number, placedMs: number, r: () => number): Order {
  const p = platform(r());
  const cancelled = r() < 0.07;
  const tags = TAGS.filter(() => r() < 0.08);
  const at = new Date(placedMs).toISOString();
  return {
    platform: p, storeId: `${p}-store`, platformOrderId: String(5_000_000_000 + k), number: `#B${k}`,
    createdAt: at, updatedAt: new Date(placedMs + 3_600_000).toISOString(),
    financialStatus: financial(r()), fulfillmentStatus: fulfillment(r()), deliveryStatus: delivery(r()), cashOnDelivery: r() < 0.4,
    paymentMethod: 'COD', cancelledAt: cancelled ? new Date(placedMs + 7_200_000).toISOString() : null, cancelReason: cancelled ? 'customer' : null,
    platformStatus: p === 'lazada' ? 'delivered' : 'paid', storeStatus: p === 'lazada' ? lazadaWord(r()) : null,
    customer: { name: `Khách ${k}`, email: `buyer${k}@example.com`, emailVerified: true, phone: `09${String(k).padStart(8, '0')}` },
    shippingAddress: { name: `Khách ${k}`, address1: `${k % 500} Trần Duy Hưng`, district: 'Cầu Giấy', city: 'Hà Nội', country: 'Vietnam', phone: `09${String(k).padStart(8, '0')}` },
    billingAddress: null,
    lineItems: [0, 1, 2].map((i) => ({ id: `${k}-${i}`, sku: `SKU-${(k + i) % 900}`, title: `Áo thun cotton mẫu ${(k + i) % 900}`, variantTitle: 'M / Trắng', quantity: 1 + (i % 2), price: '199000', tags: [], properties: [] })),
    subtotalPrice: '597000', totalPrice: '627000', totalTax: '0', totalDiscounts: '0', currency: 'VND', tags, salesChannel: p === 'lazada' ? 'Lazada' : 'Online Store',
    note: null, test: false, shipments: [],
  };
}

/** The timeline entries of one stage of an order's life (stage 0 also records the order). */
function stageEntries(s: number, o: Order): TimelineData[] {
  const d: TimelineData[] = [{ kind: 'delivery', topic: TOPICS[s]!, verdict: 'accepted', signature: 'X-Shopify-Hmac-Sha256 verified', connectionName: 'Shop' } as TimelineData];
  if (s === 0) d.push({ kind: 'order_created', number: o.number, financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none' } as TimelineData);
  if (s === 2) d.push({ kind: 'status_change', changes: { financialStatus: { from: 'pending', to: o.financialStatus } }, source: TOPICS[s] } as TimelineData);
  if (s === 3) d.push({ kind: 'status_change', changes: { fulfillmentStatus: { from: 'unfulfilled', to: o.fulfillmentStatus } }, source: TOPICS[s] } as TimelineData);
  if (s === 0) {
    d.push({ kind: 'run', status: 'succeeded', flowName: 'Tag big orders VIP', flowVersion: 1, eventType: 'order.created' } as TimelineData);
    d.push({ kind: 'step', nodeId: 'n_cmp', nodeType: 'logic.compare', label: 'Total over 500.000', status: 'done' } as TimelineData);
    d.push({ kind: 'tag_added', tags: ['VIP'], added: ['VIP'], target: 'order', flowName: 'Tag big orders VIP' } as TimelineData);
  }
  return d;
}

export function fillOrders(db: Db, orders: number, days: number, now = Date.now()): FilledOrders {
  const repos = createRepositories(db);
  const t0 = performance.now();
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const conns = ['con_shop', 'con_haravan', 'con_lazada'];
  for (const id of conns) {
    db.prepare(`INSERT INTO connections (id, platform, store_id, name, secrets, created_at) VALUES (?, 'shopify', ?, ?, '{}', ?)`)
      .run(id, id, `Cửa hàng ${id.slice(4)}`, new Date(now).toISOString());
  }
  const r = rng(42);
  const ids: string[] = new Array(orders);
  const made: Order[] = new Array(orders);
  const span = days * DAY;
  db.transaction(() => {
    for (let k = 0; k < orders; k++) {
      const o = makeOrder(k, now - span + Math.floor((k / orders) * span), r);
      const id = `ord_b${String(k).padStart(7, '0')}`;
      ids[k] = id;
      made[k] = o;
      repos.orders.save(id, conns[k % 3]!, o, null, Date.parse(o.updatedAt), o.updatedAt);
      if (r() < 0.05) repos.orders.setLocalTags(id, ['VIP'], o.updatedAt);
    }
  })();
  const t1 = performance.now();

  const inbox = db.prepare(`INSERT INTO inbox (received_at, connection_id, platform, method, path, headers, body_size, topic,
    delivery_key, verdict, http_status, processing, outcome, order_id, body_pruned_at)
    VALUES (?, ?, 'shopify', 'POST', ?, ?, 10240, ?, ?, 'accepted', 200, 'done', 'applied', ?, ?)`);
  const headers = JSON.stringify({ 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': 'x'.repeat(44), 'x-shopify-shop-domain': 'shop.myshopify.com' });
  let deliveries = 0;
  let timelineRows = 0;
  const last = orders - 1 + LAG[LAG.length - 1]!;
  const batch = db.transaction((from: number, to: number) => {
    for (let t = from; t < to; t++) {
      for (let s = 0; s < LAG.length; s++) {
        const k = t - LAG[s]!;
        if (k < 0 || k >= orders) continue;
        const o = made[k]!;
        const atMs = Date.parse(o.createdAt) + s * 20 * 60_000;
        const at = new Date(atMs).toISOString();
        const conn = conns[k % 3]!;
        const info = inbox.run(at, conn, `/hooks/${conn}`, headers, TOPICS[s], `${k}:${s}`, ids[k], at);
        deliveries++;
        for (const data of stageEntries(s, o)) {
          repos.timeline.append({ orderId: ids[k]!, atMs: atMs + timelineRows % 7, data, inboxId: Number(info.lastInsertRowid) });
          timelineRows++;
        }
      }
    }
  });
  for (let t = 0; t <= last; t += 50_000) batch(t, Math.min(last + 1, t + 50_000));
  db.pragma('journal_mode = WAL');
  return { ids, orders, deliveries, timelineRows, seconds: { orders: (t1 - t0) / 1000, history: (performance.now() - t1) / 1000 } };
}
