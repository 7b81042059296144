import type { FlowDocument, FlowNode } from '../../engine/contract/index.ts';

const trigger: FlowNode = { id: 'trigger', type: 'orders.order_cancelled', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } };

export function emailNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'email',
    type: 'email.send_smtp',
    typeVersion: 1,
    position: { x: 170, y: 300 },
    label: 'Email the customer',
    params: {
      account,
      subject: 'Đơn hàng {{ order.number }} đã được huỷ',
      text: 'Chào bạn, đơn {{ order.number }} ({{ order.totalPrice | money }}) đã được huỷ.',
      ...params,
    },
  };
}

export function smsNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'sms',
    type: 'sms.send_esms',
    typeVersion: 1,
    position: { x: -170, y: 300 },
    label: 'Text the customer',
    params: { account, text: 'Don hang {{ order.number }} da duoc huy. Lien he shop neu can ho tro.', ...params },
  };
}

/** "Order cancelled → one action": for a connector's own tests. */
export function cancelledThen(action: FlowNode, name = 'Order cancelled message'): FlowDocument {
  return {
    name,
    nodes: [trigger, action],
    edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: action.id, targetPort: 'in' }],
  };
}

/** Seed 000's first promise: order cancelled → has a phone? → SMS, else email. */
export function cancelledSmsElseEmail(smsAccount: string, emailAccount: string): FlowDocument {
  return {
    name: 'Order cancelled: SMS, else email',
    nodes: [
      trigger,
      {
        id: 'has-phone',
        type: 'logic.condition',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        label: 'Has a phone?',
        params: {
          condition: {
            id: 'root',
            join: 'any',
            rules: [
              { id: 'shipping-phone', type: 'text', field: 'order.shippingAddress.phone', operator: 'is_not_empty' },
              { id: 'customer-phone', type: 'text', field: 'order.customer.phone', operator: 'is_not_empty' },
            ],
          },
        },
      },
      smsNode(smsAccount),
      emailNode(emailAccount),
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'has-phone', targetPort: 'in' },
      { id: 'e2', source: 'has-phone', sourcePort: 'yes', target: 'sms', targetPort: 'in' },
      { id: 'e3', source: 'has-phone', sourcePort: 'no', target: 'email', targetPort: 'in' },
    ],
  };
}
