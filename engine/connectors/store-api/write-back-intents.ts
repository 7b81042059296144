import { platformLabels, type TimelineEntryDto, type WriteRequest } from '../../contract/index.ts';
import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { defineIntentHandler, type IntentContext, type IntentHandler, type IntentOf } from '../../nodes/intents.ts';
import type { StoreApis } from './store-apis.ts';
import { createStoreWriter, type StoreWriteResult } from './store-writer.ts';
import { storeStatusAfterWrite } from '../../domain/inventory-marketplace.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One write-back: an action on the order (or its customer) on the order's own platform, through its API. */
    'store.write': {
      orderId: string;
      connectionId: string;
      platformOrderId: string;
      orderNumber: string;
      platformCustomerId: string | null;
      request: WriteRequest;
      /**
       * Written only when the connection has write-back on, and nothing said otherwise: the
       * "Add order tag" step keeps its tag in Flowdesk either way.
       */
      optional?: boolean;
    };
  }
}

export { NETWORK_RETRY_MS, type WriteBackResult } from './store-writer.ts';

export interface WriteBackOptions {
  /**
   * Records a `fulfillment_order.act` instead of the `write_back` entry (issue 14): updates
   * Flowdesk's copy of the order's FOs from `result.fulfillmentOrders` and writes the
   * `fulfillment` timeline entry. Runs inside the transaction that records the step.
   */
  onFulfillment?(intent: IntentOf<'store.write'>, result: StoreWriteResult, ctx: IntentContext): TimelineEntryDto[];
}

/**
 * The write-back connector (issue 13): a step's write goes through the store writer and its
 * outbox (store-writer.ts), with the step's idempotency key as the outbox key, so a retried
 * step reads the platform before anything is sent again.
 */
export function writeBackIntentHandlers(repos: Repositories, timeline: Timeline, apis: StoreApis, now: () => number, options: WriteBackOptions = {}): IntentHandler[] {
  const writer = createStoreWriter({ repos, apis, now });
  return [
    defineIntentHandler({
      kind: 'store.write',
      mode: 'external',
      describe: (intent) => {
        const c = repos.connections.get(intent.connectionId);
        return { platform: c ? platformLabels[c.platform] : null, order: intent.orderNumber, ...intent.request };
      },
      // An optional write (the tag steps) on a connection without write-back is not done: a dry run does not list it.
      // Cheap enough to be asked more than once per step: a required write answers at once, and
      // the connections repository answers from its cache.
      wouldDo: (intent) => !intent.optional || repos.connections.get(intent.connectionId)?.api.writeBack === true,
      async perform(intent, ctx): Promise<StoreWriteResult> {
        const connection = repos.connections.get(intent.connectionId);
        if (!connection) throw new Error(`the order's connection ${intent.connectionId} was removed: there is no store to write to`);
        return writer.write({
          connection, orderId: intent.orderId, platformOrderId: intent.platformOrderId, orderNumber: intent.orderNumber, platformCustomerId: intent.platformCustomerId,
          key: ctx.idempotencyKey, runId: ctx.runId, flowName: ctx.flowName, request: intent.request, ...(intent.optional ? { optional: true } : {}),
        });
      },
      recorded(intent, result, ctx: IntentContext) {
        const r = result as StoreWriteResult | undefined;
        if (!r?.written) return [];
        if (r.action === 'fulfillment_order.act' && options.onFulfillment) return options.onFulfillment(intent, r, ctx);
        const c = repos.connections.get(intent.connectionId);
        return [timeline.append(intent.orderId, ctx.atMs, {
          kind: 'write_back', platform: c?.platform ?? null, action: r.action, answer: r.answer, already: r.already === true, connectionName: c?.name ?? null, flowName: ctx.flowName,
        }, { runId: ctx.runId }), ...storeStatusAfterWrite(repos, intent.orderId, r.action, ctx.atMs).map((e) => timeline.append(intent.orderId, ctx.atMs, e, { runId: ctx.runId }))];
      },
    }),
  ];
}
