import { expect } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';

export interface FoEngine {
  t: TempEngine;
  fake: ShopifyFake;
  hookUrl: string;
  /** Posts a signed Shopify delivery, expects it accepted, and waits until it is processed. */
  post(topic: string, body: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * An engine with one Shopify connection whose API access (write-back) points at the fake
 * Shopify Admin API, as the fulfillment order tests need it.
 */
export async function startFoEngine(): Promise<FoEngine> {
  const fake = await startShopifyFake();
  const t = await startTempEngine({ storeApiSleep: async () => undefined, reconcileAtStart: false });
  const c = await t.engine.call('connections.create', {
    platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
    api: { writeBack: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10` },
  });
  return {
    t,
    fake,
    hookUrl: c.webhookUrl,
    async post(topic, body) {
      expect((await postShopify(c.webhookUrl, { topic, body: JSON.stringify(body) })).json['verdict']).toBe('accepted');
      await t.engine.idle();
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
