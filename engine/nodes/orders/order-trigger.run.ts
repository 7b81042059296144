import { orderTriggerSpecs } from '../../contract/index.ts';
import { defineNodeType, type NodeType, type TriggerData } from '../node-type.ts';
import { activationVerdict } from './activation.ts';

/** What an event carries beyond its type, for the trigger step's record (tags added, a batch). */
type EventExtras = TriggerData['event'] & { tags?: string[]; batchId?: string };

/**
 * Every order trigger (and the manual one) records what started the run and passes it on,
 * unless its activation conditions turn the order away (activation.ts).
 */
export const orderTriggerNodes: readonly NodeType[] = [...orderTriggerSpecs].map((spec) =>
  defineNodeType(spec, async ({ params, data, nowMs }) => {
    const event = data.event as EventExtras;
    const input = {
      event: event.type,
      platform: event.platform,
      ...(event.tags ? { tags: event.tags } : {}),
      ...(event.batchId ? { batchId: event.batchId } : {}),
    };
    const { verdict, skip } = activationVerdict(params.when, data, nowMs, input);
    if (skip) return skip;
    return {
      status: 'done',
      port: 'out',
      input,
      output: {
        order: data.order.number ?? null,
        customer: data.customer?.email ?? null,
        ...(event.tags ? { tags: event.tags } : {}),
        ...(verdict ? { activation: verdict } : {}),
      },
    };
  }),
);
