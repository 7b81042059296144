import { describe, expect, it } from 'vitest';
import type { CanonicalEvent, FulfillmentOrder } from '../contract/index.ts';
import { sampleOrder } from './sample-trigger-data.ts';
import { triggerDataOf } from './trigger-data.ts';

const fo: FulfillmentOrder = {
  id: 'gid://shopify/FulfillmentOrder/1046', locationId: '70001', managedBy: 'service', status: 'open', requestStatus: 'rejected',
  lines: [{ id: 'gid://shopify/FulfillmentOrderLineItem/1', quantity: 2, fulfilled: 0 }], holds: [], fulfillAt: null, fulfillments: [], message: 'Out of stock',
};

describe('a run read back from storage sees its event as the live run did', () => {
  it('keeps a fulfillment event\'s FO, step and the service\'s message (event.fulfillment.message) after a restart', () => {
    const event: CanonicalEvent = {
      type: 'fulfillment.request_rejected', platform: 'shopify', connectionId: 'con_1', occurredAt: '2026-12-07T08:00:00Z',
      order: sampleOrder, previous: null,
      fulfillment: { step: 'request_rejected', fulfillmentOrder: fo, message: 'Out of stock' },
    };
    const data = triggerDataOf(event, 'ord_1') as { event: { fulfillment?: unknown } };
    expect(data.event.fulfillment).toEqual({ step: 'request_rejected', fulfillmentOrder: fo, message: 'Out of stock' });
  });
});
