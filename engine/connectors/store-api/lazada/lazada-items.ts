import { z } from 'zod';
import { LazadaApiItem } from '../../../platforms/lazada/lazada-payload.ts';
import { isCanceled } from '../../../platforms/lazada/lazada-status.ts';
import { StoreApiError } from '../store-api-error.ts';
import { lazadaCall, type LazadaSession } from './lazada-call.ts';

/** /order/items/get rows with what write-back reads besides the adapter's fields (reference §5 Read). */
export const LazadaWriteItem = LazadaApiItem.extend({
  package_id: z.string().nullish(),
  tracking_code: z.string().nullish(),
  shipment_provider: z.string().nullish(),
});
export type LazadaWriteItem = z.infer<typeof LazadaWriteItem>;

/** Items not yet handed to ready-to-ship: packing or RTS still to do. */
const beforeRts = new Set(['unpaid', 'pending', 'packed', 'repacked', 'topack']);
/** Items a seller may cancel: Pending … Ready to ship (reference §5 Seller cancel). */
const cancellable = new Set(['pending', 'packed', 'repacked', 'topack', 'ready_to_ship_pending', 'ready_to_ship', 'toship']);

export const isLive = (i: LazadaWriteItem) => !isCanceled(i.status);
export const isReadyOrLater = (i: LazadaWriteItem) => isLive(i) && !beforeRts.has(i.status.toLowerCase());
export const isCancellable = (i: LazadaWriteItem) => cancellable.has(i.status.toLowerCase());

export async function readItems(s: LazadaSession, orderId: string): Promise<LazadaWriteItem[]> {
  const env = await lazadaCall(s, { method: 'GET', path: '/order/items/get', params: { order_id: orderId }, changes: false, what: `read the items of order ${orderId}` });
  const items = z.array(LazadaWriteItem).safeParse(env['data'] ?? []);
  if (!items.success) throw new StoreApiError('final', `Lazada answered /order/items/get for order ${orderId} with something that is not a list of items`);
  if (items.data.length === 0) throw new StoreApiError('final', `Lazada has no items for order ${orderId}: check that the order belongs to this seller`);
  return items.data;
}

/** "tracking number X with Flash Express" for each parcel, from the items (or the pack answer). */
export function parcelWords(parcels: readonly { tracking: string; provider: string }[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const p of parcels) {
    const w = p.tracking ? `tracking number ${p.tracking}${p.provider ? ` with ${p.provider}` : ''}` : p.provider ? `shipped with ${p.provider}` : '';
    if (!w || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words.length > 0 ? words.join('; ') : 'no tracking number yet';
}

export const itemParcels = (items: readonly LazadaWriteItem[]) => items.map((i) => ({ tracking: i.tracking_code ?? '', provider: i.shipment_provider ?? '' }));

export function statusWords(items: readonly LazadaWriteItem[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
}
