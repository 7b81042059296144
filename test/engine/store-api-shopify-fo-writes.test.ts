import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { act, foTarget, mutationsSent, shopifyFoClient, THREE_PL } from '../harness/shopify-fo-client.ts';

let fake: ShopifyFake;
beforeEach(async () => {
  fake = await startShopifyFake();
});
afterEach(async () => {
  await fake.close();
});

const gid = (id: number) => `gid://shopify/FulfillmentOrder/${id}`;
/** How answers name an FO: the number the admin shows. */
const shown = (id: number | string) => `#${String(id).split('/').pop()}`;
const lineGid = (id: number) => `gid://shopify/FulfillmentOrderLineItem/${id}`;

describe('Shopify fulfillment-order mutations', () => {
  it('requests part of a 3PL FO: the rest stays in a new unsubmitted FO; withdrawing it hands the items to a replacement', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL, lines: [{ quantity: 3, title: 'Áo' }, { quantity: 1, title: 'Mũ' }] }]);
    const [l1, l2] = fo!.lines;
    const c = shopifyFoClient(fake);

    const r = await c.write(act(fo!.id, { kind: 'request_fulfillment', lines: [{ lineId: lineGid(l1!.id), quantity: 2 }], message: 'Giao trước 2 áo' }), foTarget(o));
    expect(mutationsSent(fake)).toEqual([{ field: 'fulfillmentOrderSubmitFulfillmentRequest', variables: { id: gid(fo!.id), message: 'Giao trước 2 áo', fulfillmentOrderLineItems: [{ id: lineGid(l1!.id), quantity: 2 }] } }]);
    const rest = r.fulfillmentOrders!.find((f) => f.id !== gid(fo!.id))!;
    expect(r.answer).toBe(`Shopify sent the fulfillment request for fulfillment order ${shown(fo!.id)} of order ${o.name} to ShipBob; the items not requested stay in fulfillment order ${shown(rest.id)}`);
    expect(r.fulfillmentOrders!.find((f) => f.id === gid(fo!.id))).toMatchObject({ status: 'open', requestStatus: 'submitted', message: 'Giao trước 2 áo', lines: [{ quantity: 2, fulfilled: 0, title: 'Áo' }] });
    expect(rest).toMatchObject({ status: 'open', requestStatus: 'unsubmitted', managedBy: 'service', lines: [{ quantity: 1, title: 'Áo' }, { quantity: 1, title: 'Mũ' }] });
    expect(l2).toBeDefined();

    const w = await c.write(act(fo!.id, { kind: 'cancel_request' }), foTarget(o, 'act_2'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderCancel', variables: { id: gid(fo!.id) } });
    const replacement = w.fulfillmentOrders!.find((f) => f.id !== gid(fo!.id) && f.id !== rest.id)!;
    expect(w.answer).toContain(`the items are in fulfillment order ${shown(replacement.id)} again`);
    expect(replacement).toMatchObject({ status: 'open', requestStatus: 'unsubmitted', lines: [{ quantity: 2, title: 'Áo' }] });
    expect(fake.fo.state(fo!.id)).toMatchObject({ status: 'CLOSED', supportedActions: [] });
  });

  it('asks an accepting 3PL to cancel with the note as the message; the service then rejects it', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL }]);
    const c = shopifyFoClient(fake);
    await c.write(act(fo!.id, { kind: 'request_fulfillment' }), foTarget(o));
    expect(mutationsSent(fake)[0]!.variables).toEqual({ id: gid(fo!.id) });
    fake.fo.accept(fo!.id, 'Đã nhận');
    const r = await c.write(act(fo!.id, { kind: 'request_cancellation', note: 'Khách đổi ý' }), foTarget(o, 'act_2'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderSubmitCancellationRequest', variables: { id: gid(fo!.id), message: 'Khách đổi ý' } });
    expect(r.fulfillmentOrders![0]).toMatchObject({ status: 'in_progress', requestStatus: 'cancellation_requested', message: 'Khách đổi ý' });
    fake.fo.rejectCancellation(fo!.id, 'Đã đóng gói');
    expect(fake.fo.state(fo!.id)).toMatchObject({ requestStatus: 'CANCELLATION_REJECTED', supportedActions: ['CREATE_FULFILLMENT'], serviceMessages: ['Đã nhận', 'Đã đóng gói'] });
  });

  it('moves, holds with the step\'s handle, releases; reschedules and opens a scheduled FO', async () => {
    const o = fake.addOrder();
    fake.fo.location(8002, 'Kho Sài Gòn');
    const [fo, later] = fake.fo.seed(o.id, [{}, { status: 'SCHEDULED', fulfillAt: '2026-12-24T00:00:00Z' }]);
    const c = shopifyFoClient(fake);

    const moved = await c.write(act(fo!.id, { kind: 'move', locationId: 'gid://shopify/Location/8002', managedBy: 'merchant', reason: 'hết hàng' }), foTarget(o));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderMove', variables: { id: gid(fo!.id), newLocationId: 'gid://shopify/Location/8002' } });
    expect(moved.fulfillmentOrders![0]).toMatchObject({ id: gid(fo!.id), locationName: 'Kho Sài Gòn', locationId: 'gid://shopify/Location/8002' });

    await c.write(act(fo!.id, { kind: 'hold', reason: 'awaiting payment', note: 'Chờ chuyển khoản' }), foTarget(o, 'run_1:step'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderHold', variables: { id: gid(fo!.id), fulfillmentHold: { reason: 'AWAITING_PAYMENT', reasonNotes: 'Chờ chuyển khoản', handle: 'fd-run_1:step' } } });
    await c.write(act(fo!.id, { kind: 'hold', reason: 'Khách hẹn lại' }), foTarget(o, 'run_2:step'));
    expect(mutationsSent(fake).at(-1)!.variables['fulfillmentHold']).toEqual({ reason: 'OTHER', reasonNotes: 'Khách hẹn lại', handle: 'fd-run_2:step' });
    const released = await c.write(act(fo!.id, { kind: 'release_hold' }), foTarget(o, 'k3'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderReleaseHold', variables: { id: gid(fo!.id) } });
    expect(released.answer).toContain('it is open now');
    expect(fake.fo.state(fo!.id)).toMatchObject({ status: 'OPEN', holds: [] });

    await c.write(act(later!.id, { kind: 'reschedule', fulfillAt: '2026-12-31T00:00:00Z' }), foTarget(o, 'k4'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderReschedule', variables: { id: gid(later!.id), fulfillAt: '2026-12-31T00:00:00Z' } });
    await c.write(act(later!.id, { kind: 'open_scheduled' }), foTarget(o, 'k5'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentOrderOpen', variables: { id: gid(later!.id) } });
    expect(fake.fo.state(later!.id)).toMatchObject({ status: 'OPEN', fulfillAt: '2026-12-31T00:00:00Z' });
    const e = await c.write(act(later!.id, { kind: 'reschedule', fulfillAt: '2027-01-05T00:00:00Z' }), foTarget(o, 'k6')).catch((x: unknown) => x);
    expect((e as StoreApiError).message).toContain('only a scheduled fulfillment order can be rescheduled');
  });

  it('fulfils part of an FO with tracking (in progress), then the rest (closed); reverting a fulfillment makes its items unfulfilled again', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ lines: [{ quantity: 3 }] }]);
    const line = lineGid(fo!.lines[0]!.id);
    const c = shopifyFoClient(fake);
    const first = await c.write(act(fo!.id, { kind: 'fulfil', by: 'merchant', lines: [{ lineId: line, quantity: 1 }], trackingNumber: 'GHN123', carrier: 'GHN', trackingUrl: 'https://ghn.vn/t/GHN123', notifyCustomer: true }), foTarget(o));
    expect(mutationsSent(fake)).toEqual([{ field: 'fulfillmentCreate', variables: { fulfillment: {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: gid(fo!.id), fulfillmentOrderLineItems: [{ id: line, quantity: 1 }] }],
      notifyCustomer: true,
      trackingInfo: { number: 'GHN123', company: 'GHN', url: 'https://ghn.vn/t/GHN123' },
    } } }]);
    expect(first.answer).toBe(`Shopify fulfilled part of fulfillment order ${shown(fo!.id)} of order ${o.name} with tracking number GHN123 (GHN); the customer was notified`);
    expect(first.fulfillmentOrders![0]).toMatchObject({ status: 'in_progress', lines: [{ quantity: 3, fulfilled: 1 }] });
    expect(fake.order(o.id).fulfillment_status).toBe('partial');

    const second = await c.write(act(fo!.id, { kind: 'fulfil', by: 'merchant' }), foTarget(o, 'k2'));
    expect(second.fulfillmentOrders![0]).toMatchObject({ status: 'closed', lines: [{ quantity: 3, fulfilled: 3 }] });
    expect(fake.order(o.id).fulfillment_status).toBe('fulfilled');

    const shipment = second.fulfillmentOrders![0]!.fulfillments[0]!;
    expect(shipment).toMatchObject({ trackingNumber: 'GHN123', lines: [{ lineId: line, quantity: 1 }], status: 'success' });
    const back = await c.write(act(fo!.id, { kind: 'revert_fulfillment', fulfillmentId: shipment.id }), foTarget(o, 'k3'));
    expect(mutationsSent(fake).at(-1)).toEqual({ field: 'fulfillmentCancel', variables: { id: shipment.id } });
    expect(back.fulfillmentOrders![0]).toMatchObject({ status: 'in_progress', lines: [{ quantity: 3, fulfilled: 2 }] });
    expect(back.fulfillmentOrders![0]!.fulfillments[0]!.status).toBe('cancelled');
    expect(await c.check(act(fo!.id, { kind: 'revert_fulfillment', fulfillmentId: shipment.id }), foTarget(o, 'k3'))).toMatchObject({ applied: true });
  });
});

describe('Shopify fulfillment orders: never twice', () => {
  it('a fulfilment whose answer was lost is found by its tracking number and not sent again', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const c = shopifyFoClient(fake, { faultOn: { field: 'fulfillmentCreate', fault: { commitThenDrop: true } } });
    const req = act(fo!.id, { kind: 'fulfil', by: 'merchant', trackingNumber: 'VN-1', carrier: 'VNPost' });
    expect(c.naturallyIdempotent(req)).toBe(false);
    expect(await c.check(req, foTarget(o))).toEqual({ applied: false });
    const e = await c.write(req, foTarget(o)).catch((x: unknown) => x);
    expect((e as StoreApiError).failure).toBe('maybe_applied');
    expect(await c.check(req, foTarget(o))).toEqual({ applied: true, answer: `order ${o.name} has a shipment with tracking number VN-1 on Shopify` });
    expect(mutationsSent(fake).map((m) => m.field)).toEqual(['fulfillmentCreate']);
    expect(fake.order(o.id).fulfillments).toHaveLength(1);
  });

  it('a hold sent again with the same handle is done once: found by its handle, and Shopify\'s duplicate refusal reads as done', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const c = shopifyFoClient(fake, { faultOn: { field: 'fulfillmentOrderHold', fault: { commitThenDrop: true } } });
    const req = act(fo!.id, { kind: 'hold', reason: 'other', note: 'x' });
    expect(c.naturallyIdempotent(req)).toBe(true);
    expect(((await c.write(req, foTarget(o)).catch((x: unknown) => x)) as StoreApiError).failure).toBe('maybe_applied');
    const again = await c.write(req, foTarget(o));
    expect(again.answer).toBe(`fulfillment order ${shown(fo!.id)} of order ${o.name} was already on hold on Shopify from this step`);
    expect(mutationsSent(fake).map((m) => m.field)).toEqual(['fulfillmentOrderHold']);
    expect(fake.fo.state(fo!.id).holds).toHaveLength(1);
    expect(await c.check(req, foTarget(o))).toMatchObject({ applied: true });

    // Shopify itself refuses a second hold with the handle (the FO is on hold, so HOLD is allowed).
    const res = await fetch(`${fake.baseUrl}/admin/api/2025-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': fake.token },
      body: JSON.stringify({ query: 'mutation H($id: ID!, $h: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $h) { userErrors { message code } } }', variables: { id: gid(fo!.id), h: { reason: 'OTHER', handle: 'fd-act_1' } } }),
    });
    const json = (await res.json()) as { data: { fulfillmentOrderHold: { userErrors: { code: string }[] } } };
    expect(json.data.fulfillmentOrderHold.userErrors[0]!.code).toBe('DUPLICATE_FULFILLMENT_HOLD_HANDLE');
    expect(fake.fo.state(fo!.id).holds).toHaveLength(1);
  });

  it('a hold that reached Shopify first by another way (a late copy of the same step) is answered as Shopify\'s duplicate and read as done', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    let raced = false;
    const c = shopifyFoClient(fake, {
      beforeSend: async (input, init) => {
        if (raced || typeof init?.body !== 'string' || !init.body.includes('fulfillmentOrderHold(')) return;
        raced = true;
        await fetch(input, init);
      },
    });
    const r = await c.write(act(fo!.id, { kind: 'hold', reason: 'other' }), foTarget(o));
    expect(r.answer).toBe(`fulfillment order ${shown(fo!.id)} of order ${o.name} was already on hold on Shopify from this step`);
    expect(mutationsSent(fake).map((m) => m.field)).toEqual(['fulfillmentOrderHold', 'fulfillmentOrderHold']);
    expect(fake.fo.state(fo!.id).holds).toHaveLength(1);
  });

  it('check tells each action already applied from the FO\'s state', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL }]);
    const c = shopifyFoClient(fake);
    const request = act(fo!.id, { kind: 'request_fulfillment' });
    expect(await c.check(request, foTarget(o))).toEqual({ applied: false });
    await c.write(request, foTarget(o));
    expect(await c.check(request, foTarget(o))).toMatchObject({ applied: true });
    fake.fo.accept(fo!.id);
    const cancellation = act(fo!.id, { kind: 'request_cancellation' });
    expect(await c.check(cancellation, foTarget(o))).toEqual({ applied: false });
    await c.write(cancellation, foTarget(o));
    expect(await c.check(cancellation, foTarget(o))).toMatchObject({ applied: true });
    fake.fo.acceptCancellation(fo!.id, 'OK');
    expect(fake.fo.state(fo!.id)).toMatchObject({ status: 'CLOSED', requestStatus: 'CANCELLATION_ACCEPTED' });
    const replacement = fake.fulfillmentOrders.find((f) => f.orderId === o.id && f.id !== fo!.id)!;
    expect(replacement).toMatchObject({ status: 'OPEN', requestStatus: 'UNSUBMITTED', locationId: THREE_PL.id });
    const move = act(replacement.id, { kind: 'move', locationId: 'gid://shopify/Location/655441491', managedBy: 'merchant' });
    expect(await c.check(move, foTarget(o))).toEqual({ applied: false });
    await c.write(move, foTarget(o));
    expect(await c.check(move, foTarget(o))).toMatchObject({ applied: true });
  });
});
