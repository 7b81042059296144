import { z } from 'zod';
import type { WriteRequestOf } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import { jsonId, lazadaCall, type LazadaSession } from './lazada-call.ts';
import { isLive, isReadyOrLater, itemParcels, parcelWords, readItems, statusWords, type LazadaWriteItem } from './lazada-items.ts';

/**
 * marketplace.ready_to_ship (reference §5 Pack / RTS): /order/items/get, then
 * /order/fulfill/pack for the items without a package, then /order/package/rts for every
 * package not yet ready to ship. State-guarded (§9.2): whatever the items show as done is
 * skipped, so a retry after a dropped answer never packs twice.
 */
const Flag = z.union([z.string(), z.boolean(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v)));
const Text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v)));

/** One item's or package's result: the outer code "0" does not mean each one succeeded. */
const ItemResult = z.looseObject({
  order_item_id: Text,
  package_id: Text,
  tracking_number: Text,
  shipment_provider: Text,
  item_err_code: Text,
  msg: Text,
  retry: Flag,
});
type ItemResult = z.infer<typeof ItemResult>;

const Result = <T extends z.ZodType>(data: T) =>
  z.looseObject({ result: z.looseObject({ data: data.nullish(), success: Flag, error_code: Text, error_msg: Text, errorMsg: Text }) });
const PackAnswer = Result(z.looseObject({ pack_order_list: z.array(z.looseObject({ order_item_list: z.array(ItemResult).default([]) })).default([]) }));
const RtsAnswer = Result(z.looseObject({ packages: z.array(ItemResult).default([]) }));

const ok = (r: ItemResult) => r.item_err_code === '0' || r.item_err_code === '';

function refusedBatch(what: string, r: { success: string; error_code: string; error_msg: string; errorMsg: string }): StoreApiError | null {
  if (r.success !== 'false') return null;
  const said = r.error_msg || r.errorMsg || 'no reason given';
  return new StoreApiError('final', `Lazada refused to ${what}: ${said}${r.error_code ? ` (${r.error_code})` : ''}`, { platformCode: r.error_code || null });
}

/** Items that failed: `retry: true` may pass next time (checked first), the rest are Lazada's final word. */
function failed(what: string, results: ItemResult[], idOf: (r: ItemResult) => string): StoreApiError | null {
  const bad = results.filter((r) => !ok(r));
  if (bad.length === 0) return null;
  const words = bad.map((r) => `${idOf(r)}: ${r.msg || 'failed'} (${r.item_err_code})`).join('; ');
  const retry = bad.every((r) => r.retry === 'true');
  return retry
    ? new StoreApiError('maybe_applied', `Lazada could not ${what} yet (${words}); Lazada says it can be tried again`, { platformCode: bad[0]!.item_err_code })
    : new StoreApiError('final', `Lazada refused to ${what}: ${words}`, { platformCode: bad[0]!.item_err_code });
}

async function pack(s: LazadaSession, req: WriteRequestOf<'marketplace.ready_to_ship'>, orderId: string, items: LazadaWriteItem[]): Promise<ItemResult[]> {
  const packReq = {
    pack_order_list: [{ order_item_list: items.map((i) => jsonId(i.order_item_id)), order_id: jsonId(orderId) }],
    delivery_type: req.deliveryType,
    // Local (TFS) and DBS stores send no provider: Lazada allocates one (reference §5).
    ...(req.shipmentProvider ? { shipment_provider_code: req.shipmentProvider } : {}),
    shipping_allocate_type: 'TFS',
  };
  const what = `pack order ${orderId}`;
  const env = await lazadaCall(s, { method: 'POST', path: '/order/fulfill/pack', params: { packReq: JSON.stringify(packReq) }, changes: true, what });
  const answer = PackAnswer.safeParse(env);
  if (!answer.success) throw new StoreApiError('maybe_applied', `Lazada answered the packing of order ${orderId} in a shape Flowdesk does not know: the items will be read before anything is resent`);
  const refused = refusedBatch(what, answer.data.result);
  if (refused) throw refused;
  const results = (answer.data.result.data?.pack_order_list ?? []).flatMap((o) => o.order_item_list);
  const err = failed(what, results, (r) => `item ${r.order_item_id}`);
  if (err) throw err;
  return results;
}

/** RTS for these packages; a package Lazada says is past packing (700000) counts as done when the items say so. */
async function readyToShip(s: LazadaSession, orderId: string, packages: string[]): Promise<void> {
  const what = `set order ${orderId} ready to ship`;
  let results: ItemResult[];
  try {
    const readyToShipReq = { packages: packages.map((p) => ({ package_id: p })) };
    const env = await lazadaCall(s, { method: 'POST', path: '/order/package/rts', params: { readyToShipReq: JSON.stringify(readyToShipReq) }, changes: true, what });
    const answer = RtsAnswer.safeParse(env);
    if (!answer.success) throw new StoreApiError('maybe_applied', `Lazada answered the ready-to-ship of order ${orderId} in a shape Flowdesk does not know: the items will be read before anything is resent`);
    const refused = refusedBatch(what, answer.data.result);
    if (refused) throw refused;
    results = answer.data.result.data?.packages ?? [];
  } catch (e) {
    if (!(e instanceof StoreApiError) || e.platformCode !== '700000') throw e;
    results = packages.map((p) => ({ package_id: p, item_err_code: '700000', msg: e.message, retry: 'false', order_item_id: '', tracking_number: '', shipment_provider: '' }));
  }
  const notAllowed = results.filter((r) => r.item_err_code === '700000');
  if (notAllowed.length > 0) {
    const now = await readItems(s, orderId);
    const done = (p: string) => now.filter((i) => i.package_id === p && isLive(i)).every(isReadyOrLater);
    results = results.filter((r) => r.item_err_code !== '700000' || !done(r.package_id));
  }
  const err = failed(what, results, (r) => `package ${r.package_id}`);
  if (err) throw err;
}

export async function writeReadyToShip(s: LazadaSession, req: WriteRequestOf<'marketplace.ready_to_ship'>, target: WriteTarget): Promise<WriteAnswer> {
  const orderId = target.platformOrderId;
  const items = await readItems(s, orderId);
  const live = items.filter(isLive);
  if (live.length === 0) throw new StoreApiError('final', `Every item of Lazada order ${target.orderNumber} is canceled: there is nothing to ship`);
  if (live.some((i) => i.status.toLowerCase() === 'unpaid')) throw new StoreApiError('final', `Lazada order ${target.orderNumber} is not paid yet: it cannot be packed`);
  const waiting = live.filter((i) => !isReadyOrLater(i));
  if (waiting.length === 0) return { answer: `Lazada order ${target.orderNumber} was already ready to ship: ${parcelWords(itemParcels(live))}` };

  const toPack = waiting.filter((i) => !i.package_id);
  const packed = toPack.length > 0 ? await pack(s, req, orderId, toPack) : [];
  const packages = [...new Set([...waiting.map((i) => i.package_id ?? ''), ...packed.map((r) => r.package_id)].filter(Boolean))];
  if (packages.length === 0) throw new StoreApiError('maybe_applied', `Lazada packed order ${target.orderNumber} without naming a package: the items will be read before anything is resent`);
  await readyToShip(s, orderId, packages);

  const parcels = [
    ...packed.map((r) => ({ tracking: r.tracking_number, provider: r.shipment_provider })),
    ...itemParcels(live.filter((i) => i.package_id)),
  ];
  const how = toPack.length > 0 ? `packed order ${target.orderNumber} and set it ready to ship` : `set order ${target.orderNumber} ready to ship (it was already packed)`;
  return { answer: `Lazada ${how}: ${parcelWords(parcels)}` };
}

/** Applied when every live item is ready to ship (or further along); packed-only items are resumed by `write`. */
export async function checkReadyToShip(s: LazadaSession, target: WriteTarget): Promise<CheckAnswer> {
  const live = (await readItems(s, target.platformOrderId)).filter(isLive);
  if (live.length === 0 || !live.every(isReadyOrLater)) return { applied: false };
  return { applied: true, answer: `Lazada order ${target.orderNumber} is ready to ship (${statusWords(live)}): ${parcelWords(itemParcels(live))}` };
}
