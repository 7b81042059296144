import type { z } from 'zod';
import { FoRequestStatus, FoStatus, type FoFulfillment, type FoMoveLocation, type FulfillmentOrder } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import { ORDER_READ_COST, orderGid, shopifyGraphql, type ShopifySession } from './shopify-graphql.ts';

/**
 * Fulfillment orders as Shopify's Admin GraphQL has them (reference/platform-apis.md §1.5,
 * platform-webhooks.md §1.8), read fresh before every action and after it: Shopify's own
 * `supportedActions` is what decides whether an action is allowed now.
 *
 * DECISION: an FO is the service's (`managedBy: 'service'`) when its assigned location's
 * `location.fulfillmentService` is set: Shopify gives that field only for a location a
 * fulfillment service (3PL) manages, and null for the merchant's own locations.
 *
 * DECISION: a service is on seed 003's legacy workflow when the connection's option
 * `legacyFulfillmentServices` names it (its handle, its name or its location's name, comma
 * separated). Shopify's API does not tell: `FulfillmentService.fulfillmentOrdersOptIn` is
 * deprecated and every service has had to opt in since API 2023-01, and the reference says
 * nothing of it; the admin's banner is what tells a merchant which workflow a service uses.
 */
const FO_FIELDS = `id status requestStatus fulfillAt updatedAt
  assignedLocation { name location { id name fulfillmentService { handle serviceName } } }
  supportedActions { action }
  lineItems(first: 100) { nodes { id totalQuantity remainingQuantity lineItem { id title sku } } }
  fulfillmentHolds { reason reasonNotes handle }
  merchantRequests(first: 10) { nodes { kind message } }
  fulfillments(first: 20) { nodes { id status trackingInfo(first: 1) { number company url } fulfillmentLineItems(first: 100) { nodes { quantity lineItem { id } } } } }`;

const ORDER_FOS_QUERY = `query FlowdeskFulfillmentOrders($id: ID!) {
  order(id: $id) { id legacyResourceId fulfillmentOrders(first: 50) { nodes { ${FO_FIELDS} } } }
}`;

const FO_QUERY = `query FlowdeskFulfillmentOrder($id: ID!) {
  fulfillmentOrder(id: $id) { ${FO_FIELDS} order { id legacyResourceId } }
}`;

export interface ShopifyFoNode {
  id: string;
  status: string;
  requestStatus: string;
  fulfillAt: string | null;
  assignedLocation: { name: string | null; location: { id: string; name: string | null; fulfillmentService: { handle: string; serviceName?: string | null } | null } | null } | null;
  supportedActions: { action: string }[];
  lineItems: { nodes: { id: string; totalQuantity: number; remainingQuantity: number; lineItem: { id: string; title: string | null; sku: string | null } | null }[] };
  fulfillmentHolds: { reason: string; reasonNotes: string | null; handle: string | null }[];
  merchantRequests: { nodes: { kind: string; message: string | null }[] };
  fulfillments: {
    nodes: {
      id: string;
      status: string;
      trackingInfo: { number: string | null; company: string | null; url: string | null }[];
      fulfillmentLineItems: { nodes: { quantity: number; lineItem: { id: string } | null }[] };
    }[];
  };
  order?: { id: string; legacyResourceId: string };
}

export const foGid = (id: string): string => (id.startsWith('gid://') ? id : `gid://shopify/FulfillmentOrder/${id}`);

/** Shopify's enum value in the model's words ("IN_PROGRESS" → "in_progress"); a value Flowdesk does not know is said, never guessed. */
function lower<T extends string>(schema: z.ZodType<T>, value: string, foId: string): T {
  const parsed = schema.safeParse(value.toLowerCase());
  if (!parsed.success) throw new StoreApiError('final', `Shopify gave fulfillment order ${foId} the state "${value}", which Flowdesk does not know yet`);
  return parsed.data;
}

/**
 * A fulfillment's lines are the order's line items; an FO's lines point at the same line items,
 * so each fulfilled quantity is put back on the FO line of its line item.
 */
function fulfillmentsOf(node: ShopifyFoNode, managedBy: FulfillmentOrder['managedBy']): FoFulfillment[] {
  const lineOf = new Map(node.lineItems.nodes.flatMap((l) => (l.lineItem ? [[l.lineItem.id, l.id] as const] : [])));
  return node.fulfillments.nodes.map((f) => {
    const t = f.trackingInfo[0];
    return {
      id: f.id,
      lines: f.fulfillmentLineItems.nodes.flatMap((l) => {
        const lineId = l.lineItem ? lineOf.get(l.lineItem.id) : undefined;
        return lineId && l.quantity > 0 ? [{ lineId, quantity: l.quantity }] : [];
      }),
      trackingNumber: t?.number ?? null,
      carrier: t?.company ?? null,
      trackingUrl: t?.url ?? null,
      status: f.status === 'CANCELLED' ? 'cancelled' : 'success',
      // Shopify does not say who created a fulfillment in this read: on a service's FO it is the service's report.
      by: managedBy,
    };
  });
}

/** The names the connection's `legacyFulfillmentServices` option lists, lowercased. */
export function legacyServices(s: Pick<ShopifySession, 'ctx'>): Set<string> {
  const raw = s.ctx.api.options['legacyFulfillmentServices'] ?? '';
  return new Set(raw.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean));
}

function workflowOf(node: ShopifyFoNode, legacy: ReadonlySet<string>): Pick<FulfillmentOrder, 'workflow'> {
  const location = node.assignedLocation?.location;
  const service = location?.fulfillmentService;
  if (!service || legacy.size === 0) return {};
  const names = [service.handle, service.serviceName, location?.name, node.assignedLocation?.name].map((x) => x?.trim().toLowerCase());
  return { workflow: names.some((n) => n && legacy.has(n)) ? 'legacy' : 'fulfillment_orders' };
}

export function toFulfillmentOrder(node: ShopifyFoNode, legacy: ReadonlySet<string> = new Set()): FulfillmentOrder {
  const location = node.assignedLocation?.location ?? null;
  const managedBy = location?.fulfillmentService ? 'service' : 'merchant';
  const requests = node.merchantRequests.nodes;
  return {
    ...workflowOf(node, legacy),
    id: node.id,
    locationId: location?.id ?? '',
    locationName: node.assignedLocation?.name ?? location?.name ?? null,
    managedBy,
    status: lower(FoStatus, node.status, node.id),
    requestStatus: lower(FoRequestStatus, node.requestStatus, node.id),
    lines: node.lineItems.nodes.map((l) => ({
      id: l.id,
      quantity: l.totalQuantity,
      fulfilled: Math.max(0, l.totalQuantity - l.remainingQuantity),
      title: l.lineItem?.title ?? null,
      sku: l.lineItem?.sku ?? null,
    })),
    holds: node.fulfillmentHolds.map((h) => ({ reason: h.reason.toLowerCase(), note: h.reasonNotes ?? null })),
    fulfillAt: node.fulfillAt ?? null,
    fulfillments: fulfillmentsOf(node, managedBy),
    message: requests.at(-1)?.message ?? null,
  };
}

/** The order's FOs as Shopify has them now, as nodes (the writes read `supportedActions` and hold handles from them). */
export async function readOrderFoNodes(s: ShopifySession, platformOrderId: string): Promise<ShopifyFoNode[]> {
  const data = await shopifyGraphql(s, {
    query: ORDER_FOS_QUERY,
    variables: { id: orderGid(platformOrderId) },
    changes: false,
    cost: ORDER_READ_COST,
    scope: 'read_merchant_managed_fulfillment_orders',
    what: `read the fulfillment orders of order ${platformOrderId}`,
  });
  const order = data['order'] as { fulfillmentOrders: { nodes: ShopifyFoNode[] } } | null;
  if (!order) throw new StoreApiError('final', `Shopify has no order ${platformOrderId}: it may have been deleted`);
  return order.fulfillmentOrders.nodes;
}

export async function readFoNode(s: ShopifySession, foId: string): Promise<ShopifyFoNode | null> {
  const data = await shopifyGraphql(s, {
    query: FO_QUERY,
    variables: { id: foGid(foId) },
    changes: false,
    cost: ORDER_READ_COST,
    scope: 'read_merchant_managed_fulfillment_orders',
    what: `read fulfillment order ${foId}`,
  });
  return (data['fulfillmentOrder'] as ShopifyFoNode | null) ?? null;
}

export async function forOrder(s: ShopifySession, platformOrderId: string): Promise<FulfillmentOrder[]> {
  const legacy = legacyServices(s);
  return (await readOrderFoNodes(s, platformOrderId)).map((n) => toFulfillmentOrder(n, legacy));
}

export async function getFo(s: ShopifySession, foId: string): Promise<{ platformOrderId: string; fo: FulfillmentOrder } | null> {
  const node = await readFoNode(s, foId);
  if (!node?.order) return null;
  return { platformOrderId: node.order.legacyResourceId, fo: toFulfillmentOrder(node, legacyServices(s)) };
}

const LOCATIONS_QUERY = `query FlowdeskFoLocationsForMove($id: ID!) {
  fulfillmentOrder(id: $id) { id locationsForMove(first: 50) { nodes { movable message location { id name fulfillmentService { handle } } } } }
}`;

interface LocationForMoveNode {
  movable: boolean;
  message: string | null;
  location: { id: string; name: string; fulfillmentService: { handle: string } | null } | null;
}

/**
 * Where Shopify would let this FO be moved (`FulfillmentOrder.locationsForMove`): each of the
 * shop's other locations, `movable` false with Shopify's reason when it cannot take the items.
 * Null when Shopify has no such FO.
 */
export async function locationsForMove(s: ShopifySession, foId: string): Promise<FoMoveLocation[] | null> {
  const data = await shopifyGraphql(s, {
    query: LOCATIONS_QUERY,
    variables: { id: foGid(foId) },
    changes: false,
    cost: ORDER_READ_COST,
    scope: 'read_merchant_managed_fulfillment_orders',
    what: `read where fulfillment order ${foId} can be moved`,
  });
  const fo = data['fulfillmentOrder'] as { locationsForMove: { nodes: LocationForMoveNode[] } } | null;
  if (!fo) return null;
  return fo.locationsForMove.nodes.flatMap((n) =>
    n.location ? [{ id: n.location.id, name: n.location.name, managedBy: n.location.fulfillmentService ? 'service' as const : 'merchant' as const, movable: n.movable, message: n.message ?? null }] : [],
  );
}
