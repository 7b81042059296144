import type { FlowDocument } from '../../engine/contract/index.ts';

/** What the POST sends: from the order, its customer and the event. */
export const NOTIFY_BODY = '{"order":"{{ order.number }}","total":"{{ order.totalPrice }}","email":"{{ customer.email }}","items":{{ order.lineItems | size }},"event":"{{ event.type }}"}';

/** "order created → POST the order to a URL → tag it sent": a flow with an external effect. */
export function notifyFlow(url: string): FlowDocument {
  return {
    name: 'Notify the warehouse',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
      {
        id: 'post',
        type: 'http.request',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        params: { method: 'POST', url: `${url}/orders`, headers: ['X-Shop: {{ order.storeId }}'], body: NOTIFY_BODY },
      },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 240 }, params: { tags: ['sent-to-warehouse'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'post', targetPort: 'in' },
      { id: 'e2', source: 'post', sourcePort: 'out', target: 'tag', targetPort: 'in' },
    ],
  };
}
