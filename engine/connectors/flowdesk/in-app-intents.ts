import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { mergeTags, newTags } from '../../domain/tags.ts';
import { defineIntentHandler, type IntentHandler, type LocalIntentHandler } from '../../nodes/intents.ts';
import type { TagsAdded } from '../../domain/flow-runs.ts';
import type { TimelineEntryDto } from '../../contract/index.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** Adds tags to the order's Flowdesk copy (its `localTags`). */
    'order.addTags': { orderId: string; tags: string[] };
    'customer.addTags': { customerId: string; tags: string[] };
    /** A note on the order's timeline. */
    'timeline.note': { orderId: string; text: string };
  }
}

/**
 * The in-app connector: what a flow changes in Flowdesk's own data. Each change is applied in
 * the transaction that records its step, and says what it did on the order's timeline.
 */
export function inAppIntentHandlers(repos: Repositories, timeline: Timeline): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'order.addTags',
      mode: 'local',
      apply(intent, ctx) {
        const tags = repos.orders.tagsOf(intent.orderId);
        if (!tags) throw new Error(`order ${intent.orderId} is gone`);
        const added = newTags(mergeTags(tags.platformTags, tags.localTags), intent.tags);
        repos.orders.setLocalTags(intent.orderId, mergeTags(tags.localTags, intent.tags), new Date(ctx.atMs).toISOString());
        const entry = timeline.append(intent.orderId, ctx.atMs, { kind: 'tag_added', tags: intent.tags, added, target: 'order', flowName: ctx.flowName }, { runId: ctx.runId });
        return { result: { added }, entries: [entry] };
      },
    }),
    defineIntentHandler({
      kind: 'customer.addTags',
      mode: 'local',
      apply(intent, ctx) {
        const customer = repos.customers.get(intent.customerId);
        if (!customer) throw new Error(`customer ${intent.customerId} is gone`);
        const added = newTags(customer.tags, intent.tags);
        repos.customers.update({ ...customer, tags: mergeTags(customer.tags, intent.tags), updatedAt: new Date(ctx.atMs).toISOString() });
        const entries = ctx.orderId && added.length > 0
          ? [timeline.append(ctx.orderId, ctx.atMs, { kind: 'tag_added', tags: intent.tags, added, target: 'customer', flowName: ctx.flowName }, { runId: ctx.runId })]
          : [];
        return { result: { added }, entries };
      },
    }),
    defineIntentHandler({
      kind: 'timeline.note',
      mode: 'local',
      apply(intent, ctx) {
        const entry = timeline.append(intent.orderId, ctx.atMs, { kind: 'note', text: intent.text, by: ctx.flowName }, { runId: ctx.runId });
        return { entries: [entry] };
      },
    }),
  ];
}

/** The tag intents, and which target each one tags. */
const tagKinds: Record<string, TagsAdded['target']> = { 'order.addTags': 'order', 'customer.addTags': 'customer' };

/**
 * The tag handlers, made to report the tags they added (`onTagsAdded`, which fires
 * `order.tag_added` / `customer.tag_added` and queues the runs of the flows listening: see
 * domain/flow-runs.ts for what stops loops). Reported inside the step's transaction, so the
 * tags, the event and its runs land together or not at all. Only live runs get here: a dry run's
 * sink records intents and applies nothing, so it fires nothing. Added at the composition root,
 * which knows the active flows and the queue; the handlers themselves know only their data.
 */
export function reportingTagsAdded(handlers: readonly IntentHandler[], onTagsAdded: (fact: TagsAdded) => TimelineEntryDto[]): IntentHandler[] {
  return handlers.map((h) => {
    const target = tagKinds[h.kind];
    if (!target || h.mode !== 'local') return h;
    const inner = h as LocalIntentHandler;
    return {
      ...inner,
      apply(intent, ctx) {
        const done = inner.apply(intent, ctx);
        const added = (done.result as { added?: string[] } | undefined)?.added ?? [];
        if (added.length === 0) return done;
        const orderId = target === 'order' ? (intent as { orderId: string }).orderId : ctx.orderId;
        const fired = onTagsAdded({ target, orderId, added, flowId: ctx.flowId, runId: ctx.runId, atMs: ctx.atMs });
        return { ...done, entries: [...done.entries, ...fired] };
      },
    } satisfies LocalIntentHandler;
  });
}
