import { expect } from 'vitest';
import type { InboxEntryDto } from '../../../engine/contract/index.ts';
import type { Engine } from '../../../engine/create-engine.ts';

export async function allInbox(engine: Engine): Promise<InboxEntryDto[]> {
  const out: InboxEntryDto[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const page = await engine.call('inbox.list', { limit: 1000, ...(beforeId === undefined ? {} : { beforeId }) });
    out.push(...page);
    if (page.length < 1000) return out;
    beforeId = page.at(-1)!.id;
  }
}

/**
 * Nothing but an accepted delivery changed an order or made a customer: every inbox entry that
 * became an order, and every delivery on an order's timeline, is an accepted one; every
 * customer was made by one of those deliveries (its creation is on that order's timeline). Returns the counts, for the log.
 */
export async function expectOnlyAcceptedDeliveriesChangedOrders(engine: Engine): Promise<{ orders: number; accepted: number; inbox: number }> {
  const inbox = await allInbox(engine);
  const byId = new Map(inbox.map((e) => [e.id, e]));
  for (const e of inbox) {
    if (e.orderId !== null) expect(e.verdict, `inbox ${e.id} became order ${e.orderId}`).toBe('accepted');
    if (e.verdict !== 'accepted') expect(e.processing, `inbox ${e.id} (${e.verdict})`).toBe('not_processed');
  }
  const orders = (await engine.call('orders.list', { limit: 1000 })).rows;
  // Customers made from orders: each one's creation is on the timeline of the order it came from.
  const madeByDeliveries = new Set<unknown>();
  for (const o of orders) {
    const detail = await engine.call('orders.get', { ref: o.id });
    const fromDeliveries = detail.timeline.filter((x) => x.inboxId !== null);
    expect(fromDeliveries.length, `order ${o.id} has no delivery`).toBeGreaterThan(0);
    for (const x of fromDeliveries) expect(byId.get(x.inboxId!)?.verdict, `timeline ${x.id} of order ${o.number}`).toBe('accepted');
    for (const x of detail.timeline) if (x.data?.kind === 'customer') madeByDeliveries.add(x.data.customerId);
  }
  for (const c of await engine.call('customers.list', { limit: 1000 })) {
    expect(madeByDeliveries.has(c.id), `customer ${c.id} was not made by an accepted delivery`).toBe(true);
  }
  return { orders: orders.length, accepted: inbox.filter((e) => e.verdict === 'accepted').length, inbox: inbox.length };
}
