import { describe, expect, it } from 'vitest';
import type { FulfillmentOrder } from '../../engine/contract/index.ts';
import { readShopifyFulfillment, shopifyFulfillmentTopics } from '../../engine/platforms/shopify/shopify-fulfillment.ts';
import { mergeFoDelivery } from '../../engine/domain/fulfillment-webhooks.ts';
import { foBodies, foGid, fulfillmentBody } from './fo-payloads.ts';

const A = foGid(1046000811);
const B = foGid(1046000812);

const stored = (over: Partial<FulfillmentOrder> = {}): FulfillmentOrder => ({
  id: A, locationId: 'gid://shopify/Location/24826418', managedBy: 'service', status: 'open', requestStatus: 'unsubmitted',
  lines: [{ id: 'gid://shopify/FulfillmentOrderLineItem/1', quantity: 2, fulfilled: 0 }], holds: [], fulfillAt: null, fulfillments: [], message: null, ...over,
});
const read = (topic: string, body: unknown) => readShopifyFulfillment(`fulfillment_orders/${topic}`, body)!;
const merge = (s: FulfillmentOrder | null, topic: string, body: unknown) => mergeFoDelivery(s, read(topic, body), (id) => (s && s.id === id ? s : null));

describe("Shopify's fulfillment_orders/* bodies, read and merged into the stored FO", () => {
  it('each topic of §1.5 is one step, leaving the state the topic means', () => {
    const cases: [string, unknown, Partial<FulfillmentOrder>, string, FulfillmentOrder['status'], FulfillmentOrder['requestStatus']][] = [
      ['fulfillment_request_submitted', foBodies.submitted(A), {}, 'request_submitted', 'open', 'submitted'],
      ['fulfillment_request_accepted', foBodies.accepted(A), { requestStatus: 'submitted' }, 'request_accepted', 'in_progress', 'accepted'],
      ['fulfillment_request_rejected', foBodies.rejected(A), { requestStatus: 'submitted' }, 'request_rejected', 'open', 'rejected'],
      ['cancellation_request_submitted', foBodies.cancellationSubmitted(A), { status: 'in_progress', requestStatus: 'accepted' }, 'cancellation_requested', 'in_progress', 'cancellation_requested'],
      ['cancellation_request_accepted', foBodies.cancellationAccepted(A, 'closed'), { status: 'in_progress', requestStatus: 'cancellation_requested' }, 'cancellation_accepted', 'closed', 'cancellation_accepted'],
      ['cancellation_request_accepted', foBodies.cancellationAccepted(A, 'cancelled'), { status: 'in_progress', requestStatus: 'cancellation_requested' }, 'cancellation_accepted', 'cancelled', 'cancellation_accepted'],
      ['cancellation_request_rejected', foBodies.cancellationRejected(A), { status: 'in_progress', requestStatus: 'cancellation_requested' }, 'cancellation_rejected', 'in_progress', 'cancellation_rejected'],
      ['fulfillment_service_failed_to_complete', foBodies.failed(A), { status: 'in_progress', requestStatus: 'accepted' }, 'failed_to_complete', 'incomplete', 'closed'],
      ['cancelled', foBodies.cancelled(A, B), { requestStatus: 'submitted' }, 'cancelled', 'cancelled', 'submitted'],
      ['placed_on_hold', foBodies.onHold(A), {}, 'placed_on_hold', 'on_hold', 'unsubmitted'],
      ['hold_released', foBodies.released(A), { status: 'on_hold', holds: [{ reason: 'other', note: null }] }, 'hold_released', 'open', 'unsubmitted'],
      ['rescheduled', foBodies.rescheduled(A, '2026-12-24T09:00:00Z'), { status: 'scheduled', fulfillAt: '2026-12-20T09:00:00Z' }, 'rescheduled', 'scheduled', 'unsubmitted'],
      ['scheduled_fulfillment_order_ready', foBodies.ready(A), { status: 'scheduled', fulfillAt: '2026-12-20T09:00:00Z' }, 'opened', 'open', 'unsubmitted'],
      ['progress_reported', foBodies.progress(A), { managedBy: 'merchant' }, 'progress_reported', 'in_progress', 'unsubmitted'],
    ];
    for (const [topic, body, before, step, status, requestStatus] of cases) {
      const d = read(topic, body);
      expect(d.step, topic).toBe(step);
      const m = merge(stored(before), topic, body);
      expect(m.applied, topic).toBe(true);
      if (m.applied) expect({ topic, status: m.fo.status, requestStatus: m.fo.requestStatus }).toEqual({ topic, status, requestStatus });
    }
  });

  it('keeps the service\'s words as sent, and the hold\'s reason', () => {
    expect(read('fulfillment_request_rejected', foBodies.rejected(A, 'Hết hàng ở kho Bình Dương')).message).toBe('Hết hàng ở kho Bình Dương');
    expect(read('cancellation_request_submitted', foBodies.cancellationSubmitted(A, 'Khách đổi ý')).message).toBe('Khách đổi ý');
    const hold = read('placed_on_hold', foBodies.onHold(A, 'awaiting_payment', 'Chờ chuyển khoản'));
    expect(hold.reason).toBe('awaiting_payment: Chờ chuyển khoản');
    const m = merge(stored(), 'placed_on_hold', foBodies.onHold(A, 'awaiting_payment', 'Chờ chuyển khoản'));
    expect(m.applied && m.fo.holds).toEqual([{ reason: 'awaiting_payment', note: 'Chờ chuyển khoản' }]);
  });

  it('new FOs a step makes (remainder, replacement, moved part, split) come with it; a full move changes the location', () => {
    expect(read('fulfillment_request_submitted', foBodies.submitted(A, 'x', B)).created.map((c) => [c.id, c.status, c.requestStatus])).toEqual([[B, 'open', 'unsubmitted']]);
    const cancelled = merge(stored({ requestStatus: 'submitted' }), 'cancelled', foBodies.cancelled(A, B));
    expect(cancelled.applied && cancelled.created.map((c) => [c.id, c.status, c.requestStatus, c.managedBy])).toEqual([[B, 'open', 'unsubmitted', 'service']]);
    const moved = merge(stored({ managedBy: 'merchant' }), 'moved', foBodies.moved(A, 'gid://shopify/Location/99'));
    expect(moved.applied && moved.fo.locationId).toBe('gid://shopify/Location/99');
    const part = merge(stored({ managedBy: 'merchant' }), 'moved', foBodies.moved(A, 'gid://shopify/Location/99', B));
    expect(part.applied && [part.fo.status, part.created.map((c) => [c.id, c.locationId])]).toEqual(['closed', [[B, 'gid://shopify/Location/99']]]);
    const split = merge(stored(), 'split', foBodies.split(A, B));
    expect(split.applied && split.created.map((c) => c.id)).toEqual([B]);
    expect(read('merged', foBodies.merged(A)).subject?.id).toBe(A);
  });

  it('a repeated or older delivery does not move the FO back, nor count twice', () => {
    const accepted = stored({ status: 'in_progress', requestStatus: 'accepted' });
    expect(merge(accepted, 'fulfillment_request_accepted', foBodies.accepted(A))).toMatchObject({ applied: false });
    expect(merge(accepted, 'fulfillment_request_submitted', foBodies.submitted(A))).toMatchObject({ applied: false });
    const rejectedCancel = stored({ status: 'in_progress', requestStatus: 'cancellation_rejected' });
    expect(merge(rejectedCancel, 'fulfillment_request_accepted', foBodies.accepted(A))).toMatchObject({ applied: false });
    expect(merge(rejectedCancel, 'cancellation_request_submitted', foBodies.cancellationSubmitted(A))).toMatchObject({ applied: false });
    // A finished FO never reopens from a late copy of an earlier step.
    expect(merge(stored({ status: 'closed', requestStatus: 'cancellation_accepted' }), 'fulfillment_request_accepted', foBodies.accepted(A))).toMatchObject({ applied: false });
    // After a rejection a new request is a new round, not a step back.
    expect(merge(stored({ requestStatus: 'rejected' }), 'fulfillment_request_submitted', foBodies.submitted(A))).toMatchObject({ applied: true });
  });

  it('fulfillments/create names the order and the tracking; a reverted one is fulfillments/update cancelled', () => {
    const d = readShopifyFulfillment('fulfillments/create', fulfillmentBody(450789469, { trackingNumber: 'GHN9', company: 'GHN', shipmentStatus: 'in_transit' }))!;
    expect(d).toMatchObject({ step: 'fulfilled', event: 'fulfillment.created', platformOrderId: '450789469', shipment: { trackingNumber: 'GHN9', carrier: 'GHN', deliveryStatus: 'in_transit' } });
    expect(readShopifyFulfillment('fulfillments/update', fulfillmentBody(1, { status: 'cancelled' }))!.step).toBe('reverted');
  });

  it('every FO topic is known, and an order topic is not one', () => {
    expect(Object.keys(shopifyFulfillmentTopics).filter((t) => t.startsWith('fulfillment_orders/'))).toHaveLength(20);
    expect(readShopifyFulfillment('orders/create', {})).toBeNull();
    expect(() => readShopifyFulfillment('fulfillment_orders/fulfillment_request_accepted', { message: 'x' })).toThrow(/names no fulfillment_order/);
  });
});
