import type { CanonicalEvent, InboxEntryDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { Normalized } from '../platforms/adapter.ts';
import type { Job, Queue } from '../queue/queue.ts';
import type { ActiveFlows } from '../flows/active-flows.ts';
import { upsertCustomerFromOrder } from '../domain/customers.ts';
import { statusChanges, statusOf, versionMs } from '../domain/order-state.ts';
import { addedPlatformTags, deriveOrderEvents } from '../domain/order-events.ts';
import { newTags } from '../domain/tags.ts';
import { unmetRequirements } from '../flows/requirements.ts';
import { newId } from '../shared/ids.ts';
import type { RunStart } from '../nodes/node-type.ts';
import type { Timeline } from '../domain/timeline.ts';
import { RUN_JOB } from '../executor/sqlite-run-store.ts';
import { runReasonFields } from '../contract/index.ts';
import { ECHO_WINDOW_MS, echoOf } from '../domain/echoes.ts';
import { marketplaceStockEntries } from '../domain/inventory.ts';

/**
 * The loop guard (issue 13): a flow that has run this many times on one order for the same
 * event within the window is not started again, visibly (a write-back flow whose platform
 * echo was not recognised would otherwise run for ever).
 */
export const LOOP_LIMIT = 5;
export const LOOP_WINDOW_MS = 60_000;

export interface ApplyContext {
  repos: Repositories;
  timeline: Timeline;
  queue: Queue;
  activeFlows: ActiveFlows;
  connection: ConnectionRow;
  delivery: Pick<InboxEntryDto, 'id' | 'topic' | 'reason' | 'verdict' | 'deliveryKey' | 'receivedAt'> & { source?: InboxEntryDto['source'] };
  nowMs: number;
  /** The platform is a marketplace (its own status changes are events). */
  marketplace: boolean;
  /** Timeline entries written, to announce once the transaction commits. */
  emitted: TimelineEntryDto[];
  /** Run jobs created already leased, for this worker to run right after the commit. */
  runJobs: Job[];
  /** The runs it starts are dry runs (every action recorded as "would do"): an engine started by `flowdesk test`. */
  dryRun?: boolean;
}

/**
 * Applies one normalized order from a delivery: the canonical order (last write wins on the
 * platform's updated_at), the customer, the timeline, the canonical events, and a queued run
 * for each active flow they trigger. Call inside the delivery's transaction.
 */
export function applyOrder(c: ApplyContext, normalized: Normalized): { orderId: string; outcome: string } {
  const { repos, connection, delivery, nowMs } = c;
  const now = new Date(nowMs).toISOString();
  const inboxId = delivery.id;
  const incoming = normalized.order;
  const existing = repos.orders.getByPlatformId(connection.id, incoming.platformOrderId);
  const incomingMs = versionMs(incoming.updatedAt);
  const stale = existing !== undefined && incomingMs < existing.platformUpdatedMs;
  const orderId = existing?.id ?? newId('ord');
  const append = (atMs: number, data: Parameters<Timeline['append']>[2], runId: string | null = null) =>
    c.emitted.push(c.timeline.append(orderId, atMs, data, { inboxId, runId }));

  // The order's JSON, made once for its row and each event it starts.
  let orderJson: string | undefined;
  let customerId = existing?.customerId ?? null;
  let customerChange: 'created' | 'updated' | 'unchanged' | null = null;
  if (!stale) {
    const customer = upsertCustomerFromOrder(repos.customers, incoming, now);
    customerId = customer?.customer.id ?? customerId;
    customerChange = customer?.change ?? null;
    orderJson = JSON.stringify(incoming);
    repos.orders.save(orderId, connection.id, incoming, customerId, incomingMs, now, orderJson);
  }
  append(Date.parse(delivery.receivedAt), {
    kind: 'delivery', topic: delivery.topic, verdict: delivery.verdict, signature: delivery.reason, deliveryKey: delivery.deliveryKey, connectionName: connection.name,
    ...(delivery.source && delivery.source !== 'webhook' ? { source: delivery.source } : {}),
  });
  if (stale) {
    append(nowMs, { kind: 'stale_delivery', incomingUpdatedAt: incoming.updatedAt, storedUpdatedAt: existing!.order.updatedAt });
  } else if (!existing) {
    append(nowMs, { kind: 'order_created', number: incoming.number, ...statusOf(incoming) });
  } else {
    const changes = statusChanges(statusOf(existing.order), statusOf(incoming));
    if (Object.keys(changes).length > 0) append(nowMs, { kind: 'status_change', changes, source: delivery.topic });
  }

  // A stale delivery says nothing new: its events fired when the newer state arrived.
  const current = stale ? existing!.order : incoming;
  const previous = existing ? statusOf(existing.order) : null;
  const events = stale ? [] : deriveOrderEvents(existing?.order ?? null, incoming, { marketplace: c.marketplace });
  // Tags the platform added that a flow had already given the order (its localTags) are not new to it.
  const addedTags = existing && events.includes('order.tag_added') ? newTags(existing.localTags, addedPlatformTags(existing.order, incoming)) : [];
  if (addedTags.length === 0 && events.includes('order.tag_added')) events.splice(events.indexOf('order.tag_added'), 1);
  // What only shows Flowdesk's own write-back starts nothing: a flow cannot trigger itself through its platform.
  if (existing && events.length > 0) {
    const echo = echoOf(repos.outbox.recentlyConfirmed(connection.id, incoming.platformOrderId, nowMs - ECHO_WINDOW_MS), existing.order, incoming);
    if (echo) {
      append(nowMs, { kind: 'echo', actions: [...new Set(echo.map((w) => w.action))], flowNames: [...new Set(echo.flatMap((w) => (w.flowName ? [w.flowName] : [])))] });
      events.length = 0;
    }
  }
  if (customerChange === 'created' || customerChange === 'updated') {
    events.push(customerChange === 'created' ? 'customer.created' : 'customer.updated');
    const who = incoming.customer?.email ?? incoming.customer?.phone ?? incoming.shippingAddress?.phone ?? null;
    append(nowMs, { kind: 'customer', customerId, change: customerChange, who });
  }
  // Marketplace stock and returns (seed 002): taken once when placed, put back once on cancellation, a return only said.
  if (!stale && c.marketplace) for (const entry of marketplaceStockEntries(repos, connection.id, orderId, existing?.order ?? null, incoming, nowMs)) append(nowMs, entry);
  const storePlatforms = repos.connections.platformsOf(connection.store);
  let runs = 0;
  // The order is written once, in the first event; the others name that one (0028).
  let orderHolder: number | null = null;
  for (const type of events) {
    const tags = type === 'order.tag_added' ? addedTags : undefined;
    const event: CanonicalEvent = {
      type, platform: connection.platform, connectionId: connection.id, occurredAt: incoming.updatedAt, order: current, previous: stale ? null : previous, ...(tags ? { tags } : {}),
    };
    const eventId = repos.events.insert(inboxId, orderId, event, now, orderHolder !== null ? { from: orderHolder } : orderJson !== undefined ? { json: orderJson } : undefined);
    orderHolder ??= eventId;
    for (const flow of c.activeFlows.matching(type, connection.platform, tags)) {
      const runId = newId('run');
      const unmet = unmetRequirements(flow.requirements, storePlatforms);
      const recentRuns = existing ? repos.runs.countRecentOnOrder(orderId, flow.id, type, new Date(nowMs - LOOP_WINDOW_MS).toISOString()) : 0;
      const skip = unmet.length > 0
        ? runReasonFields({ code: 'missing_connection', args: { store: connection.store, platforms: unmet.join(', ') } })
        : recentRuns >= LOOP_LIMIT ? runReasonFields({ code: 'order_loop', args: { runs: String(recentRuns), seconds: String(LOOP_WINDOW_MS / 1000) } }) : null;
      const skipReason = skip?.reason ?? null;
      const created = repos.runs.insert({ id: runId, flowId: flow.id, flowVersion: flow.version, eventId, eventType: type, inboxId, orderId, dryRun: c.dryRun ?? false, createdAt: now, skipReason });
      if (!created) continue;
      runs++;
      if (skipReason) {
        append(nowMs, { kind: 'run', status: 'skipped', flowId: flow.id, flowName: flow.name, flowVersion: flow.version, eventType: type, ...skip }, runId);
      } else {
        const start: RunStart = {
          runId, flowId: flow.id, flowName: flow.name, flowVersion: flow.version, document: flow.document, customerId, dryRun: c.dryRun ?? false,
          data: {
            // `event.tags` for a tag event, as the run store reads it back after a restart.
            event: { type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId, ...(tags ? { tags } : {}) },
            order: { ...current, id: orderId },
            previous: event.previous,
          },
        };
        c.runJobs.push(c.queue.enqueueLeased(RUN_JOB, { runId }, { idempotencyKey: `run:${runId}` }, start));
      }
    }
  }
  const outcome = [
    stale ? `stale: order ${incoming.number} not overwritten` : `${existing ? 'updated' : 'created'} order ${incoming.number}`,
    events.length > 0 ? `events ${events.join(', ')}` : 'no event',
    `${runs} run${runs === 1 ? '' : 's'}`,
    ...(normalized.warnings ?? []).map((w) => `warning: ${w}`),
  ].join('; ');
  return { orderId, outcome };
}
