import { platformLabels, writeBackSupport, type FulfillmentOrder, type WriteRequest } from '../../contract/index.ts';
import type { Repositories } from '../../storage/repositories.ts';
import type { ConnectionRow } from '../../storage/repos/connections-repo.ts';
import { DeferStepError, RetryableError, SkipStepError } from '../../shared/errors.ts';
import { StoreApiError } from './store-api-error.ts';
import type { StoreApis } from './store-apis.ts';
import type { StoreClient, WriteTarget } from './store-client.ts';
import { processAtStoreRefusal } from '../../domain/inventory-marketplace.ts';

/** What a write-back records as its result (and its timeline entry says). */
export interface WriteBackResult {
  written: boolean;
  platform: string;
  action: WriteRequest['action'];
  /** The platform's answer; for `already`, what its state showed. */
  answer: string | null;
  /** Found already applied on the platform after a crash or a lost answer: not sent again. */
  already?: boolean;
  /** Why nothing was sent (an optional write on a connection with write-back off). */
  skipped?: string;
}

/** `fulfillment_order.act`: the order's FOs as the platform has them after the action (absent when they could not be read). */
export type StoreWriteResult = WriteBackResult & { fulfillmentOrders?: FulfillmentOrder[] };

export interface StoreWrite {
  connection: ConnectionRow;
  orderId: string;
  platformOrderId: string;
  orderNumber: string;
  platformCustomerId: string | null;
  /** The outbox key: the same on every attempt of the same action. */
  key: string;
  /** The run and flow that asked; null for a merchant's action on the order page. */
  runId: string | null;
  flowName: string | null;
  request: WriteRequest;
  /** Done only when the connection has write-back on; otherwise answered as skipped (the tag steps). */
  optional?: boolean;
}

/** How long an unreachable platform waits before the step is tried again (the run shows "waiting for network"). */
export const NETWORK_RETRY_MS = 30_000;
/** A platform's "retry after" longer than this parks the run (a visible wait) instead of a quick retry. */
const PARK_AFTER_MS = 60_000;

/**
 * One write to a store's own platform through its outbox (issue 13, reference §9.2), for a
 * flow's step and for a merchant's action on the order page alike: each call recorded before
 * it is made (pending → sent → confirmed | failed). A row left `sent` (a crash, an answer that
 * never came) is not resent blindly: unless the call is naturally idempotent, the platform's
 * state is read first, and the write completes from what it finds. Failures are thrown sorted:
 * a plain Error (final), RetryableError, DeferStepError (throttled long, unreachable), and
 * SkipStepError (write-back off, the platform cannot).
 */
export function createStoreWriter(d: { repos: Repositories; apis: StoreApis; now: () => number }) {
  const { repos, apis, now } = d;

  function sorted(error: unknown, key: string, label: string): never {
    if (error instanceof StoreApiError) {
      const words = `${label}: ${error.message}`;
      switch (error.failure) {
        case 'final':
          repos.outbox.fail(key, words, now());
          throw new Error(words);
        case 'throttled': {
          repos.outbox.markPending(key, words, now());
          const wait = error.retryAfterMs ?? 5_000;
          if (wait > PARK_AFTER_MS) throw new DeferStepError(words, now() + wait, { code: 'rate_limited', args: { provider: label, seconds: String(Math.ceil(wait / 1000)) } });
          throw new RetryableError(words);
        }
        case 'unreachable':
          repos.outbox.markPending(key, words, now());
          throw new DeferStepError(words, now() + NETWORK_RETRY_MS, { code: 'waiting_for_network', args: { provider: label } });
        case 'maybe_applied':
          throw new RetryableError(`${words}; Flowdesk reads the order on ${label} before trying again, so it is not done twice`);
      }
    }
    // Anything else (a bug, an unreadable answer) may have happened after the call left.
    throw new RetryableError(`${label}: ${(error as Error).message ?? String(error)}`);
  }

  /** An FO action found done without the platform's answer (a confirmed row, a check): its FOs read now, if they can be. */
  async function withFos(client: StoreClient, w: StoreWrite, result: StoreWriteResult): Promise<StoreWriteResult> {
    if (w.request.action !== 'fulfillment_order.act' || result.fulfillmentOrders || !client.fulfillmentOrders) return result;
    try {
      return { ...result, fulfillmentOrders: await client.fulfillmentOrders.forOrder(w.platformOrderId) };
    } catch {
      return result;
    }
  }

  async function write(w: StoreWrite): Promise<StoreWriteResult> {
    const c = w.connection;
    const label = platformLabels[c.platform];
    const action = w.request.action;
    const base = { platform: label, action, answer: null };
    if (!c.api.writeBack) {
      if (w.optional) return { ...base, written: false, skipped: 'write-back is off for this connection' };
      throw new SkipStepError(`write-back is off for the connection "${c.name}": turn it on under Connections → API access to let flows change ${label} orders`, { code: 'write_back_off', args: { connection: c.name, platform: label } });
    }
    if (writeBackSupport[c.platform][action] === 'no') {
      if (w.optional) return { ...base, written: false, skipped: `${label} cannot do this through its API` };
      throw new SkipStepError(`${label} cannot do this through its API`, { code: 'platform_cannot', args: { platform: label, action } });
    }
    // Seed 002: an order processed at the store has its status no longer synced back to the marketplace.
    const atStore = processAtStoreRefusal(repos, w.orderId, action);
    if (atStore) throw new SkipStepError(atStore.text, { code: 'processed_at_store', args: { platform: atStore.platform } });
    if (action === 'customer.tags.add' && !w.platformCustomerId) {
      throw new SkipStepError(`the order has no ${label} customer to tag`, { code: 'no_platform_customer', args: { platform: label } });
    }
    const { key } = w;
    const target: WriteTarget = { platformOrderId: w.platformOrderId, orderNumber: w.orderNumber, platformCustomerId: w.platformCustomerId, key };
    let client: StoreClient;
    try {
      client = apis.client(c);
    } catch (error) {
      if (error instanceof StoreApiError) throw new Error(`${label}: ${error.message}`, { cause: error });
      throw error;
    }
    const row = repos.outbox.open({ key, runId: w.runId, flowName: w.flowName, orderId: w.orderId, connectionId: c.id, platform: c.platform, platformOrderId: w.platformOrderId, request: w.request, nowMs: now() });
    if (row.state === 'confirmed') return withFos(client, w, { ...base, written: true, answer: row.answer });
    if (row.state === 'failed') throw new Error(row.answer ?? `${label} refused it`);
    if (row.state === 'sent' && !client.naturallyIdempotent(w.request)) {
      // The last attempt's call left and its outcome is unknown: look before sending again.
      let seen;
      try {
        seen = await client.check(w.request, target);
      } catch (error) {
        sorted(error, key, label);
      }
      if (seen.applied) {
        repos.outbox.confirm(key, seen.answer, now());
        return withFos(client, w, { ...base, written: true, answer: seen.answer, already: true });
      }
    }
    repos.outbox.markSent(key, now());
    try {
      const done = await client.write(w.request, target);
      repos.outbox.confirm(key, done.answer, now());
      return { ...base, written: true, answer: done.answer, ...(done.fulfillmentOrders ? { fulfillmentOrders: done.fulfillmentOrders } : {}) };
    } catch (error) {
      sorted(error, key, label);
    }
  }

  return { write };
}
export type StoreWriter = ReturnType<typeof createStoreWriter>;
