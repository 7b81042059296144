import type { TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import { mergeTags } from '../storage/repos/orders-repo.ts';
import type { Effect } from './effects.ts';

/** Applies a step's effects; call inside the transaction that records the step. */
export function applyEffects(
  repos: Repositories,
  effects: readonly Effect[],
  at: { ms: number; iso: string; runId: string; flowName: string },
): TimelineEntryDto[] {
  const entries: TimelineEntryDto[] = [];
  for (const e of effects) {
    switch (e.kind) {
      case 'order.addTags': {
        const order = repos.orders.get(e.orderId);
        if (!order) throw new Error(`order ${e.orderId} is gone`);
        const before = mergeTags(order.order.tags, order.localTags);
        const added = e.tags.filter((t) => !before.some((b) => b.toLowerCase() === t.toLowerCase()));
        repos.orders.setLocalTags(e.orderId, mergeTags(order.localTags, e.tags), at.iso);
        entries.push(repos.timeline.append({
          orderId: e.orderId, atMs: at.ms, kind: 'tag_added', runId: at.runId,
          title: added.length > 0 ? `Tag ${added.join(', ')} added by "${at.flowName}"` : `Tag ${e.tags.join(', ')} already on the order`,
          detail: { tags: e.tags, added },
        }));
        break;
      }
      case 'customer.addTags': {
        const customer = repos.customers.get(e.customerId);
        if (!customer) throw new Error(`customer ${e.customerId} is gone`);
        repos.customers.update({ ...customer, tags: mergeTags(customer.tags, e.tags), updatedAt: at.iso });
        break;
      }
      case 'timeline.note':
        entries.push(repos.timeline.append({
          orderId: e.orderId, atMs: at.ms, kind: 'note', runId: at.runId, title: e.text, detail: { by: at.flowName },
        }));
        break;
    }
  }
  return entries;
}
