import type { CanonicalEvent, Order, ReverifyDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { InboxRecord } from '../storage/repos/inbox-repo.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { PlatformAdapter, RawDelivery } from '../platforms/adapter.ts';
import { signDelivery } from '../platforms/sign-delivery.ts';
import type { ConnectionService } from '../domain/connections.ts';
import { deriveOrderEvents } from '../domain/order-events.ts';
import { statusOf } from '../domain/order-state.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError } from '../shared/errors.ts';

export interface ReplayPayloadDeps {
  repos: Repositories;
  platforms: PlatformRegistry;
  connections: ConnectionService;
  clock: Clock;
  fetch: typeof fetch;
}

/**
 * A delivery's payload as a replay reads it, through its connection's adapter: its stored bytes
 * verified again, and a body (the stored one, or an edited one) normalized as processing would,
 * without storing anything: the order Flowdesk keeps is never changed by a replay.
 */
export function createReplayPayload(d: ReplayPayloadDeps) {
  const { repos, platforms } = d;

  function adapterOf(delivery: InboxRecord) {
    const connection = delivery.connectionId ? repos.connections.get(delivery.connectionId) : undefined;
    const adapter = connection ? platforms.get(connection.platform) : undefined;
    return connection && adapter ? { connection, adapter, view: d.connections.view(connection, adapter) } : null;
  }

  const rawOf = (delivery: InboxRecord, body: Buffer): RawDelivery => ({ method: delivery.method, path: delivery.path, headers: delivery.headers, body });

  return {
    /** The stored bytes checked again against the connection's secret as it is now. */
    verify(delivery: InboxRecord): ReverifyDto {
      if (delivery.source !== 'webhook') return { verdict: 'accepted', reason: `${delivery.source} through the platform's API: there is no signature to check` };
      if (!delivery.body) return { verdict: 'malformed', reason: `the body is no longer kept (removed by retention${delivery.bodyPrunedAt ? ` on ${delivery.bodyPrunedAt}` : ''})` };
      const found = adapterOf(delivery);
      if (!found) return { verdict: 'unknown_connection', reason: `no connection ${delivery.connectionId ?? '(none)'} to verify it with` };
      const raw = rawOf(delivery, delivery.body);
      try {
        if (found.adapter.isPing?.(raw)) return { verdict: 'ping', reason: `${found.connection.platform}'s unsigned check that the URL answers` };
        const check = found.adapter.verify(raw, found.view);
        return check.ok ? { verdict: 'accepted', reason: check.detail } : { verdict: 'bad_signature', reason: check.reason };
      } catch (error) {
        return { verdict: 'malformed', reason: `the body could not be read: ${(error as Error).message}` };
      }
    },

    /**
     * An edited body signed with the connection's secrets as the platform would sign it, then
     * verified as the listener would: the verdict the edited delivery would get.
     */
    resign(delivery: InboxRecord, body: Buffer): ReverifyDto {
      const found = adapterOf(delivery);
      if (!found) return { verdict: 'unknown_connection', reason: `no connection ${delivery.connectionId ?? '(none)'} to sign it with` };
      let signed: RawDelivery;
      try {
        signed = signDelivery(found.adapter, rawOf(delivery, body), found.view);
      } catch (error) {
        throw new EngineError('invalid_args', `${(error as Error).message}: replay the edited body unsigned instead`);
      }
      const check = found.adapter.verify(signed, found.view);
      return check.ok ? { verdict: 'accepted', reason: `signed again with the connection's secret: ${check.detail}` } : { verdict: 'bad_signature', reason: check.reason };
    },

    /** The orders a body carries, normalized by the delivery's adapter against what Flowdesk has stored (nothing is written). */
    async orders(delivery: InboxRecord, body: Buffer): Promise<Order[]> {
      const found = adapterOf(delivery);
      if (!found) throw new EngineError('invalid_args', `delivery ${delivery.id} has no connection to read it with`);
      const topic = delivery.topic;
      if (!topic) throw new EngineError('invalid_args', `delivery ${delivery.id} has no topic: it is not an order Flowdesk can read`);
      const { adapter, view } = found as { adapter: PlatformAdapter; view: typeof found.view };
      let payload: unknown;
      try {
        payload = adapter.parse(rawOf(delivery, body));
      } catch (error) {
        throw new EngineError('invalid_args', `could not read the body: ${(error as Error).message}`);
      }
      // A fulfillment order's delivery carries no order to normalize: its stored events replay
      // (as it ran, or on the current version); an edited body of one is not read yet.
      let fulfillmentStep: unknown;
      try {
        fulfillmentStep = adapter.readFulfillment?.(topic, payload, body);
      } catch (error) {
        throw new EngineError('invalid_args', `could not read the body: ${(error as Error).message}`);
      }
      if (fulfillmentStep) {
        throw new EngineError('invalid_args', `delivery ${delivery.id} is a fulfillment order step (${topic}), not an order: replay it as it ran or on the current version, without editing its body`);
      }
      const out: Order[] = [];
      for (const part of adapter.split ? adapter.split(payload) : [payload]) {
        try {
          const enriched = adapter.enrich ? await adapter.enrich(part, { topic, connection: view, fetch: d.fetch, clock: d.clock }) : part;
          const ctx = { topic, connectionId: view.id, storeId: view.storeId, settings: view.settings };
          const first = adapter.normalize(enriched, { ...ctx, previous: null });
          const stored = repos.orders.getByPlatformId(view.id, first.order.platformOrderId);
          if (adapter.skip?.(enriched, { ...ctx, previous: stored?.order ?? null })) continue;
          out.push(stored ? adapter.normalize(enriched, { ...ctx, previous: stored.order }).order : first.order);
        } catch (error) {
          throw new EngineError('invalid_args', `could not read the order in the body: ${(error as Error).message}`);
        }
      }
      return out;
    },

    /**
     * The events a body would give, when the delivery has none stored (it was never processed):
     * derived from the order as Flowdesk has it, as processing would.
     */
    derive(delivery: InboxRecord, orders: Order[]): CanonicalEvent[] {
      const found = adapterOf(delivery);
      if (!found) return [];
      return orders.flatMap((order) => {
        const stored = repos.orders.getByPlatformId(found.connection.id, order.platformOrderId);
        return deriveOrderEvents(stored?.order ?? null, order, { marketplace: found.adapter.marketplace === true }).map((type): CanonicalEvent => ({
          type, platform: found.connection.platform, connectionId: found.connection.id, occurredAt: order.updatedAt, order, previous: stored ? statusOf(stored.order) : null,
        }));
      });
    },
  };
}
export type ReplayPayload = ReturnType<typeof createReplayPayload>;
