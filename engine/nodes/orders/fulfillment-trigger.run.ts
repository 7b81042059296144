import { fulfillmentTriggerSpecs, type CanonicalEvent } from '../../contract/index.ts';
import { defineNodeType, type NodeType } from '../node-type.ts';
import { activationVerdict } from './activation.ts';

/** The FO triggers record the step and the service's words, and pass the run on (unless the activation conditions turn the order away). */
export const fulfillmentTriggerNodes: readonly NodeType[] = [...fulfillmentTriggerSpecs].map((spec) =>
  defineNodeType(spec, async ({ params, data, nowMs }) => {
    const f = (data.event as { fulfillment?: CanonicalEvent['fulfillment'] }).fulfillment;
    const input = {
      event: data.event.type,
      platform: data.event.platform,
      ...(f ? { fulfillmentOrder: f.fulfillmentOrder.id, step: f.step, message: f.message } : {}),
    };
    const { verdict, skip } = activationVerdict(params.when, data, nowMs, input);
    if (skip) return skip;
    return {
      status: 'done',
      port: 'out',
      input,
      output: {
        order: data.order.number ?? null,
        ...(f ? { fulfillmentOrder: f.fulfillmentOrder.id, status: f.fulfillmentOrder.status, requestStatus: f.fulfillmentOrder.requestStatus, message: f.message, trackingNumber: f.trackingNumber ?? null } : {}),
        ...(verdict ? { activation: verdict } : {}),
      },
    };
  }),
);
