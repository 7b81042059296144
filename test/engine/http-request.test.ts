import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';
import { notifyFlow } from '../harness/flows-http.ts';

const SENT = '{"order":"#9999","total":"403.00","email":"jon@example.com","items":2,"event":"order.created"}';

describe('the HTTP request action, against a real receiver', () => {
  let t: TempEngine;
  let receiver: Receiver;
  let hookUrl: string;
  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const flow = await t.engine.call('flows.save', { document: notifyFlow(receiver.url) });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  it('sends the rendered body with an idempotency key, then tags the order', async () => {
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle();
    const [run] = await t.engine.call('runs.list', {});
    expect(run?.status).toBe('succeeded');
    expect([...receiver.applied.entries()]).toEqual([[`${run!.id}:post`, SENT]]);
    const detail = await t.engine.call('runs.get', { id: run!.id });
    const post = detail.steps.find((s) => s.nodeId === 'post')!;
    expect(post.input).toMatchObject({ method: 'POST', url: `${receiver.url}/orders` });
    expect(post.intents).toEqual([
      { kind: 'http.request', outcome: 'done', args: { method: 'POST', url: `${receiver.url}/orders`, headers: { 'x-shop': SHOP_DOMAIN, 'content-type': 'application/json' }, body: SENT }, result: { status: 200, body: '{"ok":true}' } },
    ]);
    const order = await t.engine.call('orders.get', { ref: '#9999' });
    expect(order.summary.localTags).toEqual(['sent-to-warehouse']);
  });

  it('retries a 503 with the same idempotency key, and applies it once', async () => {
    receiver.failNext(2, 503);
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(5_000);
    const [run] = await t.engine.call('runs.list', {});
    expect(run?.status).toBe('succeeded');
    expect(receiver.seen.get(`${run!.id}:post`)).toBe(3);
    expect(receiver.applied.size).toBe(1);
    // The first attempt ran on what processing handed over; the last read the run back from
    // storage: the same request either way.
    expect(receiver.applied.get(`${run!.id}:post`)).toBe(SENT);
    const steps = (await t.engine.call('runs.get', { id: run!.id })).steps;
    expect(steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['post', 'done'], ['tag', 'done']]);
  });

  it.each([408, 425, 429, 502])('retries a %i (not done, try again) and applies it once', async (status) => {
    receiver.failNext(1, status);
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle(5_000);
    const [run] = await t.engine.call('runs.list', {});
    expect(run?.status).toBe('succeeded');
    expect(receiver.seen.get(`${run!.id}:post`)).toBe(2);
    expect(receiver.applied.size).toBe(1);
  });

  it("parks the run for as long as a 429's Retry-After says, sending nothing meanwhile", async () => {
    receiver.failNext(1, 429, { 'retry-after': '120' });
    const before = Date.now();
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle();
    const [run] = await t.engine.call('runs.list', {});
    expect(run?.status).toBe('waiting');
    const due = Date.parse(run!.dueAt!);
    expect(due).toBeGreaterThanOrEqual(before + 119_000);
    expect(due).toBeLessThan(Date.now() + 121_000);
    expect(receiver.seen.get(`${run!.id}:post`)).toBe(1);
    expect(receiver.applied.size).toBe(0);
  });

  it('fails the step on a 4xx with the answer, and does not go on', async () => {
    receiver.failNext(1, 422);
    expect((await postShopify(hookUrl)).status).toBe(200);
    await t.engine.idle();
    const [run] = await t.engine.call('runs.list', {});
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/orders answered 422: try later/);
    const order = await t.engine.call('orders.get', { ref: '#9999' });
    expect(order.summary.localTags).toEqual([]);
    expect(order.timeline.at(-1)?.data).toMatchObject({ kind: 'run', status: 'failed', error: expect.stringMatching(/answered 422/) });
  });
});
