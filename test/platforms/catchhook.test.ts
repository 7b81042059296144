import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';

const TOKEN = 'ch_tok_0f4e9d2a7b61c385';
const read = (name: string) => readFileSync(new URL(`../fixtures/catchhook/${name}`, import.meta.url), 'utf8');
/** The user's mapping for the foreign payload (test/fixtures/catchhook/foreign-mapping.json). */
const userSettings = () => JSON.parse(read('foreign-mapping.json')) as Record<string, unknown>;
type Foreign = { event: string; data: { order: Record<string, unknown>; buyer: Record<string, unknown> } };
const foreign = (): Foreign => JSON.parse(read('foreign-order.json')) as Foreign;

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('a catch hook mapped by the user, through a real engine', () => {
  let t: TempEngine;
  let base: string;
  let hookUrl: string;

  beforeEach(async () => {
    t = await startTempEngine();
    const connection = await t.engine.call('connections.create', {
      platform: 'catchhook',
      storeId: 'tiki-export',
      secrets: { urlToken: TOKEN, headerSecret: 'hdr-1' },
      settings: userSettings(),
    });
    base = connection.webhookUrl;
    hookUrl = `${base}?token=${TOKEN}`;
    const flow = await t.engine.call('flows.save', { document: vipFlow('100000') });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterEach(async () => {
    await t.close();
  });

  it('maps a foreign JSON payload into the order, the customer and the timeline', async () => {
    const res = await post(hookUrl, foreign(), { 'X-Flowdesk-Secret': 'hdr-1' });
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('accepted');
    await t.engine.idle();

    const detail = await t.engine.call('orders.get', { ref: 'DH-55012' });
    expect(detail.order).toMatchObject({
      platform: 'catchhook',
      platformOrderId: 'F-55012',
      createdAt: '2026-11-20T02:15:02.000Z',
      totalPrice: '405000.5',
      salesChannel: 'Tiki export',
      financialStatus: 'pending',
      tags: ['zalo', 'khach-quen'],
    });
    expect(detail.order.lineItems).toHaveLength(2);
    expect(detail.summary.tags).toEqual(['zalo', 'khach-quen', 'VIP']);
    expect(detail.customer).toMatchObject({ email: 'lan.tran@example.com', name: 'Trần Thị Lan', phone: '0987654321' });
    expect(detail.timeline.map((e) => e.kind).slice(0, 4)).toEqual(['delivery', 'order_created', 'customer', 'run']);
    expect(detail.timeline[0]!.data).toMatchObject({ kind: 'delivery', signature: expect.stringContaining('secret token in the URL and X-Flowdesk-Secret header verified') });
  });

  it('refuses a wrong token or a missing header secret with 401', async () => {
    const wrong = await post(`${base}?token=nope`, foreign(), { 'X-Flowdesk-Secret': 'hdr-1' });
    const noHeader = await post(hookUrl, foreign());
    expect([wrong.status, noHeader.status]).toEqual([401, 401]);
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox.map((e) => e.verdict)).toEqual(['bad_signature', 'bad_signature']);
    expect(inbox[0]!.reason).toMatch(/^missing X-Flowdesk-Secret header/);
    expect(inbox[1]!.reason).toContain('does not match');
  });

  it('records a retried delivery as a duplicate (mapped id + updated time) and runs once', async () => {
    const body = JSON.stringify(foreign());
    await post(hookUrl, body, { 'X-Flowdesk-Secret': 'hdr-1' });
    const again = await post(hookUrl, { ...foreign(), sent_at: '2026-11-20T09:25:00+07:00' }, { 'X-Flowdesk-Secret': 'hdr-1' });
    expect(again.json['verdict']).toBe('duplicate');
    await t.engine.idle();
    const inbox = await t.engine.call('inbox.list', {});
    expect(inbox[0]!.reason).toContain('version:order.placed:F-55012@2026-11-20T02:15:02.000Z');
    expect(await t.engine.call('runs.list', {})).toHaveLength(1);
  });

  it('answers 200 and ignores an event outside the connection\'s order topics', async () => {
    const res = await post(hookUrl, { ...foreign(), event: 'customer.created' }, { 'X-Flowdesk-Secret': 'hdr-1' });
    expect(res.status).toBe(200);
    expect(res.json['verdict']).toBe('ignored_topic');
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry).toMatchObject({ topic: 'customer.created', processing: 'not_processed' });
  });

  it('keeps the newer state when an older version arrives late', async () => {
    const h = { 'X-Flowdesk-Secret': 'hdr-1' };
    const paid = foreign();
    paid.event = 'order.changed';
    paid.data.order['payment'] = { state: 'da_thanh_toan', amount: 405000.5 };
    paid.data.order['modified_at'] = '2026-11-20T11:00:00+07:00';
    await post(hookUrl, paid, h);
    await t.engine.idle();
    const older = foreign();
    older.data.order['modified_at'] = '2026-11-20T10:00:00+07:00';
    older.data.order['state'] = 'huy';
    await post(hookUrl, older, h);
    await t.engine.idle();
    const detail = await t.engine.call('orders.get', { ref: 'DH-55012' });
    expect(detail.order).toMatchObject({ financialStatus: 'paid', cancelledAt: null, updatedAt: '2026-11-20T04:00:00.000Z' });
    expect(detail.timeline.map((e) => e.kind).at(-1)).toBe('stale_delivery');
  });

  it('processes a payload with a field the mapping cannot read, the readable reason as a warning in the inbox', async () => {
    const p = foreign();
    p.data.buyer = { name: 'Lan', phone: '0987', addr: '45 Lê Lợi' };
    p.data.order['labels'] = { zalo: true };
    const res = await post(hookUrl, p, { 'X-Flowdesk-Secret': 'hdr-1' });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('processed');
    expect(entry!.outcome).toContain('warning: customer.email: path data.buyer.mail not found in the payload (no "mail" in data.buyer, which has name, phone, addr); left empty');
    expect(entry!.outcome).toContain('warning: tags: data.order.labels is an object, not text; left empty');
    const detail = await t.engine.call('orders.get', { ref: 'DH-55012' });
    expect(detail.order).toMatchObject({ tags: [], customer: { name: 'Lan', email: null }, shippingAddress: null });
  });

  it('records a payload whose required fields cannot be read as failed, with the readable reason', async () => {
    const p = foreign();
    p.data.order['payment'] = { state: 'chua_thanh_toan', amount: '405.000,50' };
    const res = await post(hookUrl, p, { 'X-Flowdesk-Secret': 'hdr-1' });
    expect(res.status).toBe(200);
    await t.engine.idle();
    const [entry] = await t.engine.call('inbox.list', {});
    expect(entry!.processing).toBe('dead');
    expect(entry!.outcome).toContain('totalPrice: data.order.payment.amount is "405.000,50", not a decimal number such as 12.50 (no thousands separators)');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(0);
  });

  it('refuses a mapping that cannot make an order when the connection is saved', async () => {
    const error = await t.engine
      .call('connections.create', { platform: 'catchhook', storeId: 'x', secret: TOKEN, settings: { mapping: [{ target: 'customer.email', source: 'buyer..mail' }] } })
      .then(() => null, (e: Error) => e.message);
    expect(error).toContain('the mapping needs a rule for platformOrderId');
    expect(error).toContain('bad path "buyer..mail": empty key at position 7');
  });
});
