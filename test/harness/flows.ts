import type { FlowDocument } from '../../engine/contract/index.ts';

/** "order created → total price > threshold → add order tag", the flow the issue names. */
export function vipFlow(threshold = '100', tag = 'VIP'): FlowDocument {
  return {
    name: 'Tag big orders VIP',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      {
        id: 'big',
        type: 'logic.compare',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        label: 'Total over threshold',
        params: { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: threshold },
      },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 240 }, params: { tags: [tag] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'big', targetPort: 'in' },
      { id: 'e2', source: 'big', sourcePort: 'yes', target: 'tag', targetPort: 'in' },
    ],
  };
}

/** "order created → is the customer tagged seen? yes: tag the order returning; no: tag the customer seen". */
export function returningCustomerFlow(): FlowDocument {
  return {
    name: 'Returning customers',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      {
        id: 'seen',
        type: 'logic.compare',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        params: { field: 'customer.tags', valueType: 'text', operator: 'contains', value: 'seen' },
      },
      { id: 'returning', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: -120, y: 240 }, params: { tags: ['returning'] } },
      { id: 'mark', type: 'flowdesk.add_customer_tag', typeVersion: 1, position: { x: 120, y: 240 }, params: { tags: ['seen'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'seen', targetPort: 'in' },
      { id: 'e2', source: 'seen', sourcePort: 'yes', target: 'returning', targetPort: 'in' },
      { id: 'e3', source: 'seen', sourcePort: 'no', target: 'mark', targetPort: 'in' },
    ],
  };
}
