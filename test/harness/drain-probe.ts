// A quick probe (not a test): time the drain of N stored deliveries through the VIP flow.
import { startTempEngine } from './temp-engine.ts';
import { shopifyHeaders, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from './shopify.ts';
import { vipFlow } from './flows.ts';

const N = Number(process.argv[2] ?? 3000);
const t = await startTempEngine({ workers: 0 });
const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
const flow = await t.engine.call('flows.save', { document: vipFlow() });
await t.engine.call('flows.activate', { id: flow.id });
let sent = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (sent < N) {
    const n = sent++;
    const body = JSON.stringify(sampleOrder({ id: 100000 + n, admin_graphql_api_id: `gid://shopify/Order/${100000 + n}`, name: `#D${n}` }));
    await fetch(c.webhookUrl, { method: 'POST', headers: shopifyHeaders(body), body });
  }
}));
const t2 = await t.restart({ workers: Number(process.argv[3] ?? 2) });
const t0 = performance.now();
await t2.engine.idle();
const s = (performance.now() - t0) / 1000;
const runs = await t2.engine.call('runs.list', { limit: 1000 });
console.log(`${N} deliveries drained in ${s.toFixed(2)} s: ${(N / s).toFixed(0)} runs/s (sample of runs: ${runs.filter((r) => r.status === 'succeeded').length} succeeded)`);
await t2.close();
