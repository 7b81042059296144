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
export const orderPaidSpec = orderTrigger('order.paid', 'orders.order_paid', 'Order paid', 'When an order is marked as paid.');
export const orderCancelledSpec = orderTrigger('order.cancelled', 'orders.order_cancelled', 'Order cancelled', 'When an order is cancelled.');
