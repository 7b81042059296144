import { StoreApiError } from '../store-api-error.ts';
import type { WriteTarget } from '../store-client.ts';
import { ORDER_READ_COST, SMALL_READ_COST, customerGid, orderGid, shopifyGraphql, type ShopifySession } from './shopify-graphql.ts';

/**
 * The order's state as the writes and checks need it, in one read: what a read-merge-write
 * merges (note, custom attributes), and what tells an action already happened (cancelledAt,
 * the fulfilments' tracking numbers, what is left to fulfil).
 */
const ORDER_QUERY = `query FlowdeskOrder($id: ID!) {
  order(id: $id) {
    id name tags note
    customAttributes { key value }
    displayFinancialStatus canMarkAsPaid
    cancelledAt closedAt
    fulfillments(first: 50) { trackingInfo(first: 10) { number } }
    fulfillmentOrders(first: 20) { nodes { id status assignedLocation { location { id } } supportedActions { action } } }
  }
}`;

const CUSTOMER_QUERY = `query FlowdeskCustomer($id: ID!) { customer(id: $id) { id tags } }`;

export interface ShopifyFulfillmentOrder {
  id: string;
  status: string;
  assignedLocation: { location: { id: string } | null } | null;
  supportedActions: { action: string }[];
}

export interface ShopifyOrderState {
  id: string;
  name: string;
  tags: string[];
  note: string | null;
  customAttributes: { key: string; value: string | null }[];
  displayFinancialStatus: string | null;
  canMarkAsPaid: boolean;
  cancelledAt: string | null;
  closedAt: string | null;
  fulfillments: { trackingInfo: { number: string | null }[] }[];
  fulfillmentOrders: { nodes: ShopifyFulfillmentOrder[] };
}

export async function readOrder(s: ShopifySession, target: WriteTarget): Promise<ShopifyOrderState> {
  const data = await shopifyGraphql(s, {
    query: ORDER_QUERY,
    variables: { id: orderGid(target.platformOrderId) },
    changes: false,
    cost: ORDER_READ_COST,
    scope: 'read_orders',
    what: `read order ${target.orderNumber}`,
  });
  const order = data['order'] as ShopifyOrderState | null;
  if (!order) throw new StoreApiError('final', `Shopify has no order ${target.orderNumber} (id ${target.platformOrderId}): it may have been deleted`);
  return order;
}

export async function readCustomerTags(s: ShopifySession, customerId: string, orderNumber: string): Promise<string[]> {
  const data = await shopifyGraphql(s, {
    query: CUSTOMER_QUERY,
    variables: { id: customerGid(customerId) },
    changes: false,
    cost: SMALL_READ_COST,
    scope: 'read_customers',
    what: `read the customer of order ${orderNumber}`,
  });
  const customer = data['customer'] as { tags: string[] } | null;
  if (!customer) throw new StoreApiError('final', `Shopify has no customer ${customerId} (of order ${orderNumber})`);
  return customer.tags;
}

/** Fulfilment orders a fulfilment can still be created on (reference §1.5: gate on supportedActions). */
export const fulfillable = (o: ShopifyOrderState): ShopifyFulfillmentOrder[] =>
  o.fulfillmentOrders.nodes.filter((fo) => fo.supportedActions.some((a) => a.action === 'CREATE_FULFILLMENT'));

export const hasTracking = (o: ShopifyOrderState, number: string): boolean =>
  o.fulfillments.some((f) => f.trackingInfo.some((t) => t.number === number));

/** Shopify treats tags case-insensitively (reference §9.2). */
export const hasTag = (tags: readonly string[], tag: string): boolean => tags.some((t) => t.toLowerCase() === tag.toLowerCase());

export const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'no tags');
