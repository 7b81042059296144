import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempEngine } from '../harness/temp-engine.ts';
import type { ShopifyFake } from '../harness/fake-shopify-api.ts';
import { startFoEngine, type FoEngine } from './fo-engine.ts';
import { foGid } from './fo-payloads.ts';

const KHO_HN = { id: 655441491, name: 'Kho Hà Nội', service: null };
const SHIPBOB = { id: 70001, name: 'ShipBob', service: 'shipbob' };
/** Two items of one line and one of another, nothing shipped. */
const LINES = [{ quantity: 2, title: 'Áo thun', sku: 'AT-1' }, { quantity: 1, title: 'Mũ', sku: 'M-1' }];

/**
 * Issue 14's remaining FO parts against the local Shopify: partial fulfilment by chosen lines
 * and quantities, the move form's list of locations, the legacy workflow's refusals, and the
 * merchant's own notes on the order's timeline.
 */
describe('fulfillment orders: partial fulfilment, locations for a move, the legacy workflow', () => {
  let t: TempEngine;
  let fake: ShopifyFake;
  let shop: FoEngine;
  let orderId: string;
  let orderRef: string;
  let shopifyOrderId: number;

  beforeEach(async () => {
    shop = await startFoEngine();
    ({ t, fake } = shop);
    const o = fake.addOrder();
    shopifyOrderId = Number(o.id);
    orderRef = o.name;
    await shop.post('orders/create', fake.order(o.id));
    orderId = (await t.engine.call('orders.get', { ref: orderRef })).summary.id;
  });
  afterEach(async () => {
    await shop.close();
  });

  const fosNow = async () => (await t.engine.call('fulfillment.get', { orderId, refresh: true })).fulfillmentOrders.map((v) => v.fo);
  const steps = async () => (await t.engine.call('orders.get', { ref: orderRef })).timeline.flatMap((e) => (e.data?.kind === 'fulfillment' ? [e.data] : []));

  it('marks chosen quantities as fulfilled: the FO keeps the rest, the order is partially fulfilled, then fulfilled when the rest ships', async () => {
    const [seeded] = fake.fo.seed(shopifyOrderId, [{ location: KHO_HN, lines: LINES }]);
    const fo = foGid(seeded!.id);
    const [before] = await fosNow();
    const shirt = before!.lines.find((l) => l.sku === 'AT-1')!;

    const first = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'fulfil', by: 'merchant', lines: [{ lineId: shirt.id, quantity: 1 }], trackingNumber: 'GHN1', carrier: 'GHN' } });
    // Shopify got exactly that quantity, and keeps the rest on the same FO.
    expect(fake.fo.state(fo).lines.map((l) => [l.sku, l.total, l.remaining])).toEqual([['AT-1', 2, 1], ['M-1', 1, 1]]);
    expect(fake.order(shopifyOrderId)['fulfillment_status']).toBe('partial');
    expect(first.fulfillment.shipped).toBe('partial');
    expect(first.fulfillment.fulfillmentOrders[0]).toMatchObject({ display: { state: 'in_progress' }, actions: { fulfil: { allowed: true } } });
    expect(first.fulfillment.fulfillmentOrders[0]!.fo.lines.map((l) => [l.sku, l.quantity, l.fulfilled])).toEqual([['AT-1', 2, 1], ['M-1', 1, 0]]);

    // More than is left is refused by Flowdesk before anything is sent.
    const calls = fake.graphqlCalls().length;
    await expect(t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'fulfil', by: 'merchant', lines: [{ lineId: shirt.id, quantity: 2 }] } }))
      .rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('has 1 left to ship, not 2') });
    expect(fake.graphqlCalls().length).toBe(calls);

    // The rest (nothing chosen: everything remaining).
    const rest = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'fulfil', by: 'merchant', trackingNumber: 'GHN2' } });
    expect(fake.fo.state(fo)).toMatchObject({ status: 'CLOSED' });
    expect(fake.order(shopifyOrderId)['fulfillment_status']).toBe('fulfilled');
    expect(rest.fulfillment.shipped).toBe('fulfilled');
    expect(rest.fulfillment.fulfillmentOrders[0]).toMatchObject({ display: { state: 'fulfilled' } });
    expect((await steps()).map((s) => [s.step, s.trackingNumber])).toEqual([['fulfilled', 'GHN1'], ['fulfilled', 'GHN2']]);
  });

  it('requests fulfilment of chosen quantities: Shopify splits the rest into a new unsubmitted FO', async () => {
    const [seeded] = fake.fo.seed(shopifyOrderId, [{ location: SHIPBOB, lines: LINES }]);
    const fo = foGid(seeded!.id);
    const [before] = await fosNow();
    const hat = before!.lines.find((l) => l.sku === 'M-1')!;
    const done = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'request_fulfillment', lines: [{ lineId: hat.id, quantity: 1 }] } });
    expect(fake.fo.state(fo)).toMatchObject({ requestStatus: 'SUBMITTED', lines: [{ sku: 'M-1', total: 1 }] });
    const views = done.fulfillment.fulfillmentOrders;
    expect(views.map((v) => [v.fo.requestStatus, v.fo.lines.map((l) => `${l.sku}×${l.quantity}`).join(' ')])).toEqual([['submitted', 'M-1×1'], ['unsubmitted', 'AT-1×2']]);
    expect(done.fulfillment.shipped).toBe('unfulfilled');
    const [step] = await steps();
    expect(step).toMatchObject({ step: 'request_submitted', created: [views[1]!.fo.id] });
  });

  it('lists the locations an FO can move to, and moves it to a chosen one with the reason on the timeline', async () => {
    const [seeded] = fake.fo.seed(shopifyOrderId, [{ location: SHIPBOB, lines: LINES }]);
    const fo = foGid(seeded!.id);
    fake.fo.location(KHO_HN.id, KHO_HN.name);
    fake.fo.location(80002, 'Kho Sài Gòn');
    fake.fo.location(80003, 'Kho Đà Nẵng', null, { unstocked: true });
    await fosNow();
    const { locations } = await t.engine.call('fulfillment.locations', { orderId, foId: fo });
    expect(locations.map((l) => [l.name, l.managedBy, l.movable])).toEqual([['Kho Hà Nội', 'merchant', true], ['Kho Sài Gòn', 'merchant', true], ['Kho Đà Nẵng', 'merchant', false]]);
    expect(locations.find((l) => !l.movable)?.message).toMatch(/No inventory/);
    expect(locations.some((l) => l.name === 'ShipBob')).toBe(false);

    const saigon = locations.find((l) => l.name === 'Kho Sài Gòn')!;
    const moved = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'move', locationId: saigon.id, locationName: saigon.name, managedBy: saigon.managedBy, reason: 'Tự giao từ kho mình' } });
    expect(fake.fo.state(fo).locationId).toBe(80002);
    expect(moved.fulfillment.fulfillmentOrders[0]!.fo).toMatchObject({ locationName: 'Kho Sài Gòn', managedBy: 'merchant' });
    expect(await steps()).toEqual([expect.objectContaining({ step: 'moved', reason: 'Tự giao từ kho mình', locationName: 'Kho Sài Gòn', by: 'merchant' })]);
    await expect(t.engine.call('fulfillment.locations', { orderId, foId: 'gid://shopify/FulfillmentOrder/1' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('legacy workflow (the connection names the service): the request goes, its cancellation is refused from the app, saying to contact the service', async () => {
    const connection = (await t.engine.call('connections.list', {}))[0]!;
    await t.engine.call('connections.update', { id: connection.id, api: { options: { legacyFulfillmentServices: 'ShipBob' } } });
    const [seeded] = fake.fo.seed(shopifyOrderId, [{ location: { ...SHIPBOB, legacy: true }, lines: LINES }]);
    const fo = foGid(seeded!.id);
    const [read] = await fosNow();
    expect(read).toMatchObject({ managedBy: 'service', workflow: 'legacy' });

    const requested = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'request_fulfillment' } });
    const view = requested.fulfillment.fulfillmentOrders[0]!;
    expect(view.actions.cancel_request).toEqual({
      allowed: false, reason: expect.stringContaining('legacy workflow: once requested, fulfillment cannot be cancelled from the app; contact the fulfillment service'),
      refusal: { code: 'legacy_after_request', args: {} },
    });
    expect(view.actions.cancel_request.reason).toMatch(/^cannot cancel the fulfillment request on fulfillment order .*: its status is open and its request submitted/);
    const calls = fake.graphqlCalls().length;
    await expect(t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'cancel_request' } })).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('legacy workflow') });
    expect(fake.graphqlCalls().length).toBe(calls);
    expect(fake.fo.state(fo).requestStatus).toBe('SUBMITTED');
  });

  it('without the option the same service is on the fulfillment-order workflow: a request not yet accepted can be cancelled', async () => {
    const [seeded] = fake.fo.seed(shopifyOrderId, [{ location: SHIPBOB, lines: LINES }]);
    const fo = foGid(seeded!.id);
    const [read] = await fosNow();
    expect(read!.workflow).toBeUndefined();
    const requested = await t.engine.call('fulfillment.act', { orderId, foId: fo, action: { kind: 'request_fulfillment' } });
    expect(requested.fulfillment.fulfillmentOrders[0]!.actions.cancel_request).toEqual({ allowed: true, reason: null });
  });
});

describe('manual notes on the order timeline', () => {
  let shop: FoEngine;
  beforeEach(async () => {
    shop = await startFoEngine();
  });
  afterEach(async () => {
    await shop.close();
  });

  it('adds a note by "you" to the timeline, checks its words, and refuses an unknown order', async () => {
    const { t, fake } = shop;
    const o = fake.addOrder();
    await shop.post('orders/create', fake.order(o.id));
    const orderId = (await t.engine.call('orders.get', { ref: o.name })).summary.id;

    const entry = await t.engine.call('timeline.addNote', { orderId, text: '  Khách hẹn giao sau 18h  ' });
    expect(entry).toMatchObject({ orderId, kind: 'note', data: { kind: 'note', text: 'Khách hẹn giao sau 18h', author: 'merchant' } });
    const page = await t.engine.call('timeline.forOrder', { orderId, kinds: ['note'] });
    expect(page.entries.map((e) => e.data)).toEqual([{ kind: 'note', text: 'Khách hẹn giao sau 18h', by: null, author: 'merchant' }]);

    await expect(t.engine.call('timeline.addNote', { orderId, text: '   ' })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(t.engine.call('timeline.addNote', { orderId, text: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'invalid_args' });
    expect((await t.engine.call('timeline.addNote', { orderId, text: 'x'.repeat(2000) })).data).toMatchObject({ text: 'x'.repeat(2000) });
    await expect(t.engine.call('timeline.addNote', { orderId: 'ord_nope', text: 'hi' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.engine.call('timeline.forOrder', { orderId, kinds: ['note'] })).entries).toHaveLength(2);
  });
});
