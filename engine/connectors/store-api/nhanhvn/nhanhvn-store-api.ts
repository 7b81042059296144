import type { WriteAction, WriteRequest, WriteRequestOf } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, StoreApiContext, StoreApiDefinition, StoreClient, WriteAnswer, WriteTarget } from '../store-client.ts';
import { callNhanh, NHANH } from './nhanhvn-call.ts';
import { listNhanhChanged } from './nhanhvn-reconcile.ts';

/**
 * Nhanh.vn through its Open API v3 (reference/platform-apis.md §6). Of the write-backs only the
 * order note is possible (the matrix's `workaround`): Nhanh has no call to tag, pay, cancel or
 * fulfil an existing order that is documented well enough to trust with a merchant's orders.
 */
const cannot: Partial<Record<WriteAction, string>> = {
  'order.tags.add': 'tag an existing order (tags can only be given when an order is created)',
  'order.tags.remove': 'remove tags from an order',
  'order.attribute.set': 'set order attributes',
  'customer.tags.add': 'tag customers',
  'order.mark_paid': 'mark an order paid',
  'order.cancel': 'cancel an order (only a carrier shipment can be cancelled)',
  'order.close': 'close an order',
  'order.fulfil': 'fulfil an order with a tracking number',
  'marketplace.ready_to_ship': 'set a package ready to ship',
  'marketplace.cancel': 'cancel marketplace items',
};

function orderIdOf(target: WriteTarget): number {
  const id = target.platformOrderId.trim();
  if (!/^[1-9]\d{0,15}$/.test(id)) throw new StoreApiError('final', `${NHANH} order ids are numbers; "${target.platformOrderId}" is not one`);
  return Number(id);
}

/**
 * The order's note as Nhanh has it now. One order is read through `order/list` filtered by id
 * [UNVERIFIED: the `ids` filter name; the list's documented filters are the updatedAt range].
 */
async function readNote(ctx: StoreApiContext, id: number, field: string): Promise<string | null> {
  const answer = await callNhanh(ctx, { path: 'order/list', body: { filters: { ids: [id] }, paginator: { size: 1 } }, changes: false });
  const list = Array.isArray(answer.data) ? answer.data : answer.data && typeof answer.data === 'object' ? Object.values(answer.data) : [];
  const order = list.find((o) => String((o as { info?: { id?: unknown } })?.info?.id) === String(id)) as { info: Record<string, unknown> } | undefined;
  if (!order) throw new StoreApiError('final', `${NHANH} has no order ${id} (or the access token cannot see it)`);
  const note = order.info[field];
  return typeof note === 'string' ? note : null;
}

/**
 * `POST /v3.0/order/edit` with `{info: {id, description}}` (community integrations use this
 * call for the note and payment; the field names are [UNVERIFIED], hence the `noteField`
 * option). `description` is chosen by default: it is the note the order list and the webhooks
 * carry (`info.description`), which the adapter shows as the order's note, so what Flowdesk
 * writes comes back in the next delivery; `privateDescription` (the staff-only note) is the
 * other choice.
 */
async function setNote(ctx: StoreApiContext, req: WriteRequestOf<'order.note.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const id = orderIdOf(target);
  const field = ctx.api.options['noteField'] || 'description';
  let note = req.note;
  if (req.mode === 'append') {
    // Nhanh keeps one note: append reads it and adds a line carrying the step's marker, so a
    // resend after a lost answer can tell the line is already there.
    const current = await readNote(ctx, id, field);
    const line = `${req.note} ${actionMarker(target.key)}`;
    note = current ? `${current}\n${line}` : line;
  }
  await callNhanh(ctx, { path: 'order/edit', body: { info: { id, [field]: note } }, changes: true });
  return { answer: req.mode === 'append' ? `${NHANH} added a line to the note of order ${target.orderNumber}` : `${NHANH} replaced the note of order ${target.orderNumber}` };
}

function createNhanhClient(ctx: StoreApiContext): StoreClient {
  return {
    platform: 'nhanhvn',
    async write(req: WriteRequest, target: WriteTarget) {
      if (req.action === 'order.note.set') return setNote(ctx, req, target);
      throw new StoreApiError('final', `${NHANH} cannot ${cannot[req.action] ?? req.action} through its API`);
    },
    // Replacing the note with the same text twice leaves it as once; appending twice adds two lines.
    naturallyIdempotent: (req) => req.action === 'order.note.set' && req.mode === 'replace',
    async check(req, target): Promise<CheckAnswer> {
      if (req.action !== 'order.note.set') return { applied: false };
      const field = ctx.api.options['noteField'] || 'description';
      const note = (await readNote(ctx, orderIdOf(target), field)) ?? '';
      const applied = req.mode === 'append' ? note.includes(actionMarker(target.key)) : note === req.note;
      return applied ? { applied: true, answer: `${NHANH} order ${target.orderNumber} already has the note` } : { applied: false };
    },
    listChanged: (since, cursor) => listNhanhChanged(ctx, since, cursor),
    async probe() {
      // Nhanh's v3 API has no call that names the business: one order of the list proves the
      // token, appId and businessId work together.
      const now = Math.floor(ctx.now() / 1000);
      await callNhanh(ctx, { path: 'order/list', body: { filters: { updatedAtFrom: now - 86_400, updatedAtTo: now }, paginator: { size: 1 } }, changes: false });
      return `Nhanh.vn business ${ctx.connection.storeId}`;
    },
  };
}

export const nhanhvnStoreApi: StoreApiDefinition = {
  platform: 'nhanhvn',
  secrets: [{ name: 'accessToken', label: 'Access token (given when the business authorizes your app: apidocs.nhanh.vn/app; valid one year)' }],
  options: [
    { name: 'appId', label: 'App ID (your app on Nhanh.vn\'s developer page)', default: '' },
    { name: 'noteField', label: 'Order field the note goes into: description (the order note) or privateDescription (staff only)', default: 'description' },
    { name: 'listSortField', label: 'Field the order list is sorted by when reconciling (updatedAt, or id)', default: 'updatedAt' },
  ],
  defaultBaseUrl: () => 'https://pos.open.nhanh.vn',
  // Documented: 150 calls / 30 s per appId + businessId + URL; ~20/s gets "exceeded the API
  // Rate Limit" and about 2.5/s was seen to be safe, so Flowdesk keeps to 2/s with a small burst.
  bucket: { capacity: 4, perSecond: 2 },
  create: createNhanhClient,
};
