import type { FlowDocument, FlowNode } from '../../engine/contract/index.ts';
import { postShopify, sampleOrder } from './shopify.ts';

/** A node at a row of the canvas (positions do not matter to the engine). */
export const node = (id: string, type: string, params: Record<string, unknown>, y = 0): FlowNode => ({ id, type, typeVersion: 1, position: { x: 0, y }, params });

/** A straight line of nodes, each one's `out` into the next. */
export function chain(name: string, ...nodes: FlowNode[]): FlowDocument {
  return {
    name,
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 120 } })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, sourcePort: 'out', target: n.id, targetPort: 'in' })),
  };
}

/** An activation condition of one number rule on the trigger data. */
export const numberAbove = (field: string, value: number) => ({ id: 'root', join: 'all', rules: [{ id: 'r1', type: 'number', field, operator: 'gt', value }] });

/** Posts a Shopify order: a new one per `id`, later states of it with a later `updatedAt`. */
export function postOrder(hookUrl: string, id: number, fields: Record<string, unknown> = {}, topic = 'orders/create') {
  const body = JSON.stringify(sampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}`, order_number: id, ...fields }));
  return postShopify(hookUrl, { topic, body });
}
