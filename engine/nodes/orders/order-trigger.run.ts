import { orderTriggerSpecs } from '../../contract/index.ts';
import { defineNodeType, type NodeType } from '../node-type.ts';

/** Every order trigger records what started the run and passes it on. */
export const orderTriggerNodes: readonly NodeType[] = orderTriggerSpecs.map((spec) =>
  defineNodeType(spec, async ({ data }) => ({
    status: 'done',
    port: 'out',
    input: { event: data.event.type, platform: data.event.platform },
    output: { order: data.order.number, customer: data.customer?.email ?? null },
  })),
);
