import { type ApiArgs, type ApiResult, type MarketplaceOrderDto, type TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { OrderRecord } from '../storage/repos/orders-repo.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { OrderService } from '../domain/orders.ts';
import type { EventBus } from '../shared/event-bus.ts';
import type { Clock } from '../shared/clock.ts';
import { CANCELLED, PLACED, recordReturn, restockedBySku, skuQuantities, stockLocationOf } from '../domain/inventory.ts';
import { EngineError, notFound } from '../shared/errors.ts';

export interface MarketplaceServiceDeps {
  repos: Repositories;
  timeline: Timeline;
  orders: OrderService;
  bus: EventBus;
  clock: Clock;
}

/** Platforms whose orders are marketplace orders (seed 002). */
const isMarketplace = (r: OrderRecord) => r.platform === 'lazada';

/** The order page's marketplace card (seed 002): stock, returns, "Process at the store"; and stock levels. */
export function createMarketplaceService(d: MarketplaceServiceDeps) {
  const { repos } = d;

  function load(orderId: string): OrderRecord {
    const r = repos.orders.get(orderId);
    if (!r) throw notFound('order', orderId);
    return r;
  }

  function marketplaceOrder(orderId: string): OrderRecord {
    const r = load(orderId);
    if (!isMarketplace(r)) throw new EngineError('refused', `order ${r.order.number} is not a marketplace order`);
    return r;
  }

  function dto(r: OrderRecord): MarketplaceOrderDto {
    const o = r.order;
    const moves = repos.inventory.moves(r.id);
    const { returned, cancelled } = restockedBySku(repos, r.id);
    const location = moves.find((m) => m.key === PLACED)?.location ?? stockLocationOf(repos, r.connectionId);
    const cancelMove = moves.find((m) => m.key === CANCELLED);
    return {
      orderId: r.id,
      marketplace: isMarketplace(r),
      salesChannel: o.salesChannel ?? null,
      storeStatus: o.storeStatus ?? null,
      platformStatus: o.platformStatus ?? null,
      processAtStore: repos.inventory.processAtStore(r.id),
      returns: o.returns ?? null,
      currency: o.currency,
      location,
      stockTaken: moves.some((m) => m.key === PLACED),
      restockedOnCancel: cancelMove !== undefined && cancelMove.lines.length > 0,
      lines: [...skuQuantities(o)].map(([sku, q]) => ({
        sku, title: q.title, quantity: q.quantity, returnedRecorded: returned.get(sku) ?? 0,
        returnable: Math.max(0, q.quantity - (returned.get(sku) ?? 0) - (cancelled.get(sku) ?? 0)), onHand: repos.inventory.onHand(r.connectionId, sku, location),
      })),
    };
  }

  function announce(orderId: string, entries: TimelineEntryDto[]): void {
    for (const e of entries) d.bus.emit('timeline.appended', e);
    const summary = d.orders.summary(orderId);
    if (summary) d.bus.emit('order.changed', summary);
  }

  return {
    'marketplace.get': (a: ApiArgs<'marketplace.get'>): ApiResult<'marketplace.get'> => dto(load(a.orderId)),

    'marketplace.setProcessAtStore'(a: ApiArgs<'marketplace.setProcessAtStore'>): ApiResult<'marketplace.setProcessAtStore'> {
      const entries = repos.tx(() => {
        const r = marketplaceOrder(a.orderId);
        if (repos.inventory.processAtStore(r.id) === a.on) return [];
        const now = d.clock.now();
        repos.inventory.setProcessAtStore(r.id, a.on, new Date(now).toISOString());
        return [d.timeline.append(r.id, now, { kind: 'process_at_store', on: a.on })];
      });
      announce(a.orderId, entries);
      return dto(load(a.orderId));
    },

    'marketplace.recordReturn'(a: ApiArgs<'marketplace.recordReturn'>): ApiResult<'marketplace.recordReturn'> {
      const entries = repos.tx(() => {
        const r = marketplaceOrder(a.orderId);
        const now = d.clock.now();
        return [d.timeline.append(r.id, now, recordReturn(repos, r.connectionId, r.id, r.order, a.lines, now))];
      });
      announce(a.orderId, entries);
      return dto(load(a.orderId));
    },

    'inventory.set'(a: ApiArgs<'inventory.set'>): ApiResult<'inventory.set'> {
      if (!repos.connections.get(a.connectionId)) throw notFound('connection', a.connectionId);
      repos.inventory.set(a.connectionId, a.sku, a.location, a.onHand, new Date(d.clock.now()).toISOString());
      return { connectionId: a.connectionId, sku: a.sku, location: a.location, onHand: a.onHand };
    },

    'inventory.list'(a: ApiArgs<'inventory.list'>): ApiResult<'inventory.list'> {
      if (!repos.connections.get(a.connectionId)) throw notFound('connection', a.connectionId);
      return repos.inventory.list(a.connectionId).map((l) => ({ connectionId: a.connectionId, ...l }));
    },
  };
}
export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
