import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { mergeTags, newTags } from '../../domain/tags.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';

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
        const order = repos.orders.get(intent.orderId);
        if (!order) throw new Error(`order ${intent.orderId} is gone`);
        const added = newTags(mergeTags(order.order.tags, order.localTags), intent.tags);
        repos.orders.setLocalTags(intent.orderId, mergeTags(order.localTags, intent.tags), new Date(ctx.atMs).toISOString());
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
