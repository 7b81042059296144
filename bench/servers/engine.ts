// A real Flowdesk engine on its own data dir, in its own process.
//   setup: true   → add a Shopify connection and activate the VIP flow; report the webhook URL.
//   workers: 0    → ingest only (verify + inbox commit before the 200), nothing processed.
//   drain: true   → time from start until no job is due (what was ingested earlier is processed).
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../engine/create-engine.ts';
import { silentLogger } from '../../engine/shared/logger.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../../test/harness/shopify.ts';
import { vipFlow } from '../../test/harness/flows.ts';
import { childConfig, runChild } from '../lib/child-ipc.ts';

export interface EngineChildConfig {
  dataDir: string;
  workers: number;
  setup?: boolean;
  drain?: boolean;
}

export interface EngineChildInfo {
  webhookUrl: string | null;
  drainMs: number | null;
}

const config = childConfig<EngineChildConfig>();

await runChild<EngineChildInfo>(async () => {
  const engine = createEngine({ dataDir: config.dataDir, webhookPort: 0, apiPort: 0, logger: silentLogger, workers: config.workers });
  const t0 = performance.now();
  await engine.start();
  let webhookUrl: string | null = null;
  if (config.setup) {
    const connection = await engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const flow = await engine.call('flows.save', { document: vipFlow() });
    await engine.call('flows.activate', { id: flow.id });
    webhookUrl = connection.webhookUrl;
  }
  let drainMs: number | null = null;
  if (config.drain) {
    await engine.idle();
    drainMs = performance.now() - t0;
  }
  return { info: { webhookUrl, drainMs }, stop: () => engine.stop() };
});
