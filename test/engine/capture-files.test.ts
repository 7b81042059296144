import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET, shopifyHeaders } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import { CAPTURE_FORMAT, type CaptureFile } from '../../engine/contract/index.ts';
import { EngineError } from '../../engine/shared/errors.ts';

/** A Shopify connection (same store, same secret) with the VIP flow on: two engines that should agree on a delivery. */
async function shopWithFlow(t: TempEngine): Promise<string> {
  const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const flow = await t.engine.call('flows.save', { document: vipFlow() });
  await t.engine.call('flows.activate', { id: flow.id });
  return c.id;
}

async function refusal(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('capture files: export from one Flowdesk, import into another', () => {
  let a: TempEngine;
  let b: TempEngine;
  let hookA: string;
  let connB: string;

  beforeEach(async () => {
    a = await startTempEngine();
    b = await startTempEngine();
    const c = await a.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    hookA = c.webhookUrl;
    connB = await shopWithFlow(b);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('gives the same bytes and verdicts, and the imported deliveries are processed and marked imported', async () => {
    const body = JSON.stringify(sampleOrder({ note: 'giao trước 5 giờ ✓' }));
    expect((await postShopify(hookA, { body })).json['verdict']).toBe('accepted');
    expect((await postShopify(hookA, { body, secret: 'not-the-secret' })).json['verdict']).toBe('bad_signature');
    await a.engine.idle();
    const sent = await a.engine.call('inbox.search', { filter: { platform: 'shopify' } });
    expect(sent.map((e) => e.verdict)).toEqual(['bad_signature', 'accepted']);

    const file = await a.engine.call('inbox.export', { ids: sent.map((e) => e.id) });
    expect(file.format).toBe(CAPTURE_FORMAT);
    expect(file.deliveries.map((d) => [d.storeId, d.topic, d.verdict])).toEqual([[SHOP_DOMAIN, 'orders/create', 'accepted'], [SHOP_DOMAIN, null, 'bad_signature']]);
    expect(Buffer.from(file.deliveries[0]!.bodyBase64, 'base64').toString('utf8')).toBe(body);

    // Through JSON, as a file on disk would be.
    const result = await b.engine.call('inbox.import', { file: JSON.parse(JSON.stringify(file)) as unknown });
    expect(result.imported).toBe(2);
    expect(result.entries.map((e) => [e.connectionId, e.verdict, e.source])).toEqual([[connB, 'accepted', 'imported'], [connB, 'bad_signature', 'imported']]);
    await b.engine.idle();

    for (const [i, entry] of result.entries.entries()) {
      const got = await b.engine.call('inbox.get', { id: entry.id });
      const original = await a.engine.call('inbox.get', { id: sent[1 - i]!.id });
      expect(got.body).toBe(original.body);
      expect(got.headers['x-shopify-hmac-sha256']).toBe(original.headers['x-shopify-hmac-sha256']);
    }
    const [accepted] = await b.engine.call('inbox.search', { filter: { verdict: 'accepted' } });
    expect(accepted).toMatchObject({ processing: 'processed', source: 'imported' });

    const order = await b.engine.call('orders.get', { ref: '#9999' });
    expect(order.summary.localTags).toEqual(['VIP']);
    expect(order.timeline[0]!.data).toMatchObject({ kind: 'delivery', verdict: 'accepted', source: 'imported' });

    // The same file again: the platform's event id makes it a duplicate, as a resent webhook would be.
    const again = await b.engine.call('inbox.import', { file: JSON.parse(JSON.stringify(file)) as unknown });
    expect(again.entries[0]).toMatchObject({ verdict: 'duplicate', duplicateOf: accepted!.id });
  });

  it('a file with one delivery that cannot be placed imports nothing and names it', async () => {
    await postShopify(hookA);
    await a.engine.idle();
    const file = await a.engine.call('inbox.export', { filter: { connectionId: (await a.engine.call('connections.list', {}))[0]!.id } });
    const bad: CaptureFile = { ...file, deliveries: [file.deliveries[0]!, { ...file.deliveries[0]!, storeId: 'other-shop.myshopify.com' }] };

    const error = await refusal(b.engine.call('inbox.import', { file: bad }));
    expect(error.code).toBe('invalid_args');
    expect(error.message).toContain('delivery 1 (shopify, store other-shop.myshopify.com): no shopify connection for store other-shop.myshopify.com');
    expect(await b.engine.call('inbox.search', { filter: {} })).toEqual([]);

    const shapeless = await refusal(b.engine.call('inbox.import', { file: { format: CAPTURE_FORMAT, deliveries: [{ ...file.deliveries[0]!, receivedAt: 'yesterday' }] } }));
    expect(shapeless.message).toMatch(/deliveries\[0\]\.receivedAt/);
    const notCapture = await refusal(b.engine.call('inbox.import', { file: { format: 'something/else', deliveries: [] } }));
    expect(notCapture.message).toContain('not a Flowdesk capture file');
    expect(await b.engine.call('inbox.search', { filter: {} })).toEqual([]);
  });

  it('imports a HAR of two Shopify posts, finding the connection in /hooks/<id>', async () => {
    const entry = (orderId: number) => {
      const body = JSON.stringify(sampleOrder({ id: orderId, name: `#${orderId}` }));
      const headers = shopifyHeaders(body);
      return {
        startedDateTime: '2026-12-01T08:00:00.000Z',
        request: {
          method: 'POST', url: `https://tunnel.example/hooks/${connB}`, httpVersion: 'HTTP/2',
          headers: [{ name: ':authority', value: 'tunnel.example' }, ...Object.entries(headers).map(([name, value]) => ({ name, value }))],
          postData: orderId === 2 ? { mimeType: 'application/json', text: Buffer.from(body).toString('base64'), encoding: 'base64' } : { mimeType: 'application/json', text: body },
        },
        response: { status: 200 },
      };
    };
    const har = { log: { version: '1.2', creator: { name: 'test' }, entries: [entry(1), entry(2)] } };
    const result = await b.engine.call('inbox.import', { file: har, format: 'har' });
    expect(result.entries.map((e) => [e.verdict, e.source])).toEqual([['accepted', 'imported'], ['accepted', 'imported']]);
    await b.engine.idle();
    expect((await b.engine.call('orders.get', { ref: '#2' })).summary.localTags).toEqual(['VIP']);

    const elsewhere = { log: { entries: [entry(3), { ...entry(4), request: { ...entry(4).request, url: 'https://tunnel.example/hooks/conn_gone' } }] } };
    const error = await refusal(b.engine.call('inbox.import', { file: elsewhere, format: 'har' }));
    expect(error.message).toContain('entry 1 (POST https://tunnel.example/hooks/conn_gone): no connection conn_gone here');
    expect(await b.engine.call('inbox.search', { filter: {}, limit: 10 })).toHaveLength(2);
  });
});

describe('export refuses what it cannot give whole, and search finds by filter', () => {
  let t: TempEngine;
  afterEach(async () => {
    await t.close();
  });

  it('names a delivery whose body was not kept', async () => {
    t = await startTempEngine({ bodyLimit: 2_000 });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    await postShopify(c.webhookUrl, { body: JSON.stringify({ ...sampleOrder(), note: 'x'.repeat(3_000) }) });
    await postShopify(c.webhookUrl, { body: JSON.stringify({ id: 1, name: '#1' }) });
    const [small, big] = await t.engine.call('inbox.search', { filter: {} });
    expect(big!.verdict).toBe('too_large');
    const error = await refusal(t.engine.call('inbox.export', { ids: [small!.id, big!.id] }));
    expect(error.message).toContain(`the body of delivery ${big!.id} is no longer kept`);
    expect((await t.engine.call('inbox.export', { ids: [small!.id] })).deliveries).toHaveLength(1);

    expect((await t.engine.call('inbox.search', { filter: { verdict: 'too_large' } })).map((e) => e.id)).toEqual([big!.id]);
    expect((await t.engine.call('inbox.search', { filter: { query: 'over the 2000' } })).map((e) => e.id)).toEqual([big!.id]);
    expect(await t.engine.call('inbox.search', { filter: { platform: 'haravan' } })).toEqual([]);
  });
});
