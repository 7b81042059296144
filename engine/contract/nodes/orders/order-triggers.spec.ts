import { z } from 'zod';
import { Platform } from '../../platform.ts';
import type { CanonicalEventType } from '../../events.ts';
import { ConditionTree, emptyConditionTree } from '../../flow/condition.ts';
import { defineNodeSpec, OUT_PORT } from '../node-spec.ts';

/**
 * Activation conditions (seeds 000/001): which orders and customers enter the flow at all. An
 * empty tree (the default) lets everything in. The trigger step evaluates it; a run whose data
 * does not meet it ends there, as `skipped`, with the rules that failed (order-trigger.run.ts).
 */
export const ActivationConditions = ConditionTree.default(emptyConditionTree).meta({
  title: 'Activation conditions',
  description: 'Only orders and customers that meet these rules enter the flow; leave empty to let every one in',
  widget: 'condition',
});

const OnlyFrom = z
  .array(Platform)
  .default([])
  .meta({ title: 'Only from', description: 'Run only for orders from these platforms; empty means all.' });

export const OrderTriggerParams = z.object({ platforms: OnlyFrom, when: ActivationConditions });
export type OrderTriggerParams = z.infer<typeof OrderTriggerParams>;

export const TagTriggerParams = z.object({
  tags: z
    .array(z.string().min(1).max(255))
    .default([])
    .meta({ title: 'Tags', description: 'Run only when one of these tags is added (any case); empty means any tag', widget: 'tags' }),
  platforms: OnlyFrom,
  when: ActivationConditions,
});
export type TagTriggerParams = z.infer<typeof TagTriggerParams>;

export const ManualTriggerParams = z.object({ when: ActivationConditions });
export type ManualTriggerParams = z.infer<typeof ManualTriggerParams>;

/**
 * Every order trigger also listens to `manual.run`: a flow drawn for "order paid" can be run by
 * hand on an order from its page (or on a filtered list), starting at its trigger as if it had
 * fired. Processing never derives `manual.run`, so this starts nothing by itself.
 */
function trigger<P extends z.ZodType>(event: CanonicalEventType, type: string, label: string, description: string, params: P, icon = 'order') {
  return defineNodeSpec({
    type,
    version: 1,
    label,
    description,
    category: 'trigger',
    connector: 'orders',
    icon,
    inputs: [],
    outputs: [OUT_PORT],
    params,
    // Any of them can also be started by another flow's "Start another flow" step (`flow.started`).
    triggers: event === 'manual.run' ? [event, 'flow.started'] : [event, 'manual.run', 'flow.started'],
  });
}

const orderTrigger = (event: CanonicalEventType, type: string, label: string, description: string) =>
  trigger(event, type, label, description, OrderTriggerParams);

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
export const orderTagAddedSpec = trigger(
  'order.tag_added',
  'orders.order_tag_added',
  'Tag added to an order',
  'When an order gets a tag it did not have, from its platform or from another flow; the new tags are in event.tags.',
  TagTriggerParams,
  'tag',
);
export const customerTagAddedSpec = trigger(
  'customer.tag_added',
  'orders.customer_tag_added',
  'Tag added to a customer',
  "When a flow gives an order's customer a tag they did not have; the new tags are in event.tags.",
  TagTriggerParams,
  'tag',
);
export const manualRunSpec = trigger(
  'manual.run',
  'orders.manual',
  'Run by hand on an order',
  'When you run the flow yourself from an order’s page, or on a filtered list of orders.',
  ManualTriggerParams,
  'trigger',
);

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
  orderTagAddedSpec,
  customerCreatedSpec,
  customerUpdatedSpec,
  customerTagAddedSpec,
  manualRunSpec,
] as const;
