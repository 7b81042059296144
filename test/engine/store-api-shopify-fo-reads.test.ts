import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreApiError } from '../../engine/connectors/store-api/store-api-error.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { act, foTarget, mutationsSent, shopifyFoClient, THREE_PL } from '../harness/shopify-fo-client.ts';

let fake: ShopifyFake;
beforeEach(async () => {
  fake = await startShopifyFake();
});
afterEach(async () => {
  await fake.close();
});

const failureOf = async (p: Promise<unknown>): Promise<StoreApiError> => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(StoreApiError);
  return e as StoreApiError;
};

describe('Shopify fulfillment orders: reads', () => {
  it('maps the order\'s FOs: lowercase states, who manages the location, lines shipped and left, holds', async () => {
    const o = fake.addOrder();
    const [own, at3pl] = fake.fo.seed(o.id, [
      { location: { id: 655441491, name: 'Kho Hà Nội' }, lines: [{ quantity: 3, fulfilled: 1, title: 'Áo thun', sku: 'AT-01' }] },
      { location: THREE_PL, status: 'IN_PROGRESS', requestStatus: 'ACCEPTED', lines: [{ quantity: 2, title: 'Quần jean', sku: 'QJ-02' }] },
    ]);
    const c = shopifyFoClient(fake);
    await c.write(act(own!.id, { kind: 'hold', reason: 'inventory_out_of_stock', note: 'Chờ hàng về' }), foTarget(o));

    const fos = await c.fulfillmentOrders!.forOrder(String(o.id));
    expect(fos).toHaveLength(2);
    const [a, b] = fos;
    expect(a).toMatchObject({
      id: `gid://shopify/FulfillmentOrder/${own!.id}`,
      locationId: 'gid://shopify/Location/655441491',
      locationName: 'Kho Hà Nội',
      managedBy: 'merchant',
      status: 'on_hold',
      requestStatus: 'unsubmitted',
      holds: [{ reason: 'inventory_out_of_stock', note: 'Chờ hàng về' }],
      fulfillAt: null,
      fulfillments: [],
    });
    expect(a!.lines).toEqual([{ id: `gid://shopify/FulfillmentOrderLineItem/${own!.lines[0]!.id}`, quantity: 3, fulfilled: 1, title: 'Áo thun', sku: 'AT-01' }]);
    expect(b).toMatchObject({ id: `gid://shopify/FulfillmentOrder/${at3pl!.id}`, managedBy: 'service', locationName: 'ShipBob', status: 'in_progress', requestStatus: 'accepted', holds: [] });
    expect(b!.lines[0]).toMatchObject({ quantity: 2, fulfilled: 0 });
  });

  it('reads one FO with its order, keeps the service\'s fulfillments on it, and answers null for an unknown FO', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL, status: 'IN_PROGRESS', requestStatus: 'ACCEPTED', lines: [{ quantity: 2 }] }]);
    const shipped = fake.fo.ship(fo!.id, { number: 'SB-778', company: 'GHN' });
    const c = shopifyFoClient(fake);

    const got = await c.fulfillmentOrders!.get(`gid://shopify/FulfillmentOrder/${fo!.id}`);
    expect(got?.platformOrderId).toBe(String(o.id));
    expect(got?.fo).toMatchObject({ status: 'closed', requestStatus: 'accepted', managedBy: 'service' });
    expect(got?.fo.lines[0]).toMatchObject({ quantity: 2, fulfilled: 2 });
    expect(got?.fo.fulfillments).toEqual([{
      id: shipped, lines: [{ lineId: got!.fo.lines[0]!.id, quantity: 2 }], trackingNumber: 'SB-778', carrier: 'GHN', trackingUrl: null, status: 'success', by: 'service',
    }]);
    expect(await c.fulfillmentOrders!.get('gid://shopify/FulfillmentOrder/999')).toBeNull();
  });

  it('says so in words when the order is gone', async () => {
    const e = await failureOf(shopifyFoClient(fake).fulfillmentOrders!.forOrder('123'));
    expect(e.failure).toBe('final');
    expect(e.message).toContain('Shopify has no order 123');
  });
});

describe('Shopify fulfillment orders: refusals before anything is sent', () => {
  it('refuses an action Shopify\'s supportedActions does not list, naming the state and the action; the fake would refuse it too', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL, requestStatus: 'SUBMITTED' }]);
    const c = shopifyFoClient(fake);

    const e = await failureOf(c.write(act(fo!.id, { kind: 'hold', reason: 'other' }), foTarget(o)));
    expect(e.failure).toBe('final');
    expect(e.message).toBe(
      `cannot place it on hold on fulfillment order #${fo!.id} of order ${o.name}: it is open with its request submitted on Shopify, which does not allow that; it allows now: cancel fulfillment order`,
    );
    expect(mutationsSent(fake)).toEqual([]);
    expect(fake.fo.state(fo!.id)).toMatchObject({ status: 'OPEN', requestStatus: 'SUBMITTED', holds: [] });

    // The same mutation sent straight to the fake: it refuses with userErrors and changes nothing.
    const res = await fetch(`${fake.baseUrl}/admin/api/2025-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': fake.token },
      body: JSON.stringify({ query: 'mutation H($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER }) { userErrors { message } } }', variables: { id: `gid://shopify/FulfillmentOrder/${fo!.id}` } }),
    });
    const json = (await res.json()) as { data: { fulfillmentOrderHold: { userErrors: { message: string }[] } } };
    expect(json.data.fulfillmentOrderHold.userErrors[0]!.message).toContain('status is open and its request status submitted');
    expect(fake.fo.state(fo!.id).holds).toEqual([]);
  });

  it('refuses to request fulfillment from a location the merchant manages', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const e = await failureOf(shopifyFoClient(fake).write(act(fo!.id, { kind: 'request_fulfillment' }), foTarget(o)));
    expect(e.message).toContain('cannot request fulfillment on fulfillment order');
    expect(e.message).toContain('it is open on Shopify, which does not allow that; it allows now: create fulfillment, hold, move');
    expect(mutationsSent(fake)).toEqual([]);
  });

  it('refuses the service\'s own steps without calling Shopify', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{ location: THREE_PL, requestStatus: 'SUBMITTED' }]);
    const c = shopifyFoClient(fake);
    for (const step of [{ kind: 'accept_request' }, { kind: 'reject_request', message: 'no stock' }, { kind: 'fulfil', by: 'service' }] as const) {
      const e = await failureOf(c.write(act(fo!.id, step), foTarget(o)));
      expect(e.failure).toBe('final');
      expect(e.message).toMatch(/: only the fulfillment service can do that/);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an FO of another order', async () => {
    const o1 = fake.addOrder();
    const o2 = fake.addOrder();
    const [fo] = fake.fo.seed(o2.id, [{}]);
    const e = await failureOf(shopifyFoClient(fake).write(act(fo!.id, { kind: 'hold', reason: 'other' }), foTarget(o1)));
    expect(e.message).toContain(`Shopify says it belongs to another order (${o2.id})`);
    expect(mutationsSent(fake)).toEqual([]);
  });

  it('passes Shopify\'s userErrors on in its own words, as final', async () => {
    const o = fake.addOrder();
    const [fo] = fake.fo.seed(o.id, [{}]);
    const e = await failureOf(shopifyFoClient(fake).write(act(fo!.id, { kind: 'move', locationId: 'gid://shopify/Location/424242', managedBy: 'merchant' }), foTarget(o)));
    expect(e.failure).toBe('final');
    expect(e.message).toBe(`Shopify refused to move on fulfillment order #${fo!.id} of order ${o.name}: Location does not exist or does not stock the items: gid://shopify/Location/424242`);
    expect(fake.fo.state(fo!.id).locationId).toBe(655441491);
  });
});
