import type { WriteRequestOf } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import { str, type RestRecord } from './rest-dialect.ts';
import { field, restCall, type RestConnection } from './rest-http.ts';
import { orderPath, readOrder } from './rest-orders.ts';

/**
 * The order's state changes: payment, cancel, close, shipment. None is idempotent on the
 * platform (a second capture or fulfillment is a second one; a second cancel is refused), so
 * `check` reads the order's state first (§9.2) before anything is resent.
 */

const amount = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};
const round = (n: number) => Math.round(n * 100) / 100;
const money = (n: number, order: RestRecord) => `${n} ${str(order['currency']) ?? 'VND'}`;

const isPaid = (order: RestRecord) => order['financial_status'] === 'paid';

/** What is still owed: the total less the successful captures and sales the order's transactions show. */
async function outstanding(c: RestConnection, id: string, order: RestRecord): Promise<number> {
  const answer = await restCall(c, { method: 'GET', path: orderPath(id, '/transactions'), changes: false, scope: c.dialect.scopes.readOrders });
  const txs = (answer.json as { transactions?: unknown } | null)?.transactions;
  const paid = (Array.isArray(txs) ? (txs as RestRecord[]) : [])
    .filter((t) => ['capture', 'sale'].includes(String(t['kind']).toLowerCase()) && String(t['status'] ?? 'success').toLowerCase() === 'success')
    .reduce((sum, t) => sum + amount(t['amount']), 0);
  return round(amount(order['total_price']) - paid);
}

/** Mark paid: a capture transaction for the amount still owed (Haravan's documented way; Sapo's is the same call). */
export async function markPaid(c: RestConnection, target: WriteTarget): Promise<WriteAnswer> {
  const { name } = c.dialect;
  const order = await readOrder(c, target.platformOrderId);
  if (isPaid(order)) return { answer: `order ${target.orderNumber} is already paid on ${name}; nothing recorded` };
  const owed = await outstanding(c, target.platformOrderId, order);
  if (owed <= 0) throw new StoreApiError('final', `${name} shows nothing owed on order ${target.orderNumber}, yet its payment status is "${String(order['financial_status'])}": check the order's payments in ${name}`);
  const answer = await restCall(c, {
    method: 'POST',
    path: orderPath(target.platformOrderId, '/transactions'),
    body: { transaction: { amount: owed, kind: c.dialect.captureKind(c.ctx.api.options) } },
    changes: true,
    scope: c.dialect.scopes.writeOrders,
  });
  const tx = field(answer.json, 'transaction');
  const status = tx ? str(tx['status']) : null;
  if (status && status.toLowerCase() !== 'success') {
    throw new StoreApiError('final', `${name} recorded the capture of ${money(owed, order)} on order ${target.orderNumber} as "${status}": the order is not paid`);
  }
  return { answer: `${name} recorded a capture of ${money(owed, order)} on order ${target.orderNumber}${tx?.['id'] !== undefined ? ` (transaction ${String(tx['id'])})` : ''}` };
}

/** Cancel (Haravan): `POST /orders/{id}/cancel.json`; the staff note goes in Haravan's `note`. */
export async function cancelOrder(c: RestConnection, req: WriteRequestOf<'order.cancel'>, target: WriteTarget): Promise<WriteAnswer> {
  const body = { reason: req.reason, restock: req.restock, email: req.notifyCustomer, ...(req.staffNote ? { note: req.staffNote } : {}) };
  const answer = await restCall(c, { method: 'POST', path: orderPath(target.platformOrderId, '/cancel'), body, changes: true, scope: c.dialect.scopes.writeOrders });
  const order = field(answer.json, 'order');
  const at = order ? str(order[c.dialect.times.cancelled]) : null;
  return { answer: `${c.dialect.name} cancelled order ${target.orderNumber} (reason ${req.reason}${req.restock ? ', items restocked' : ''}${req.notifyCustomer ? ', customer emailed' : ''})${at ? ` at ${at}` : ''}` };
}

/** Close (archive): `POST /orders/{id}/close.json` with `{}`. */
export async function closeOrder(c: RestConnection, target: WriteTarget): Promise<WriteAnswer> {
  const answer = await restCall(c, { method: 'POST', path: orderPath(target.platformOrderId, '/close'), body: {}, changes: true, scope: c.dialect.scopes.writeOrders });
  const order = field(answer.json, 'order');
  const at = order ? str(order[c.dialect.times.closed]) : null;
  return { answer: `${c.dialect.name} closed order ${target.orderNumber}${at ? ` at ${at}` : ''}` };
}

/**
 * Fulfil with tracking: `POST /orders/{id}/fulfillments.json`. The body is Shopify's classic
 * one, [UNVERIFIED] on both platforms (reference §2 and §3.1 name the fields, not a verified
 * request); without `line_items` every remaining item is fulfilled.
 */
export async function fulfilOrder(c: RestConnection, req: WriteRequestOf<'order.fulfil'>, target: WriteTarget): Promise<WriteAnswer> {
  const fulfillment = {
    ...(req.trackingNumber ? { tracking_number: req.trackingNumber } : {}),
    ...(req.carrier ? { tracking_company: req.carrier } : {}),
    ...(req.trackingUrl ? { tracking_url: req.trackingUrl } : {}),
    notify_customer: req.notifyCustomer,
  };
  const answer = await restCall(c, { method: 'POST', path: orderPath(target.platformOrderId, '/fulfillments'), body: { fulfillment }, changes: true, scope: c.dialect.scopes.writeOrders });
  const made = field(answer.json, 'fulfillment');
  const tracking = req.trackingNumber ? ` with tracking ${req.trackingNumber}${req.carrier ? ` (${req.carrier})` : ''}` : '';
  return { answer: `${c.dialect.name} created ${made?.['id'] !== undefined ? `fulfillment ${String(made['id'])}` : 'a fulfillment'} for order ${target.orderNumber}${tracking}` };
}

function trackingNumbers(order: RestRecord): string[] {
  const shipments = Array.isArray(order['fulfillments']) ? (order['fulfillments'] as RestRecord[]) : [];
  return shipments.flatMap((f) => [f['tracking_number'], ...(Array.isArray(f['tracking_numbers']) ? f['tracking_numbers'] : [])]).flatMap((t) => (str(t) ? [String(t)] : []));
}

/** Reads the order: is the state the action leads to already there? */
export async function checkStatus(c: RestConnection, req: WriteRequestOf<'order.mark_paid' | 'order.cancel' | 'order.close' | 'order.fulfil'>, target: WriteTarget): Promise<CheckAnswer> {
  const { name, times } = c.dialect;
  const order = await readOrder(c, target.platformOrderId);
  const on = `order ${target.orderNumber} on ${name}`;
  switch (req.action) {
    case 'order.mark_paid':
      return isPaid(order) ? { applied: true, answer: `${on} is paid` } : { applied: false };
    case 'order.cancel':
      return str(order[times.cancelled]) || order['cancelled_status'] === 'cancelled' ? { applied: true, answer: `${on} is cancelled` } : { applied: false };
    case 'order.close':
      return str(order[times.closed]) || order['closed_status'] === 'closed' ? { applied: true, answer: `${on} is closed` } : { applied: false };
    case 'order.fulfil':
      // Without a tracking number there is nothing to recognise the shipment by but the order's fulfilment.
      if (!req.trackingNumber) return order['fulfillment_status'] === 'fulfilled' ? { applied: true, answer: `${on} is fulfilled` } : { applied: false };
      return trackingNumbers(order).includes(req.trackingNumber) ? { applied: true, answer: `${on} already has a fulfillment with tracking ${req.trackingNumber}` } : { applied: false };
  }
}
