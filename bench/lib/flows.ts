import type { FlowDocument } from '../../engine/contract/index.ts';
import { vipFlow } from '../../test/harness/flows.ts';

export type BenchFlow = 'vip' | 'five';

/** The note the five-node flow writes: Liquid with filters over the trigger data. */
export const NOTE_TEMPLATE = '{{ customer.name | upcase }} spent {{ order.totalPrice }} {{ order.currency }} on {{ order.lineItems | size }} items';

/**
 * order created → total price > 100 → timeline note (Liquid) → order tag → customer tag:
 * five nodes, four steps after the trigger, each committed with its effect.
 */
export function fiveNodeFlow(): FlowDocument {
  const at = (y: number) => ({ x: 0, y });
  return {
    name: 'Big order: note and tags',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: at(0), params: { platforms: [] } },
      {
        id: 'big', type: 'logic.compare', typeVersion: 1, position: at(120), label: 'Total over 100',
        params: { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '100' },
      },
      { id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: at(240), params: { text: NOTE_TEMPLATE } },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: at(360), params: { tags: ['VIP'] } },
      { id: 'ctag', type: 'flowdesk.add_customer_tag', typeVersion: 1, position: at(480), params: { tags: ['big-spender'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'big', targetPort: 'in' },
      { id: 'e2', source: 'big', sourcePort: 'yes', target: 'note', targetPort: 'in' },
      { id: 'e3', source: 'note', sourcePort: 'out', target: 'tag', targetPort: 'in' },
      { id: 'e4', source: 'tag', sourcePort: 'out', target: 'ctag', targetPort: 'in' },
    ],
  };
}

export function benchFlow(name: BenchFlow): FlowDocument {
  return name === 'five' ? fiveNodeFlow() : vipFlow();
}
