import { platformLabels, writeBackSupport, type WriteRequest } from '../../contract/index.ts';
import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { defineIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import { DeferStepError, RetryableError, SkipStepError } from '../../shared/errors.ts';
import { StoreApiError } from './store-api-error.ts';
import type { StoreApis } from './store-apis.ts';
import type { WriteTarget } from './store-client.ts';

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

/** What a write-back step records as its result (and its timeline entry says). */
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

/** How long an unreachable platform waits before the step is tried again (the run shows "waiting for network"). */
export const NETWORK_RETRY_MS = 30_000;
/** A platform's "retry after" longer than this parks the run (a visible wait) instead of a quick retry. */
const PARK_AFTER_MS = 60_000;

/**
 * The write-back connector (issue 13, reference §9.2): each call recorded in the outbox before
 * it is made (pending → sent → confirmed | failed). A row left `sent` (a crash, an answer that
 * never came) is not resent blindly: unless the call is naturally idempotent, the platform's
 * state is read first, and the step completes from what it finds.
 */
export function writeBackIntentHandlers(repos: Repositories, timeline: Timeline, apis: StoreApis, now: () => number): IntentHandler[] {
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

  return [
    defineIntentHandler({
      kind: 'store.write',
      mode: 'external',
      describe: (intent) => {
        const c = repos.connections.get(intent.connectionId);
        return { platform: c ? platformLabels[c.platform] : null, order: intent.orderNumber, ...intent.request };
      },
      // An optional write (the tag steps) on a connection without write-back is not done: a dry run does not list it.
      wouldDo: (intent) => !intent.optional || repos.connections.get(intent.connectionId)?.api.writeBack === true,
      async perform(intent, ctx): Promise<WriteBackResult> {
        const c = repos.connections.get(intent.connectionId);
        if (!c) throw new Error(`the order's connection ${intent.connectionId} was removed: there is no store to write to`);
        const label = platformLabels[c.platform];
        const action = intent.request.action;
        const base = { platform: label, action, answer: null };
        if (!c.api.writeBack) {
          if (intent.optional) return { ...base, written: false, skipped: 'write-back is off for this connection' };
          throw new SkipStepError(`write-back is off for the connection "${c.name}": turn it on under Connections → API access to let flows change ${label} orders`, { code: 'write_back_off', args: { connection: c.name, platform: label } });
        }
        if (writeBackSupport[c.platform][action] === 'no') {
          if (intent.optional) return { ...base, written: false, skipped: `${label} cannot do this through its API` };
          throw new SkipStepError(`${label} cannot do this through its API`, { code: 'platform_cannot', args: { platform: label, action } });
        }
        if (action === 'customer.tags.add' && !intent.platformCustomerId) {
          throw new SkipStepError(`the order has no ${label} customer to tag`, { code: 'no_platform_customer', args: { platform: label } });
        }
        const key = ctx.idempotencyKey;
        const target: WriteTarget = { platformOrderId: intent.platformOrderId, orderNumber: intent.orderNumber, platformCustomerId: intent.platformCustomerId, key };
        let client;
        try {
          client = apis.client(c);
        } catch (error) {
          if (error instanceof StoreApiError) throw new Error(`${label}: ${error.message}`, { cause: error });
          throw error;
        }
        const row = repos.outbox.open({ key, runId: ctx.runId, flowName: ctx.flowName, orderId: intent.orderId, connectionId: c.id, platform: c.platform, platformOrderId: intent.platformOrderId, request: intent.request, nowMs: now() });
        if (row.state === 'confirmed') return { ...base, written: true, answer: row.answer };
        if (row.state === 'failed') throw new Error(row.answer ?? `${label} refused it`);
        if (row.state === 'sent' && !client.naturallyIdempotent(intent.request)) {
          // The last attempt's call left and its outcome is unknown: look before sending again.
          let seen;
          try {
            seen = await client.check(intent.request, target);
          } catch (error) {
            sorted(error, key, label);
          }
          if (seen.applied) {
            repos.outbox.confirm(key, seen.answer, now());
            return { ...base, written: true, answer: seen.answer, already: true };
          }
        }
        repos.outbox.markSent(key, now());
        try {
          const done = await client.write(intent.request, target);
          repos.outbox.confirm(key, done.answer, now());
          return { ...base, written: true, answer: done.answer };
        } catch (error) {
          sorted(error, key, label);
        }
      },
      recorded(intent, result, ctx: IntentContext) {
        const r = result as WriteBackResult | undefined;
        if (!r?.written) return [];
        const c = repos.connections.get(intent.connectionId);
        return [timeline.append(intent.orderId, ctx.atMs, {
          kind: 'write_back', platform: c?.platform ?? null, action: r.action, answer: r.answer, already: r.already === true, connectionName: c?.name ?? null, flowName: ctx.flowName,
        }, { runId: ctx.runId })];
      },
    }),
  ];
}
