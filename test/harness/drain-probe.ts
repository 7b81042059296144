// A quick probe (not a test): fill a data dir with N signed deliveries (`fill <dir> N`), then,
// in another process so a profile sees only processing, time their drain (`drain <dir> W`).
import { startTempEngine } from './temp-engine.ts';
import { shopifyHeaders, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from './shopify.ts';
import { vipFlow } from './flows.ts';

const [mode, dir, arg] = process.argv.slice(2) as [string, string, string];
if (mode === 'fill') {
  const n = Number(arg ?? 3000);
  const t = await startTempEngine({ workers: 0 }, dir);
  const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const flow = await t.engine.call('flows.save', { document: vipFlow() });
  await t.engine.call('flows.activate', { id: flow.id });
  let sent = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (sent < n) {
      const i = sent++;
      const body = JSON.stringify(sampleOrder({ id: 100000 + i, admin_graphql_api_id: `gid://shopify/Order/${100000 + i}`, name: `#D${i}` }));
      await fetch(c.webhookUrl, { method: 'POST', headers: shopifyHeaders(body), body });
    }
  }));
  await t.engine.stop();
  console.log(`filled ${dir} with ${n} deliveries`);
} else {
  const t0 = performance.now();
  const t = await startTempEngine({ workers: Number(arg ?? 2) }, dir);
  await t.engine.idle();
  const s = (performance.now() - t0) / 1000;
  const runs = (await t.engine.call('runs.list', { limit: 1 })).length > 0 ? (await t.engine.call('inbox.list', { limit: 1 }))[0]!.id : 0;
  console.log(`${runs} deliveries (start included) drained in ${s.toFixed(2)} s: ${(runs / s).toFixed(0)} deliveries (runs)/s`);
  await t.close();
}
