import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionApi, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { createStoreApis } from '../../engine/connectors/store-api/store-apis.ts';
import { createStoreWriter, type StoreWrite, type StoreWriteResult } from '../../engine/connectors/store-api/store-writer.ts';
import { writeBackIntentHandlers } from '../../engine/connectors/store-api/write-back-intents.ts';
import { createTimeline } from '../../engine/domain/timeline.ts';
import type { ExternalIntentHandler, IntentContext, IntentOf } from '../../engine/nodes/intents.ts';
import { createPlatformRegistry } from '../../engine/platforms/registry.ts';
import { RetryableError } from '../../engine/shared/errors.ts';
import { openStore, type OpenedStore } from '../../engine/storage/open-store.ts';
import type { ConnectionRow } from '../../engine/storage/repos/connections-repo.ts';
import { startShopifyFake, type RestOrder, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { act, mutationsSent } from '../harness/shopify-fo-client.ts';
import { makeDataDir } from '../harness/temp-engine.ts';

/**
 * The store writer on a real database and the local Shopify: the outbox around a merchant's
 * fulfillment-order action (no run), and the 'store.write' handler handing FO results to the
 * `onFulfillment` hook instead of its own `write_back` entry.
 */
let fake: ShopifyFake;
let dataDir: string;
let store: OpenedStore;
let connection: ConnectionRow;
/** Set to a GraphQL field: the next request with it is applied by the fake and its answer lost. */
let dropAnswerOf: string | null;

function apis() {
  const transport: typeof fetch = (input, init) => {
    if (dropAnswerOf && typeof init?.body === 'string' && init.body.includes(`${dropAnswerOf}(`)) {
      dropAnswerOf = null;
      fake.fault({ commitThenDrop: true });
    }
    return fetch(input, init);
  };
  return createStoreApis({ platforms: createPlatformRegistry(), fetch: transport, clock: { now: () => Date.now() }, sleep: async () => undefined });
}

beforeEach(async () => {
  fake = await startShopifyFake();
  dropAnswerOf = null;
  dataDir = makeDataDir();
  store = openStore(dataDir, { nowMs: Date.now(), synchronous: 'normal' });
  connection = {
    id: 'con_shop', platform: 'shopify', storeId: 'flowdesk-demo.myshopify.com', name: 'Shop', store: 'default', secrets: { webhookSecret: 'x', adminToken: fake.token }, settings: {},
    api: ConnectionApi.parse({ writeBack: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10` }), createdAt: new Date().toISOString(),
  };
  store.repos.connections.insert(connection);
});
afterEach(async () => {
  store.db.close();
  rmSync(dataDir, { recursive: true, force: true });
  await fake.close();
});

const input = (o: RestOrder, request: StoreWrite['request'], key = 'fo:merchant:1'): StoreWrite => ({
  connection, orderId: 'ord_1', platformOrderId: String(o.id), orderNumber: o.name, platformCustomerId: null, key, runId: null, flowName: null, request,
});

describe('the store writer, for a merchant\'s FO action outside any run', () => {
  it('records the call in the outbox, answers the FOs Shopify has after it, and a lost answer is checked, never sent twice', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const writer = createStoreWriter({ repos: store.repos, apis: apis(), now: Date.now });
    const req = act(fo!.id, { kind: 'fulfil', by: 'merchant', trackingNumber: 'GHN-9', carrier: 'GHN' });

    dropAnswerOf = 'fulfillmentCreate';
    const lost = await writer.write(input(o, req)).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(RetryableError);
    expect(store.repos.outbox.get('fo:merchant:1')).toMatchObject({ state: 'sent', runId: null, flowName: null });

    const again = await writer.write(input(o, req));
    expect(again).toMatchObject({ written: true, already: true, platform: 'Shopify', action: 'fulfillment_order.act', answer: `order ${o.name} has a shipment with tracking number GHN-9 on Shopify` });
    expect(again.fulfillmentOrders?.[0]).toMatchObject({ status: 'closed', fulfillments: [{ trackingNumber: 'GHN-9', carrier: 'GHN' }] });
    expect(mutationsSent(fake).map((m) => m.field)).toEqual(['fulfillmentCreate']);
    expect(fake.order(o.id).fulfillments).toHaveLength(1);
    expect(store.repos.outbox.get('fo:merchant:1')?.state).toBe('confirmed');
  });

  it('a refusal is final: the outbox row fails with the words, and the same key is not tried again', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const writer = createStoreWriter({ repos: store.repos, apis: apis(), now: Date.now });
    const req = act(fo!.id, { kind: 'request_fulfillment' });
    const e = (await writer.write(input(o, req)).catch((x: unknown) => x)) as Error;
    expect(e).not.toBeInstanceOf(RetryableError);
    expect(e.message).toMatch(/^Shopify: cannot request fulfillment on fulfillment order .* it is open on Shopify, which does not allow that/);
    expect(store.repos.outbox.get('fo:merchant:1')).toMatchObject({ state: 'failed', answer: e.message });
    const before = fake.requests.length;
    await expect(writer.write(input(o, req))).rejects.toThrow(e.message);
    expect(fake.requests.length).toBe(before);
  });
});

describe('the store.write handler with an onFulfillment hook', () => {
  it('hands an FO action\'s result to the hook instead of the write_back entry; other writes keep theirs', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const seen: StoreWriteResult[] = [];
    const entry = { id: 'tl_1' } as unknown as TimelineEntryDto;
    const timeline = createTimeline(store.repos.timeline);
    const [handler] = writeBackIntentHandlers(store.repos, timeline, apis(), Date.now, {
      onFulfillment: (_intent, result) => (seen.push(result), [entry]),
    }) as unknown as ExternalIntentHandler<'store.write'>[];
    const ctx: IntentContext = { runId: 'run_1', nodeId: 'hold', flowId: 'f', flowName: 'Giữ đơn', orderId: 'ord_1', atMs: Date.now(), idempotencyKey: 'run_1:hold' };
    const intent = (request: IntentOf<'store.write'>['request']): IntentOf<'store.write'> => ({ kind: 'store.write', orderId: 'ord_1', connectionId: connection.id, platformOrderId: String(o.id), orderNumber: o.name, platformCustomerId: null, request });

    const hold = intent(act(fo!.id, { kind: 'hold', reason: 'other', note: 'Chờ khách' }));
    const result = await handler!.perform(hold, ctx);
    expect(mutationsSent(fake).at(-1)!.variables['fulfillmentHold']).toMatchObject({ handle: 'fd-run_1:hold' });
    expect(handler!.recorded!(hold, result, ctx)).toEqual([entry]);
    expect(seen[0]).toMatchObject({ written: true, action: 'fulfillment_order.act', fulfillmentOrders: [{ status: 'on_hold', holds: [{ reason: 'other', note: 'Chờ khách' }] }] });
    expect(store.repos.outbox.get('run_1:hold')).toMatchObject({ state: 'confirmed', runId: 'run_1', flowName: 'Giữ đơn' });

    const tags = intent({ action: 'order.tags.add', tags: ['VIP'] });
    const tagCtx = { ...ctx, idempotencyKey: 'run_1:tag' };
    const entries = handler!.recorded!(tags, await handler!.perform(tags, tagCtx), tagCtx);
    expect(entries.map((e) => e.data)).toEqual([expect.objectContaining({ kind: 'write_back', action: 'order.tags.add', platform: 'shopify' })]);
    expect(seen).toHaveLength(1);
  });
});
