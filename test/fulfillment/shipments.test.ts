import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haravanAdapter } from '../../engine/platforms/haravan/haravan-adapter.ts';
import { HaravanSettings } from '../../engine/platforms/haravan/haravan-settings.ts';
import { sapoAdapter } from '../../engine/platforms/sapo/sapo-adapter.ts';
import { SapoSettings } from '../../engine/platforms/sapo/sapo-settings.ts';
import { shopifyAdapter } from '../../engine/platforms/shopify/shopify-adapter.ts';
import { sampleOrder } from '../harness/shopify.ts';

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const ctx = (topic: string, settings: Record<string, unknown>) => ({ topic, connectionId: 'c', storeId: 's', settings, previous: null });

/** Tracking numbers on the order (issue 14): what the order page shows for each parcel. */
describe('order shipments from the platforms\' fulfillments', () => {
  it('Shopify: each fulfillment with its tracking number, carrier, URL and where the parcel is', () => {
    const body = sampleOrder({
      fulfillment_status: 'partial',
      fulfillments: [
        { id: 1, status: 'success', tracking_company: 'GHTK', tracking_number: 'S1.A2', tracking_url: 'https://i.ghtk.vn/S1.A2', shipment_status: 'delivered', created_at: '2026-12-01T10:00:00-05:00' },
        { id: 2, status: 'cancelled', tracking_company: null, tracking_numbers: ['VTP9'], tracking_urls: ['https://viettelpost.vn/VTP9'], shipment_status: null, created_at: '2026-12-02T10:00:00-05:00' },
      ],
    });
    const { order } = shopifyAdapter.normalize(body, ctx('orders/partially_fulfilled', {}));
    expect(order.shipments).toEqual([
      { id: '1', trackingNumber: 'S1.A2', carrier: 'GHTK', trackingUrl: 'https://i.ghtk.vn/S1.A2', status: 'success', deliveryStatus: 'delivered', createdAt: '2026-12-01T10:00:00-05:00' },
      { id: '2', trackingNumber: 'VTP9', carrier: null, trackingUrl: 'https://viettelpost.vn/VTP9', status: 'cancelled', deliveryStatus: null, createdAt: '2026-12-02T10:00:00-05:00' },
    ]);
  });

  it('Haravan: the fulfillments\' tracking, with the carrier status read through the connection\'s settings', () => {
    const { order } = haravanAdapter.normalize(fixture('haravan/orders-fulfilled.json'), ctx('orders/fulfilled', HaravanSettings.parse({})));
    expect(order.shipments).toEqual([
      { id: '1058608514', trackingNumber: '327569', carrier: 'Carrier', trackingUrl: null, status: 'success', deliveryStatus: 'in_transit', createdAt: '2021-10-20T15:41:28.577Z' },
    ]);
  });

  it('Sapo Web: Shopify\'s shape, its tracking words from the settings', () => {
    const body = { ...fixture('sapo/web-orders-create.json'), fulfillment_status: 'fulfilled', fulfillments: [{ id: 77, status: 'success', tracking_number: 'GHN55', tracking_company: 'Giao Hàng Nhanh', shipment_status: 'delivered', created_on: '2026-11-21T02:00:00Z' }] };
    const { order } = sapoAdapter.normalize(body, ctx('orders/fulfilled', SapoSettings.parse({})));
    expect(order.shipments).toEqual([{ id: '77', trackingNumber: 'GHN55', carrier: 'Giao Hàng Nhanh', trackingUrl: null, status: 'success', deliveryStatus: 'delivered', createdAt: '2026-11-21T02:00:00Z' }]);
    expect(order.deliveryStatus).toBe('delivered');
  });
});
