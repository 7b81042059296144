import type { CanonicalEventType } from '../../events.ts';
import { defineNodeSpec, OUT_PORT } from '../node-spec.ts';
import { OrderTriggerParams } from './order-triggers.spec.ts';

/**
 * Fulfillment order triggers (issue 14): a step of one of the order's FOs, from Shopify's
 * `fulfillment_orders/*` and `fulfillments/create` webhooks. `event.fulfillment` carries the FO
 * after the step, the step, and the service's message as it sent it.
 */
const foTrigger = (event: CanonicalEventType, label: string, description: string) =>
  defineNodeSpec({
    type: event,
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

export const fulfillmentTriggerSpecs = [
  foTrigger('fulfillment.routed', 'Fulfillment orders assigned', 'When the platform has routed a new order to its locations (Shopify: order routing complete).'),
  foTrigger('fulfillment.request_submitted', 'Fulfillment requested', 'When a fulfillment request is sent to a fulfillment service (3PL).'),
  foTrigger('fulfillment.request_accepted', 'Fulfillment request accepted', 'When the fulfillment service accepts the request; its message is in event.fulfillment.message.'),
  foTrigger('fulfillment.request_rejected', 'Fulfillment request rejected', 'When the fulfillment service rejects the request; its reason is in event.fulfillment.message.'),
  foTrigger('fulfillment.cancellation_requested', 'Fulfillment cancellation requested', 'When the cancellation of an accepted fulfillment is asked of the service.'),
  foTrigger('fulfillment.cancellation_accepted', 'Cancellation accepted', 'When the fulfillment service accepts the cancellation.'),
  foTrigger('fulfillment.cancellation_rejected', 'Cancellation rejected', 'When the fulfillment service refuses the cancellation: fulfillment goes on; its message is in event.fulfillment.message.'),
  foTrigger('fulfillment.failed_to_complete', 'Fulfillment service could not complete', 'When the fulfillment service closes the fulfillment order without shipping everything.'),
  foTrigger('fulfillment.cancelled', 'Fulfillment order cancelled', 'When a fulfillment order is cancelled (a replacement takes its remaining items).'),
  foTrigger('fulfillment.on_hold', 'Fulfillment order on hold', 'When a fulfillment order is placed on hold.'),
  foTrigger('fulfillment.hold_released', 'Fulfillment order released', 'When a hold on a fulfillment order is released.'),
  foTrigger('fulfillment.moved', 'Fulfillment order moved', 'When a fulfillment order moves to another location.'),
  foTrigger('fulfillment.rescheduled', 'Fulfillment order rescheduled', 'When a scheduled fulfillment order gets a new date.'),
  foTrigger('fulfillment.opened', 'Scheduled fulfillment order ready', 'When a scheduled fulfillment order becomes due and opens.'),
  foTrigger('fulfillment.created', 'Shipment created', 'When items ship (by you or the service), with the tracking number in event.fulfillment.trackingNumber.'),
] as const;
