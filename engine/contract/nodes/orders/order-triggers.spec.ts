import { z } from 'zod';
import { Platform } from '../../platform.ts';
import type { CanonicalEventType } from '../../events.ts';
import { defineNodeSpec, OUT_PORT } from '../node-spec.ts';

export const OrderTriggerParams = z.object({
  platforms: z
    .array(Platform)
    .default([])
    .meta({ title: 'Only from', description: 'Run only for orders from these platforms; empty means all.' }),
});
export type OrderTriggerParams = z.infer<typeof OrderTriggerParams>;

function orderTrigger(event: CanonicalEventType, type: string, label: string, description: string) {
  return defineNodeSpec({
    type,
    version: 1,
    label,
    description,
    category: 'trigger',
    connector: 'orders',
    icon: 'order',
    inputs: [],
    outputs: [OUT_PORT],
    params: OrderTriggerParams,
    triggers: [event],
  });
}

export const orderCreatedSpec = orderTrigger('order.created', 'orders.order_created', 'Order created', 'When a store receives a new order.');
export const orderUpdatedSpec = orderTrigger('order.updated', 'orders.order_updated', 'Order updated', 'When any field of an order changes.');
export const orderPaidSpec = orderTrigger('order.paid', 'orders.order_paid', 'Order paid', 'When the platform says the money was received (a cash-on-delivery order: when the payment is collected).');
export const orderCancelledSpec = orderTrigger('order.cancelled', 'orders.order_cancelled', 'Order cancelled', 'When an order is cancelled.');
export const orderFulfilledSpec = orderTrigger('order.fulfilled', 'orders.order_fulfilled', 'Order fulfilled', 'When every item of an order has been handed over for shipping.');
export const orderDeliveredSpec = orderTrigger('order.delivered', 'orders.order_delivered', 'Order delivered', 'When the carrier has delivered the order to the buyer.');
export const orderDeliveryFailedSpec = orderTrigger('order.delivery_failed', 'orders.order_delivery_failed', 'Delivery failed', 'When the carrier could not deliver the order.');
export const orderReturnedSpec = orderTrigger('order.returned', 'orders.order_returned', 'Order returned', 'When the parcel comes back to the seller (nothing is restocked by itself).');
export const orderPartiallyFulfilledSpec = orderTrigger('order.partially_fulfilled', 'orders.order_partially_fulfilled', 'Order partially fulfilled', 'When some items of an order have shipped.');
export const orderRefundedSpec = orderTrigger('order.refunded', 'orders.order_refunded', 'Order refunded or returned', 'When an order is refunded or returned, in full or in part.');
export const orderPaymentFailedSpec = orderTrigger('order.payment_failed', 'orders.order_payment_failed', 'Order payment failed', "When an order's payment fails.");
export const orderDeletedSpec = orderTrigger('order.deleted', 'orders.order_deleted', 'Order deleted', 'When an order is deleted on its platform.');
export const marketplaceStatusChangedSpec = orderTrigger('marketplace.status_changed', 'orders.marketplace_status_changed', 'Marketplace order status changed', "When a marketplace (Lazada…) order changes status; carries the store status it maps to.");
export const customerCreatedSpec = orderTrigger('customer.created', 'orders.customer_created', 'Customer created', 'When an order brings a customer (by email) Flowdesk has not seen.');
export const customerUpdatedSpec = orderTrigger('customer.updated', 'orders.customer_updated', 'Customer updated', "When an order changes a known customer's name, phone or address.");

/** Every order and customer trigger, in the palette's order. */
export const orderTriggerSpecs = [
  orderCreatedSpec,
  orderUpdatedSpec,
  orderPaidSpec,
  orderCancelledSpec,
  orderFulfilledSpec,
  orderPartiallyFulfilledSpec,
  orderDeliveredSpec,
  orderDeliveryFailedSpec,
  orderReturnedSpec,
  orderRefundedSpec,
  orderPaymentFailedSpec,
  orderDeletedSpec,
  marketplaceStatusChangedSpec,
  customerCreatedSpec,
  customerUpdatedSpec,
] as const;
