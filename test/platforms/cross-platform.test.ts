import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

const HARAVAN_SECRET = 'hrv_cross_platform_secret';

describe('one shop selling on several platforms', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('the same email from Shopify and Haravan is one customer, updated from the later order', async () => {
    t = await startTempEngine();
    const shopify = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, store: 'Shop A', secret: SHOPIFY_SECRET });
    const haravan = await t.engine.call('connections.create', { platform: 'haravan', storeId: '1000114691', store: 'Shop A', secrets: { webhookSecret: HARAVAN_SECRET } });

    const fromShopify = sampleOrder({ email: 'Mai@Example.com', customer: { id: 1, email: 'mai@example.com', first_name: 'Mai', last_name: 'Le' } });
    expect((await postShopify(shopify.webhookUrl, { body: JSON.stringify(fromShopify) })).status).toBe(200);
    await t.engine.idle();

    const haravanOrder = JSON.parse(readFileSync(new URL('../fixtures/haravan/orders-create.json', import.meta.url), 'utf8'));
    haravanOrder.email = 'mai@example.com';
    if (haravanOrder.customer) haravanOrder.customer = { ...haravanOrder.customer, email: 'mai@example.com', first_name: 'Mai', last_name: 'Lê Thị' };
    const body = JSON.stringify(haravanOrder);
    const res = await fetch(haravan.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-haravan-topic': 'orders/create',
        'x-haravan-org-id': '1000114691',
        'x-haravan-hmacsha256': createHmac('sha256', HARAVAN_SECRET).update(body).digest('base64'),
      },
      body,
    });
    expect(res.status).toBe(200);
    await t.engine.idle();

    const customers = await t.engine.call('customers.list', {});
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ email: 'mai@example.com', name: 'Mai Lê Thị' });
    const orders = (await t.engine.call('orders.list', {})).rows;
    expect(orders.map((o) => o.platform).sort()).toEqual(['haravan', 'shopify']);
    expect(new Set(orders.map((o) => o.customerId))).toEqual(new Set([customers[0]!.id]));
  });
});
