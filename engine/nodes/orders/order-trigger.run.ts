import type { NodeExecutor } from '../node-executor.ts';
import type { OrderTriggerParams } from '../../contract/index.ts';

/** A trigger step records what started the run and passes it on. */
export const orderTriggerExecutor: NodeExecutor<OrderTriggerParams> = {
  async run({ data }) {
    return {
      status: 'done',
      port: 'out',
      input: { event: data.event.type, platform: data.event.platform },
      output: { order: data.order.number, customer: data.customer?.email ?? null },
    };
  },
};
