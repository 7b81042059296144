import {
  apiInUse, FoActionKind, merchantFoActions, platformLabels, writeBackSupport,
  type ApiArgs, type ApiResult, type FoView, type FulfillmentOrder, type OrderActionRefusal, type OrderFulfillmentDto, type Platform, type TimelineEntryDto, type WriteAction, type WriteRequest,
} from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { OrderService } from '../domain/orders.ts';
import type { StoreApis } from '../connectors/store-api/store-apis.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { applyFoAction, foDisplay, orderFulfillment, probeAction } from '../domain/fulfillment-orders.ts';
import { EngineError } from '../shared/errors.ts';
import { createHash } from 'node:crypto';
import { newId } from '../shared/ids.ts';
import { recordFoAction } from './fulfillment-steps.ts';
import { processAtStoreRefusal, storeStatusAfterWrite } from '../domain/inventory-marketplace.ts';
import { createOrderNotes } from './order-notes.ts';

/** The write-back writer (connectors/store-api/store-writer.ts): one call through the outbox, never twice. */
export interface FoWriter {
  write(w: {
    connection: ConnectionRow; orderId: string; platformOrderId: string; orderNumber: string; platformCustomerId: string | null;
    key: string; runId: string | null; flowName: string | null; request: WriteRequest;
  }): Promise<{ written: boolean; answer: string | null; already?: boolean; fulfillmentOrders?: FulfillmentOrder[] }>;
}

export interface FulfillmentServiceDeps {
  repos: Repositories;
  timeline: Timeline;
  orders: OrderService;
  storeApis: StoreApis;
  writer: FoWriter;
  bus: EventBus;
  clock: Clock;
}

/** How each platform ships (contract/api/fulfillment.ts `model`). */
function modelOf(platform: Platform): OrderFulfillmentDto['model'] {
  if (platform === 'shopify') return 'fulfillment_orders';
  if (platform === 'haravan' || platform === 'sapo' || platform === 'woocommerce' || platform === 'kiotviet') return 'order';
  if (platform === 'lazada') return 'marketplace';
  return 'none';
}
const orderLevel: Partial<Record<OrderFulfillmentDto['model'], WriteAction[]>> = { order: ['order.fulfil'], marketplace: ['marketplace.ready_to_ship', 'marketplace.cancel'] };

/** The order page's fulfilment panel (issue 14): Shopify's FOs with what the merchant may do, and the order-level actions of the others. */
export function createFulfillmentService(d: FulfillmentServiceDeps) {
  const { repos } = d;

  function load(orderId: string) {
    const order = repos.orders.get(orderId);
    if (!order) throw new EngineError('not_found', `no order ${orderId}`);
    const connection = repos.connections.get(order.connectionId);
    if (!connection) throw new EngineError('not_found', `the order's connection ${order.connectionId} was removed`);
    return { order, connection };
  }

  /** Reads the order's FOs from the platform and stores them. */
  async function readFos(orderId: string, connection: ConnectionRow, platformOrderId: string): Promise<void> {
    const api = d.storeApis.client(connection).fulfillmentOrders;
    if (!api) return;
    const fos = await api.forOrder(platformOrderId);
    repos.tx(() => fos.forEach((fo) => repos.fulfillmentOrders.put(connection.id, orderId, fo, d.clock.now())));
  }

  function view(connection: ConnectionRow, fo: FulfillmentOrder, updatedMs: number, all: FulfillmentOrder[], offWhy: string | null): FoView {
    // The contract's record has every kind: the service's own ones are never the merchant's to take.
    const actions = Object.fromEntries(FoActionKind.options.map((k) => [k, { allowed: false, reason: 'only the fulfillment service takes this step' }])) as FoView['actions'];
    for (const kind of merchantFoActions) {
      const r = applyFoAction(all, fo.id, probeAction(fo, kind), () => 'probe');
      actions[kind] = r.ok ? (offWhy ? { allowed: false, reason: offWhy } : { allowed: true, reason: null }) : { allowed: false, reason: r.reason, refusal: r.refusal };
    }
    return { connectionId: connection.id, fo, display: foDisplay(fo), actions, updatedAt: new Date(updatedMs).toISOString() };
  }

  async function get(a: { orderId: string; refresh?: boolean }): Promise<OrderFulfillmentDto> {
    const { order, connection } = load(a.orderId);
    const platform = connection.platform;
    const model = modelOf(platform);
    const label = platformLabels[platform];
    const api = apiInUse(connection.api);
    let note: string | null = null;
    if (model === 'fulfillment_orders') {
      const stored = repos.fulfillmentOrders.forOrder(a.orderId);
      if (api && (a.refresh || stored.length === 0)) {
        try {
          await readFos(a.orderId, connection, order.order.platformOrderId);
        } catch (error) {
          note = `could not read the fulfillment orders from ${label}: ${(error as Error).message}`;
        }
      } else if (!api && stored.length === 0) {
        note = `turn on API access for the connection "${connection.name}" to see and act on this order's fulfillment orders`;
      }
    }
    const writeBack = connection.api.writeBack;
    const offWhy = writeBack ? null : `write-back is off for the connection "${connection.name}": turn it on under Connections → API access`;
    const stored = model === 'fulfillment_orders' ? repos.fulfillmentOrders.forOrder(a.orderId) : [];
    const all = stored.map((s) => s.fo);
    const o = order.order;
    type Refused = { code: OrderActionRefusal['code']; args: Record<string, string>; text: string };
    /** Why an order-level action cannot be taken now (in order: the platform, write-back, the order's state), or null. */
    const orderActionRefusal = (action: WriteAction): Refused | null => {
      if (writeBackSupport[platform][action] === 'no') return { code: 'platform_cannot', args: { platform: label }, text: `${label} cannot do this through its API` };
      if (offWhy) return { code: 'write_back_off', args: { connection: connection.name }, text: offWhy };
      if (o.cancelledAt) return { code: 'order_cancelled', args: {}, text: 'the order is cancelled' };
      if (o.fulfillmentStatus === 'fulfilled') return { code: 'all_shipped', args: {}, text: 'every item has shipped' };
      // A marketplace's pack / ready to ship and seller cancel are for an order still with the seller.
      if (action.startsWith('marketplace.') && (o.deliveryStatus ?? 'none') !== 'none') {
        return { code: 'parcel_left', args: { delivery: o.deliveryStatus ?? '' }, text: `the parcel has left the seller (${o.deliveryStatus?.replace('_', ' ')})` };
      }
      const atStore = processAtStoreRefusal(repos, a.orderId, action);
      return atStore ? { code: 'processed_at_store', args: { platform: atStore.platform }, text: atStore.text } : null;
    };
    const orderActions = (orderLevel[model] ?? []).map((action) => {
      const refusal = orderActionRefusal(action);
      return { action, allowed: refusal === null, reason: refusal?.text ?? null, refusal: refusal ? { code: refusal.code, args: refusal.args } : null };
    });
    if (model === 'none') note = `${label} has no API for fulfilment: ship the order in ${label} itself`;
    return {
      orderId: a.orderId, platform, model, writeBack,
      fulfillmentOrders: stored.map((s) => view(connection, s.fo, s.updatedMs, all, offWhy)),
      orderActions, shipments: o.shipments ?? [], note,
      // What the FOs say has shipped, at once after the merchant's own action (the order's status follows with the platform's next orders/updated).
      shipped: model === 'fulfillment_orders' && all.length > 0 ? orderFulfillment(all) : null,
    };
  }

  /**
   * The outbox key of a merchant's action: the same for the same action asked again from the
   * same state, so a click whose answer was lost (the engine stopped, the network dropped) is
   * checked on the platform before it is sent again, never done twice. An action that failed
   * for good is asked afresh (the merchant may have fixed the cause).
   */
  function actionKey(orderId: string, request: WriteRequest, state: unknown): string {
    const base = `act:${createHash('sha256').update(JSON.stringify([orderId, request, state])).digest('hex').slice(0, 32)}`;
    let key = base;
    for (let n = 2; repos.outbox.get(key)?.state === 'failed'; n++) key = `${base}:${n}`;
    return key;
  }

  /** Sends a write through the outbox and turns its failure into an API error in words. */
  async function write({ order, connection }: ReturnType<typeof load>, request: WriteRequest, state: unknown) {
    const orderId = order.id;
    if (!connection.api.writeBack) throw new EngineError('refused', `write-back is off for the connection "${connection.name}": turn it on under Connections → API access`);
    try {
      return await d.writer.write({
        connection, orderId, platformOrderId: order.order.platformOrderId, orderNumber: order.order.number, platformCustomerId: order.order.customer?.platformCustomerId ?? null,
        key: actionKey(orderId, request, state), runId: null, flowName: null, request,
      });
    } catch (error) {
      const label = platformLabels[connection.platform];
      const message = (error as Error).message ?? String(error);
      throw new EngineError('refused', message.startsWith(`${label}: `) ? `${label} did not do it: ${message.slice(label.length + 2)}` : `${label} did not do it: ${message}`);
    }
  }

  function announce(orderId: string, entries: TimelineEntryDto[]): void {
    for (const e of entries) d.bus.emit('timeline.appended', e);
    const summary = d.orders.summary(orderId);
    if (summary) d.bus.emit('order.changed', summary);
  }

  return {
    ...createOrderNotes(d),
    'fulfillment.get': (a: ApiArgs<'fulfillment.get'>): Promise<ApiResult<'fulfillment.get'>> => get(a),

    async 'fulfillment.locations'(a: ApiArgs<'fulfillment.locations'>): Promise<ApiResult<'fulfillment.locations'>> {
      const { connection } = load(a.orderId);
      const label = platformLabels[connection.platform];
      const fo = repos.fulfillmentOrders.forOrder(a.orderId).find((s) => s.fo.id === a.foId)?.fo;
      if (!fo) throw new EngineError('not_found', `the order has no fulfillment order ${a.foId}`);
      const api = apiInUse(connection.api) ? d.storeApis.client(connection).fulfillmentOrders : undefined;
      if (!api?.locationsForMove) throw new EngineError('refused', `turn on API access for the connection "${connection.name}" to list ${label}'s locations`);
      let listed: Awaited<ReturnType<NonNullable<typeof api.locationsForMove>>>;
      try {
        listed = await api.locationsForMove(a.foId);
      } catch (error) {
        throw new EngineError('refused', `could not read the locations from ${label}: ${(error as Error).message}`);
      }
      if (!listed) throw new EngineError('not_found', `${label} has no fulfillment order ${a.foId} any more: read the order's fulfillment orders again`);
      // Movable ones first, then by name, as the form lists them.
      const locations = listed.filter((l) => l.id !== fo.locationId).sort((x, y) => Number(y.movable) - Number(x.movable) || x.name.localeCompare(y.name));
      return { locations };
    },

    async 'fulfillment.act'(a: ApiArgs<'fulfillment.act'>): Promise<ApiResult<'fulfillment.act'>> {
      const loaded = load(a.orderId);
      const { connection } = loaded;
      if (modelOf(connection.platform) !== 'fulfillment_orders') throw new EngineError('refused', `${platformLabels[connection.platform]} orders have no fulfillment orders`);
      if (repos.fulfillmentOrders.forOrder(a.orderId).length === 0 && apiInUse(connection.api)) await readFos(a.orderId, connection, loaded.order.order.platformOrderId);
      const before = repos.fulfillmentOrders.forOrder(a.orderId).map((s) => s.fo);
      // Checked against the state machine first: a refused action sends nothing and changes nothing.
      const local = applyFoAction(before, a.foId, a.action, () => newId('fo'));
      if (!local.ok) throw new EngineError('refused', local.reason);
      const done = await write(loaded, { action: 'fulfillment_order.act', foId: a.foId, fo: a.action }, before.find((f) => f.id === a.foId));
      const entries = repos.tx(() => recordFoAction(repos, d.timeline, {
        connectionId: connection.id, orderId: a.orderId, foId: a.foId, action: a.action, answered: done.fulfillmentOrders, by: 'merchant', flowName: null, runId: null, atMs: d.clock.now(),
      }));
      announce(a.orderId, entries);
      return { fulfillment: await get({ orderId: a.orderId }), warning: local.warning };
    },

    async 'fulfillment.orderAct'(a: ApiArgs<'fulfillment.orderAct'>): Promise<ApiResult<'fulfillment.orderAct'>> {
      const loaded = load(a.orderId);
      const { connection } = loaded;
      if (a.request.action === 'fulfillment_order.act') throw new EngineError('refused', 'act on one fulfillment order with fulfillment.act');
      const done = await write(loaded, a.request, loaded.order.order.updatedAt);
      const entries = done.written
        ? repos.tx(() => [d.timeline.append(a.orderId, d.clock.now(), {
            kind: 'write_back', platform: connection.platform, action: a.request.action, answer: done.answer, already: done.already === true, connectionName: connection.name, flowName: null,
          }), ...storeStatusAfterWrite(repos, a.orderId, a.request.action, d.clock.now()).map((e) => d.timeline.append(a.orderId, d.clock.now(), e))])
        : [];
      announce(a.orderId, entries);
      return { fulfillment: await get({ orderId: a.orderId }), answer: done.answer };
    },
  };
}
export type FulfillmentService = ReturnType<typeof createFulfillmentService>;
