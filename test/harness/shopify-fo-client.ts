import { ConnectionApi, type FoAction, type WriteRequest } from '../../engine/contract/index.ts';
import { shopifyStoreApi } from '../../engine/connectors/store-api/shopify/shopify-store-api.ts';
import type { StoreClient, WriteTarget } from '../../engine/connectors/store-api/store-client.ts';
import { createTokenBucket } from '../../engine/connectors/store-api/token-bucket.ts';
import { shopifyAdapter } from '../../engine/platforms/shopify/shopify-adapter.ts';
import type { RestOrder, ShopifyFake } from './fake-shopify-api.ts';
import type { Fault } from './platform-fake.ts';

/**
 * The Shopify store client pointed at a local fake, for the fulfillment-order tests: the
 * shop's token, a clock the waits move on, and an optional fault queued just before the
 * request that carries a given GraphQL field (so a mutation's answer can be lost after it
 * was applied, and the reads around it still answer). `beforeSend` runs before each request
 * leaves (a test can make another request reach the fake first).
 */
export function shopifyFoClient(fake: ShopifyFake, opts: { faultOn?: { field: string; fault: Fault }; beforeSend?: (input: Parameters<typeof fetch>[0], init: RequestInit | undefined) => Promise<void> } = {}): StoreClient {
  let clock = Date.parse('2026-11-21T12:00:00Z');
  const now = () => clock;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  let faultOn = opts.faultOn;
  const transport: typeof fetch = async (input, init) => {
    await opts.beforeSend?.(input, init);
    if (faultOn && typeof init?.body === 'string' && init.body.includes(`${faultOn.field}(`)) {
      fake.fault(faultOn.fault);
      faultOn = undefined;
    }
    return fetch(input, init);
  };
  const connection = { id: 'con_1', platform: 'shopify' as const, storeId: 'flowdesk-demo.myshopify.com', store: 'Shop', secrets: { adminToken: fake.token }, settings: shopifyAdapter.settings.parse({}) };
  return shopifyStoreApi.create({
    connection,
    api: ConnectionApi.parse({ writeBack: true }),
    baseUrl: `${fake.baseUrl}/admin/api/2025-10`,
    fetch: transport,
    now,
    sleep,
    bucket: createTokenBucket(shopifyStoreApi.bucket.capacity, shopifyStoreApi.bucket.perSecond, now, sleep),
  });
}

export const foTarget = (o: RestOrder, key = 'act_1'): WriteTarget => ({ platformOrderId: String(o.id), orderNumber: o.name, platformCustomerId: null, key });

export const act = (foId: number | string, fo: FoAction): WriteRequest => ({ action: 'fulfillment_order.act', foId: typeof foId === 'number' ? `gid://shopify/FulfillmentOrder/${foId}` : foId, fo });

/** The GraphQL mutations the fake received, by top-level field, with their variables. */
export const mutationsSent = (fake: ShopifyFake) =>
  fake.graphqlCalls().filter((c) => c.query.trimStart().startsWith('mutation')).map((c) => ({ field: c.fields[0]!, variables: c.variables }));

export const THREE_PL = { id: 7001, name: 'ShipBob', service: 'shipbob' } as const;
