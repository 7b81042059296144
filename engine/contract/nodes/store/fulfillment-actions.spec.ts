import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';

/**
 * Fulfillment order steps (issue 14, seed 003): each acts on one of the order's Shopify
 * fulfillment orders through the write-back outbox (`fulfillment_order.act`). Which FO: the
 * trigger's, when a `fulfillment.*` event started the run; otherwise every FO of the order on
 * which the action is allowed now. Shopify only (the matrix in store-api.ts).
 */
export const RequestFulfillmentParams = z.object({
  message: z.string().max(5000).default('').meta({ title: 'Message to the fulfillment service', description: 'Liquid allowed', widget: 'template' }),
});

export const RequestFoCancellationParams = z.object({
  note: z.string().max(5000).default('').meta({ title: 'Note to the fulfillment service', description: 'Never sent to the customer; Liquid allowed', widget: 'template' }),
});

export const HoldFulfillmentParams = z.object({
  reason: z
    .enum(['awaiting_payment', 'high_risk_of_fraud', 'incorrect_address', 'inventory_out_of_stock', 'other'])
    .default('other')
    .meta({ title: 'Reason' }),
  note: z.string().max(5000).default('').meta({ title: 'Note', description: 'Liquid allowed', widget: 'template' }),
});

export const ReleaseHoldParams = z.object({});

export const MarkFoFulfilledParams = z.object({
  trackingNumber: z.string().max(255).default('').meta({ title: 'Tracking number', description: 'Liquid allowed', widget: 'template' }),
  carrier: z.string().max(255).default('').meta({ title: 'Carrier', description: 'e.g. GHN, GHTK, Viettel Post' }),
  trackingUrl: z.string().max(2000).default('').meta({ title: 'Tracking URL', description: 'Liquid allowed', widget: 'template' }),
  notifyCustomer: z.boolean().default(false).meta({ title: 'Notify the customer' }),
});

const fo = { category: 'action', connector: 'store', inputs: [IN_PORT], outputs: [OUT_PORT], version: 1, icon: 'receipt', writes: 'fulfillment_order.act' } as const;

export const requestFulfillmentSpec = defineNodeSpec({ ...fo, type: 'store.request_fulfillment', label: 'Request fulfillment', description: 'Send the order\'s fulfillment order to its fulfillment service (3PL).', params: RequestFulfillmentParams });
export const requestFoCancellationSpec = defineNodeSpec({ ...fo, type: 'store.request_fulfillment_cancellation', label: 'Request cancellation', description: 'Ask the fulfillment service to cancel a fulfillment it accepted.', params: RequestFoCancellationParams });
export const holdFulfillmentSpec = defineNodeSpec({ ...fo, type: 'store.hold_fulfillment', label: 'Hold fulfillment', description: 'Put the order\'s open fulfillment order on hold, with a reason.', params: HoldFulfillmentParams });
export const releaseHoldSpec = defineNodeSpec({ ...fo, type: 'store.release_fulfillment_hold', label: 'Release hold', description: 'Release the hold on the order\'s fulfillment order.', params: ReleaseHoldParams });
export const markFoFulfilledSpec = defineNodeSpec({ ...fo, type: 'store.mark_fo_fulfilled', label: 'Mark fulfillment order fulfilled', description: 'Record the fulfillment order\'s items as shipped, with the tracking number and carrier (sends nothing to a fulfillment service).', params: MarkFoFulfilledParams });

export const fulfillmentActionSpecs = [requestFulfillmentSpec, requestFoCancellationSpec, holdFulfillmentSpec, releaseHoldSpec, markFoFulfilledSpec] as const;
