// What the two tables every delivery writes cost, per write, in CPU time (user + system): an order
// inserted, a tag added, a status changed, eight timeline entries. On the engine's own schema (all
// migrations), a fresh WAL file, 32 writes a transaction as processing commits them.
//
//   node bench/tools/write-cost.ts [orders (6000)] [--drop "<SQL run after the migrations>"]
//
// `--drop` measures a variant (an index or trigger removed) beside the schema as it is, e.g.
//   --drop "DROP TRIGGER order_tags_insert; DROP TRIGGER order_tags_retag"
// CPU time moves far less with the machine's other work than wall time; still, compare two
// variants from runs made one after the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Order } from '../../engine/contract/index.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { createRepositories } from '../../engine/storage/repositories.ts';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { drop: { type: 'string' } } });
const N = Number(positionals[0] ?? 6000);
const dir = mkdtempSync(join(tmpdir(), 'flowdesk-write-cost-'));
const db = openDatabase(join(dir, 'flowdesk.db'));
if (args.drop) db.exec(args.drop);
db.prepare(`INSERT INTO connections (id, platform, store_id, name, secrets, created_at) VALUES ('con_1', 'shopify', 's', 'S', '{}', ?)`)
  .run(new Date().toISOString());
const repos = createRepositories(db);

/** A 20-line order, as a Shopify orders/create of the bench's size becomes. */
const orderOf = (k: number): Order => ({
  platform: 'shopify', storeId: 's', platformOrderId: String(5_000_000_000 + k), number: `#B${k}`,
  createdAt: new Date(Date.now() - k * 1000).toISOString(), updatedAt: new Date().toISOString(),
  financialStatus: 'pending', fulfillmentStatus: 'unfulfilled', deliveryStatus: 'none', cashOnDelivery: true,
  paymentMethod: 'COD', cancelledAt: null, cancelReason: null, platformStatus: 'open', storeStatus: null,
  customer: { name: `Khách ${k}`, email: `buyer${k}@example.com`, emailVerified: true, phone: `09${String(k).padStart(8, '0')}` },
  shippingAddress: null, billingAddress: null,
  lineItems: Array.from({ length: 20 }, (_, i) => ({
    id: `${k}-${i}`, sku: `SKU-${(k + i) % 900}`, title: `Áo thun cotton mẫu ${(k + i) % 900}`, variantTitle: 'M / Trắng', quantity: 1, price: '199000', tags: [], properties: [],
  })),
  subtotalPrice: '597000', totalPrice: '627000', totalTax: '0', totalDiscounts: '0', currency: 'VND', tags: [], salesChannel: 'Online Store',
  note: null, test: false, shipments: [],
}) as unknown as Order;

const orders = Array.from({ length: N }, (_, k) => orderOf(k));
const ids = orders.map((_, k) => `ord_${((k * 7919) % 100_000).toString(36)}x${k}`);
const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
function time(label: string, write: (k: number) => void): void {
  const c0 = cpuUs();
  for (let b = 0; b < N; b += 32) {
    db.transaction(() => {
      for (let k = b; k < Math.min(N, b + 32); k++) write(k);
    })();
  }
  console.log(`${label.padEnd(34)} ${((cpuUs() - c0) / N).toFixed(1).padStart(6)} µs`);
}

const now = new Date().toISOString();
console.log(`${N} orders${args.drop ? `, after: ${args.drop}` : ''}`);
time('order inserted', (k) => repos.orders.save(ids[k]!, 'con_1', orders[k]!, null, Date.now(), now));
time('tag added (Flowdesk)', (k) => repos.orders.setLocalTags(ids[k]!, ['vip'], now));
time('saved again, payment changed', (k) => repos.orders.save(ids[k]!, 'con_1', { ...orders[k]!, financialStatus: 'paid' }, null, Date.now(), now));
time('saved again, nothing listed changed', (k) => repos.orders.save(ids[k]!, 'con_1', { ...orders[k]!, financialStatus: 'paid', note: 'x' }, null, Date.now(), now));
time('8 timeline entries', (k) => {
  for (let i = 0; i < 8; i++) repos.timeline.append({ orderId: ids[k]!, atMs: Date.now(), data: { kind: 'note', text: 'hello' } });
});
db.close();
rmSync(dir, { recursive: true, force: true });
