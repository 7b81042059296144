import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, shopifyHeaders, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';

/** Each bad input gets its answer and its recorded reason, and changes no order and no customer. */
describe('bad webhook input', () => {
  let t: TempEngine;
  let hookUrl: string;
  let base: string;

  beforeAll(async () => {
    t = await startTempEngine({ bodyLimit: 64 * 1024 });
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    hookUrl = c.webhookUrl;
    base = t.webhookBaseUrl;
    const flow = await t.engine.call('flows.save', { document: vipFlow() });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterAll(async () => {
    await t.close();
  });

  async function latestInbox() {
    const [latest] = await t.engine.call('inbox.list', { limit: 1 });
    return latest!;
  }

  async function expectNothingChanged() {
    await t.engine.idle();
    expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
    expect(await t.engine.call('customers.list', {})).toEqual([]);
    expect(await t.engine.call('runs.list', {})).toEqual([]);
  }

  it('a wrong signature gets 401 and is recorded with the reason', async () => {
    const res = await postShopify(hookUrl, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    const e = await latestInbox();
    expect(e).toMatchObject({ verdict: 'bad_signature', httpStatus: 401, processing: 'not_processed' });
    expect(e.reason).toContain('does not match');
    await expectNothingChanged();
  });

  it('a missing signature gets 401', async () => {
    const res = await postShopify(hookUrl, { headers: { 'X-Shopify-Hmac-Sha256': undefined } });
    expect(res.status).toBe(401);
    expect((await latestInbox()).reason).toBe('missing X-Shopify-Hmac-Sha256 header');
    await expectNothingChanged();
  });

  it('a signature over other bytes (body changed in transit) gets 401', async () => {
    const body = JSON.stringify(sampleOrder());
    const headers = shopifyHeaders(body);
    const res = await fetch(hookUrl, { method: 'POST', headers, body: body.replace('403.00', '1.00') });
    expect(res.status).toBe(401);
    await expectNothingChanged();
  });

  it('an unknown connection gets 404, recorded', async () => {
    const res = await postShopify(`${base}/hooks/con_doesnotexist`);
    expect(res.status).toBe(404);
    expect(await latestInbox()).toMatchObject({ verdict: 'unknown_connection', connectionId: 'con_doesnotexist' });
    await expectNothingChanged();
  });

  it('a body over the limit gets 413, recorded with its size and without its bytes', async () => {
    const body = JSON.stringify(sampleOrder({ note: 'x'.repeat(100 * 1024) }));
    const res = await postShopify(hookUrl, { body });
    expect(res.status).toBe(413);
    const e = await latestInbox();
    expect(e).toMatchObject({ verdict: 'too_large', httpStatus: 413 });
    expect(e.bodySize).toBe(Buffer.byteLength(body));
    expect(e.reason).toContain('65536-byte limit');
    const detail = await t.engine.call('inbox.get', { id: e.id });
    expect(detail.body).toBe('');
    await expectNothingChanged();
  });

  it('a valid Shopify signature over malformed JSON is kept and fails in processing with the parse error', async () => {
    // Shopify names the delivery in headers: the listener stores it unparsed (200, as Shopify
    // would only resend the same signed bytes) and processing says why it cannot be read.
    const res = await postShopify(hookUrl, { body: '{"id": 1, "total_price": ' });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const e = await latestInbox();
    expect(e).toMatchObject({ verdict: 'accepted', topic: 'orders/create', processing: 'dead' });
    expect(e.outcome).toMatch(/could not read the order: the body is not valid JSON/);
    const detail = await t.engine.call('inbox.get', { id: e.id });
    expect(detail.body).toBe('{"id": 1, "total_price": ');
    await expectNothingChanged();
  });

  it('valid JSON that is not an order is dead-lettered with the reason, changing nothing', async () => {
    const res = await postShopify(hookUrl, { body: JSON.stringify({ hello: 'world' }) });
    expect(res.status).toBe(200);
    await expectNothingChanged();
    const e = await latestInbox();
    expect(e.processing).toBe('dead');
    expect(e.outcome).toMatch(/not a Shopify order/);
    const [job] = await t.engine.call('jobs.list', { state: 'dead' });
    expect(job?.lastError).toMatch(/not a Shopify order/);
  });

  it('an unknown topic gets 200 and is recorded as ignored', async () => {
    const res = await postShopify(hookUrl, { topic: 'products/update' });
    expect(res.status).toBe(200);
    expect(await latestInbox()).toMatchObject({ verdict: 'ignored_topic', topic: 'products/update', processing: 'not_processed' });
    await expectNothingChanged();
  });

  it('keeps every request raw: method, path, all headers and the body bytes', async () => {
    const entries = await t.engine.call('inbox.list', { limit: 100 });
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const bad = entries.find((e) => e.verdict === 'bad_signature')!;
    const detail = await t.engine.call('inbox.get', { id: bad.id });
    expect(detail.method).toBe('POST');
    expect(detail.path).toMatch(/^\/hooks\/con_/);
    expect(detail.headers['x-shopify-topic']).toBe('orders/create');
    expect(detail.headers['x-shopify-shop-domain']).toBe(SHOP_DOMAIN);
    expect(JSON.parse(detail.body)).toMatchObject({ name: '#9999' });
  });
});
