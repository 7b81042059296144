import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { startAnswerRelay, type AnswerRelay } from '../harness/answer-relay.ts';
import { foGid } from './fo-payloads.ts';

/**
 * A merchant's click whose answer is lost (issue 14, reference §9.2): Shopify submitted the
 * request, Flowdesk never heard so. Clicking again checks Shopify first and does not send a
 * second request.
 */
describe('a fulfillment action from the order page whose answer was lost', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let relay: AnswerRelay;

  beforeEach(async () => {
    fake = await startShopifyFake();
    relay = await startAnswerRelay(`${fake.baseUrl}/admin/api/2025-10`);
    t = await startTempEngine({ storeApiSleep: async () => undefined, reconcileAtStart: false });
  });
  afterEach(async () => {
    await t.close();
    await relay.close();
    await fake.close();
  });

  it('is checked on Shopify when asked again, and sent once', async () => {
    const c = await t.engine.call('connections.create', {
      platform: 'shopify', storeId: SHOP_DOMAIN, secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token }, api: { writeBack: true, baseUrl: relay.url },
    });
    const o = fake.addOrder();
    const [seeded] = fake.fo.seed(o.id, [{ location: { id: 70001, name: 'ShipBob', service: 'shipbob' } }]);
    const fo = foGid(seeded!.id);
    expect((await postShopify(c.webhookUrl, { topic: 'orders/create', body: JSON.stringify(fake.order(o.id)) })).status).toBe(200);
    await t.engine.idle();
    const orderId = (await t.engine.call('orders.get', { ref: o.name })).summary.id;
    await t.engine.call('fulfillment.get', { orderId });
    const submits = () => fake.graphqlCalls().filter((x) => x.fields.includes('fulfillmentOrderSubmitFulfillmentRequest')).length;

    relay.dropNextAnswer('/graphql.json', 'fulfillmentOrderSubmitFulfillmentRequest');
    const action = { kind: 'request_fulfillment' as const, message: 'Ship today please' };
    await expect(t.engine.call('fulfillment.act', { orderId, foId: fo, action })).rejects.toMatchObject({ code: 'refused' });
    expect(fake.fo.state(fo)).toMatchObject({ requestStatus: 'SUBMITTED' });
    expect(submits()).toBe(1);

    // Asked again from the same state: Shopify is read, the request found there, nothing sent again.
    const again = await t.engine.call('fulfillment.act', { orderId, foId: fo, action });
    expect(submits()).toBe(1);
    expect(again.fulfillment.fulfillmentOrders[0]).toMatchObject({ fo: { id: fo, requestStatus: 'submitted' }, display: { state: 'in_progress', detail: 'submitted' } });
    const steps = (await t.engine.call('orders.get', { ref: o.name })).timeline.flatMap((e) => (e.data?.kind === 'fulfillment' ? [e.data.step] : []));
    expect(steps).toEqual(['request_submitted']);
  });
});
