import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionDto, TestDeliveryDto } from '../../engine/contract/index.ts';
import { EngineError } from '../../engine/shared/errors.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { chain, node } from '../harness/trigger-flows.ts';
import { startFakeLazada, type FakeLazada } from '../harness/fake-lazada-api.ts';

/**
 * The first-run guide's test delivery (issue 16): a sample order signed with the connection's
 * own secret and posted to the engine's real webhook listener is verified, stored in the inbox,
 * becomes an order, and starts the active flows; bad requests say why and send nothing.
 */
describe('connections.sendTestDelivery', () => {
  let t: TempEngine;
  beforeEach(async () => {
    t = await startTempEngine();
  });
  afterEach(() => t.close());

  async function activateTagFlow(tag: string) {
    const flow = await t.engine.call('flows.save', { document: chain(`Tag ${tag}`, node('trigger', 'orders.order_created', {}), node('tag', 'flowdesk.add_order_tag', { tags: [tag] })) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }

  /** The delivery as the inbox keeps it once processed, its order, and the flow's runs on it. */
  async function landed(sent: TestDeliveryDto, flowId: string) {
    await t.engine.idle(2_000);
    const delivery = await t.engine.call('inbox.get', { id: sent.deliveryId });
    expect(delivery).toMatchObject({ verdict: 'accepted', processing: 'processed', httpStatus: 200, source: 'webhook' });
    expect(delivery.orderId).not.toBeNull();
    const order = await t.engine.call('orders.get', { ref: delivery.orderId! });
    const runs = await t.engine.call('runs.list', { flowId });
    return { delivery, order, runs };
  }

  async function expectRefused(args: { connectionId: string; orderId?: string }, code: string, message: RegExp) {
    const before = (await t.engine.call('inbox.list', {})).length;
    const error = await t.engine.call('connections.sendTestDelivery', args).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect(await t.engine.call('inbox.list', {})).toHaveLength(before);
  }

  for (const [platform, storeId, secret] of [
    ['shopify', 'cua-hang-mau.myshopify.com', 'shpss_test_secret'],
    ['haravan', '1000114691', 'hrv_webhook_secret'],
  ] as const) {
    it(`${platform}: verified, stored, an order with the sample's content, and the gallery's VIP template and a tag flow run on it`, async () => {
      const connection = await t.engine.call('connections.create', { platform, storeId, secret });
      const tagFlow = await activateTagFlow('thử');
      const vip = await t.engine.call('flows.import', { file: await t.engine.call('gallery.get', { id: 'vip-big-order-supplier', locale: 'vi' }), activate: true });

      const sent = await t.engine.call('connections.sendTestDelivery', { connectionId: connection.id });
      expect(sent).toMatchObject({ verdict: 'accepted', httpStatus: 200, topic: 'orders/create', orderName: expect.stringMatching(/^#TEST-\d{4}$/) });
      const { delivery, order, runs } = await landed(sent, tagFlow.id);
      // It came through the listener as the platform would send it: signed, on the hook path.
      expect(delivery.path).toBe(`/hooks/${connection.id}`);
      expect((await t.engine.call('inbox.verify', { id: sent.deliveryId })).verdict).toBe('accepted');
      expect(order.order).toMatchObject({ platform, platformOrderId: sent.platformOrderId, number: expect.stringContaining(sent.orderName.slice(1)), currency: 'VND', test: true });
      expect(Number(order.order.totalPrice)).toBe(2_350_000);
      expect(order.customer).toMatchObject({ email: 'lan.nguyen@example.com' });
      expect(order.summary.localTags).toEqual(expect.arrayContaining(['thử', 'VIP']));
      expect(runs).toEqual([expect.objectContaining({ status: 'succeeded', orderId: delivery.orderId })]);
      expect(await t.engine.call('runs.list', { flowId: vip.id })).toEqual([expect.objectContaining({ status: 'succeeded' })]);
      // On the order's timeline: the delivery and the runs of both flows.
      expect(order.timeline).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: 'delivery', inboxId: sent.deliveryId }),
        expect.objectContaining({ kind: 'run', runId: runs[0]!.id }),
      ]));

      // A second test delivery is a new order, not a duplicate of the first.
      const again = await t.engine.call('connections.sendTestDelivery', { connectionId: connection.id });
      expect(again.verdict).toBe('accepted');
      expect(again.platformOrderId).not.toBe(sent.platformOrderId);
      await t.engine.idle(2_000);
      expect(await t.engine.call('runs.list', { flowId: tagFlow.id })).toHaveLength(2);
    });
  }

  describe('lazada', () => {
    const creds = { appKey: '112233', appSecret: 'lazada-test-secret', accessToken: 'seller-token-1', sellerName: 'Flowdesk Demo Shop' };
    let fake: FakeLazada;
    let connection: ConnectionDto;
    beforeEach(async () => {
      fake = await startFakeLazada(creds);
      connection = await t.engine.call('connections.create', {
        platform: 'lazada', storeId: '1234567', secrets: { appSecret: creds.appSecret, accessToken: creds.accessToken },
        settings: { appKey: creds.appKey, apiBaseUrl: `${fake.baseUrl}/rest` },
      });
    });
    afterEach(() => fake.close());

    it('signs the push with the app key and secret; the order is read from Lazada and the flow runs', async () => {
      fake.seed('260422900198363');
      const flow = await activateTagFlow('thử');
      const sent = await t.engine.call('connections.sendTestDelivery', { connectionId: connection.id, orderId: '260422900198363' });
      expect(sent).toMatchObject({ verdict: 'accepted', topic: 'message_type 0', platformOrderId: '260422900198363' });
      const { order, runs } = await landed(sent, flow.id);
      expect(order.order).toMatchObject({ platform: 'lazada', platformOrderId: '260422900198363' });
      expect(order.summary.localTags).toContain('thử');
      expect(runs).toEqual([expect.objectContaining({ status: 'succeeded' })]);
      expect(fake.requests.some((r) => r.path === '/rest/order/get')).toBe(true);
    });

    it('without an order id: says Lazada pushes ids only, and sends nothing', async () => {
      await expectRefused({ connectionId: connection.id }, 'invalid_args', /Lazada pushes only an order's id/);
    });
  });

  it('an unknown connection id: not found, nothing sent', async () => {
    await expectRefused({ connectionId: 'con_nope' }, 'not_found', /connection con_nope does not exist/);
  });

  it('a connection without a secret: says so, nothing sent', async () => {
    const bare = await t.engine.call('connections.create', { platform: 'haravan', storeId: '1000114691', secrets: {} });
    await expectRefused({ connectionId: bare.id }, 'invalid_args', /has no secret.*add the connection's secret/);
    // Only a verify token (Haravan checks the URL with it, but signs nothing with it): cannot sign.
    const tokenOnly = await t.engine.call('connections.create', { platform: 'haravan', storeId: '1000114692', secrets: { verifyToken: 'tok' } });
    await expectRefused({ connectionId: tokenOnly.id }, 'invalid_args', /cannot sign a Haravan delivery.*neither a webhook secret nor an app secret/);
  });

  it('a platform Flowdesk has no sample for: says to send one from the platform, nothing sent', async () => {
    const woo = await t.engine.call('connections.create', { platform: 'woocommerce', storeId: 'https://shop.example.vn', secret: 'wc_secret' });
    await expectRefused({ connectionId: woo.id }, 'unsupported_platform', /no sample WooCommerce order.*from WooCommerce itself/);
  });
});
