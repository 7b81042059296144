import { z } from 'zod';
import type { WriteRequestOf } from '../../../contract/index.ts';
import { isCanceled } from '../../../platforms/lazada/lazada-status.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import { jsonId, lazadaCall, type LazadaSession } from './lazada-call.ts';
import { isCancellable, readItems, statusWords } from './lazada-items.ts';

/**
 * marketplace.cancel (reference §5 Seller cancel, item level): /order/items/get for the items a
 * seller may still cancel, /order/reverse/cancel/validate for the reasons Lazada offers on this
 * order, then /order/reverse/cancel/create. Lazada's tip ("stock may have been set to 0") is
 * kept in the answer: an "Out of Stock" or "Wrong Price" cancel zeroes the SKU's stock.
 */
const Text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v)));
const Validate = z.looseObject({
  reason_options: z.array(z.looseObject({ reason_id: Text, reason_name: Text })).nullish(),
  tip_content: Text,
  tip_type: Text,
});
const Created = z.looseObject({ tip_content: Text, tip_type: Text });

/** The id list as the validate/create calls take it: a JSON array in one parameter [UNVERIFIED: numbers, as pack's ids]. */
const idList = (ids: string[]) => JSON.stringify(ids.map(jsonId));

export async function writeMarketplaceCancel(s: LazadaSession, req: WriteRequestOf<'marketplace.cancel'>, target: WriteTarget): Promise<WriteAnswer> {
  const orderId = target.platformOrderId;
  const items = await readItems(s, orderId);
  const open = items.filter(isCancellable);
  if (open.length === 0) {
    if (items.every((i) => isCanceled(i.status))) return { answer: `Lazada order ${target.orderNumber} was already canceled` };
    throw new StoreApiError('final', `Lazada lets a seller cancel only items that are pending, packed or ready to ship; order ${target.orderNumber} has ${statusWords(items)}`);
  }
  const ids = open.map((i) => i.order_item_id);
  const params = { order_id: orderId, order_item_id_list: idList(ids) };
  const validated = await lazadaCall(s, { method: 'GET', path: '/order/reverse/cancel/validate', params, changes: false, what: `check the cancel of order ${orderId}` });
  const v = Validate.safeParse(validated['data'] ?? {});
  if (!v.success) throw new StoreApiError('final', `Lazada answered the cancel check of order ${target.orderNumber} in a shape Flowdesk does not know`);
  if (v.data.tip_type === 'error') throw new StoreApiError('final', `Lazada will not cancel order ${target.orderNumber}: ${v.data.tip_content || 'no reason given'}`);
  const options = v.data.reason_options ?? [];
  const reason = options.find((o) => o.reason_id === req.reasonId);
  if (!reason) {
    const offered = options.length > 0 ? options.map((o) => `${o.reason_id} (${o.reason_name})`).join(', ') : 'none';
    throw new StoreApiError('final', `Lazada does not offer cancel reason ${req.reasonId} for order ${target.orderNumber}; it offers: ${offered}`);
  }

  const created = await lazadaCall(s, {
    method: 'GET',
    path: '/order/reverse/cancel/create',
    params: { ...params, reason_id: req.reasonId },
    // A GET that cancels: never repeated blindly; the items are read first.
    changes: true,
    what: `cancel order ${orderId}`,
  });
  const c = Created.safeParse(created['data'] ?? {});
  const tip = (c.success ? c.data.tip_content : '') || v.data.tip_content;
  const n = ids.length;
  return { answer: `Lazada canceled ${n} item${n === 1 ? '' : 's'} of order ${target.orderNumber} with reason "${reason.reason_name || reason.reason_id}"${tip ? `; Lazada says: ${tip}` : ''}` };
}

/** Applied when no item is left that a seller could cancel and some are canceled. */
export async function checkMarketplaceCancel(s: LazadaSession, target: WriteTarget): Promise<CheckAnswer> {
  const items = await readItems(s, target.platformOrderId);
  const canceled = items.filter((i) => isCanceled(i.status));
  if (canceled.length === 0 || items.some(isCancellable)) return { applied: false };
  return { applied: true, answer: `Lazada order ${target.orderNumber} is canceled (${statusWords(items)})` };
}

/**
 * order.cancel, Lazada's `workaround` (store-api.ts): Lazada cancels with one of the reason ids it
 * offers, not a free reason. "inventory" maps to its Out of Stock reason (an option, as the id
 * may differ by country [UNVERIFIED]); every other reason is refused with what to use instead.
 */
export function orderCancelAsMarketplace(req: WriteRequestOf<'order.cancel'>, outOfStockReasonId: string): WriteRequestOf<'marketplace.cancel'> {
  if (req.reason !== 'inventory') {
    throw new StoreApiError('final', `Lazada cancels item by item with a reason id it offers, and has none for "${req.reason}": use "Cancel on Lazada" with one of its reason ids (10000019 Sourcing Delay, 10000021 Out of Stock, 10000023 Wrong Price), or the reason "inventory"`);
  }
  if (req.restock) {
    // Lazada's Out of Stock cancel sets the SKU's stock to 0: the opposite of a restock.
    throw new StoreApiError('final', 'Lazada\'s Out of Stock cancel sets the product\'s stock to 0, the opposite of the restock this step asks for: turn restock off, or use "Cancel on Lazada"');
  }
  return { action: 'marketplace.cancel', reasonId: outOfStockReasonId };
}
