import type { WriteRequestOf } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext, WriteAnswer, WriteTarget } from '../store-client.ts';
import { callKiotViet, KIOTVIET } from './kiotviet-call.ts';

/**
 * KiotViet's write-backs (reference §7; the matrix's `yes` and `workaround`s). Flowdesk's order
 * ids are the adapter's `order/{id}` (đặt hàng) and `invoice/{id}` (hóa đơn): two documents
 * with their own calls. Public API answers are camelCase.
 */
export interface KvDelivery {
  deliveryCode?: string | null;
  status?: number | null;
  partnerDelivery?: { name?: string | null } | null;
  [k: string]: unknown;
}
export interface KvDocument {
  id: number;
  code: string;
  status: number;
  total?: number | null;
  totalPayment?: number | null;
  description?: string | null;
  invoiceDelivery?: KvDelivery | null;
}
interface KvGroup {
  id: number;
  name: string;
  customerGroupDetails?: { customerId: number; groupId: number }[] | null;
}
interface KvCustomer {
  id: number;
  code?: string | null;
  name?: string | null;
  groups?: string | null;
}

export type DocRef = { kind: 'order' | 'invoice'; id: string };

/** Status codes meaning "Đã hủy": 4 for orders, 2 for invoices (kiotviet-status.ts). */
export const cancelledStatus = { order: 4, invoice: 2 } as const;

export function docOf(target: WriteTarget): DocRef {
  const m = /^(?:(order|invoice)\/)?(\d{1,19})$/.exec(target.platformOrderId.trim());
  if (!m) throw new StoreApiError('final', `${KIOTVIET} document ids look like order/123 or invoice/456; "${target.platformOrderId}" is not one`);
  return { kind: m[1] === 'invoice' ? 'invoice' : 'order', id: m[2]! };
}

const path = (d: DocRef) => `/${d.kind}s/${d.id}`;

export async function readDoc(ctx: StoreApiContext, d: DocRef): Promise<KvDocument | null> {
  return (await callKiotViet(ctx, { method: 'GET', path: path(d), changes: false, notFoundOk: true })) as KvDocument | null;
}

async function mustRead(ctx: StoreApiContext, d: DocRef, target: WriteTarget): Promise<KvDocument> {
  const doc = await readDoc(ctx, d);
  if (!doc) throw new StoreApiError('final', `${KIOTVIET} has no ${d.kind} ${target.orderNumber} (id ${d.id}): it may have been deleted`);
  return doc;
}

function onlyOrders(d: DocRef, what: string): void {
  if (d.kind !== 'order') throw new StoreApiError('final', `${KIOTVIET} cannot ${what} of an invoice through its API, only of an order (đặt hàng)`);
}

/* ---------- order.note.set: PUT /orders/{id} {description} ---------- */

export async function setNote(ctx: StoreApiContext, req: WriteRequestOf<'order.note.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const d = docOf(target);
  onlyOrders(d, 'change the note');
  let description = req.note;
  if (req.mode === 'append') {
    // KiotViet keeps one note: append reads it and adds a line with the step's marker, which `check` looks for.
    const current = (await mustRead(ctx, d, target)).description;
    const line = `${req.note} ${actionMarker(target.key)}`;
    description = current ? `${current}\n${line}` : line;
  }
  // Only the changed field is sent [UNVERIFIED: that PUT /orders/{id} leaves the fields it is not given, items included].
  await callKiotViet(ctx, { method: 'PUT', path: path(d), body: { description }, changes: true });
  return { answer: `${KIOTVIET} ${req.mode === 'append' ? 'added a line to' : 'replaced'} the note of order ${target.orderNumber}` };
}

export async function noteApplied(ctx: StoreApiContext, req: WriteRequestOf<'order.note.set'>, target: WriteTarget): Promise<boolean> {
  const doc = await readDoc(ctx, docOf(target));
  const note = doc?.description ?? '';
  return req.mode === 'append' ? note.includes(actionMarker(target.key)) : note === req.note;
}

/* ---------- customer.tags.add: customer groups named like the tags ---------- */

const sameName = (a: string, b: string) => a.normalize('NFC').trim().toLocaleLowerCase('vi') === b.normalize('NFC').trim().toLocaleLowerCase('vi');

interface Membership {
  customer: KvCustomer;
  groups: KvGroup[];
  wanted: KvGroup[];
  current: Set<number>;
}

/**
 * KiotViet has no customer tags; its customer groups stand in. The groups come from
 * GET /customers/group, which lists each group's members; the customer's own answer names its
 * groups too (`groups`, a string of names). The Public API documents no call that creates a
 * group, so a tag without a group of that name fails, naming the group to create.
 */
async function membership(ctx: StoreApiContext, req: WriteRequestOf<'customer.tags.add'>, target: WriteTarget): Promise<Membership> {
  const customerId = target.platformCustomerId;
  if (!customerId || !/^\d+$/.test(customerId)) throw new StoreApiError('final', `${KIOTVIET} order ${target.orderNumber} has no customer to add to a group`);
  const customer = (await callKiotViet(ctx, { method: 'GET', path: `/customers/${customerId}`, changes: false, notFoundOk: true })) as KvCustomer | null;
  if (!customer) throw new StoreApiError('final', `${KIOTVIET} has no customer ${customerId}: it may have been deleted`);
  const list = (await callKiotViet(ctx, { method: 'GET', path: '/customers/group', changes: false })) as { data?: KvGroup[] } | null;
  const groups = list?.data ?? [];
  const missing = req.tags.filter((t) => !groups.some((g) => sameName(g.name, t)));
  if (missing.length > 0) {
    const names = missing.map((t) => `"${t}"`).join(', ');
    throw new StoreApiError('final', `${KIOTVIET} has no customer group named ${names} and its API cannot create groups: create ${missing.length > 1 ? 'them' : 'it'} in KiotViet (Khách hàng → Nhóm khách hàng), then run the step again`);
  }
  const wanted = req.tags.map((t) => groups.find((g) => sameName(g.name, t))!);
  const named = (customer.groups ?? '').split(/[,;|]/).map((n) => n.trim()).filter(Boolean);
  const current = new Set(
    groups.filter((g) => (g.customerGroupDetails ?? []).some((m) => String(m.customerId) === customerId) || named.some((n) => sameName(n, g.name))).map((g) => g.id),
  );
  return { customer, groups, wanted, current };
}

const groupNames = (m: Membership, ids: Iterable<number>) => [...ids].map((id) => m.groups.find((g) => g.id === id)?.name ?? String(id)).join(', ');

export async function addCustomerGroups(ctx: StoreApiContext, req: WriteRequestOf<'customer.tags.add'>, target: WriteTarget): Promise<WriteAnswer> {
  const m = await membership(ctx, req, target);
  const who = m.customer.code || m.customer.name || String(m.customer.id);
  const adding = m.wanted.filter((g) => !m.current.has(g.id));
  if (adding.length === 0) return { answer: `${KIOTVIET} customer ${who} is already in ${groupNames(m, m.current)}` };
  // groupIds replaces the customer's groups: the ones it has are sent with the new ones.
  const groupIds = [...new Set([...m.current, ...adding.map((g) => g.id)])];
  await callKiotViet(ctx, { method: 'PUT', path: `/customers/${m.customer.id}`, body: { groupIds }, changes: true });
  return { answer: `${KIOTVIET} added customer ${who} to ${adding.map((g) => g.name).join(', ')}; the customer is now in ${groupNames(m, groupIds)}` };
}

export async function customerGroupsApplied(ctx: StoreApiContext, req: WriteRequestOf<'customer.tags.add'>, target: WriteTarget): Promise<boolean> {
  const m = await membership(ctx, req, target);
  return m.wanted.every((g) => m.current.has(g.id));
}

/* ---------- order.mark_paid: PUT /orders/{id} {totalPayment: total} ---------- */

export const isPaid = (doc: KvDocument) => Number(doc.totalPayment ?? 0) >= Number(doc.total ?? 0);

/**
 * `totalPayment` is "Khách đã trả", what the customer has paid in all (the GET answers say so):
 * setting it to the total records the rest as received [UNVERIFIED: whether PUT adds a receipt
 * for the difference or for the whole amount]. Not resent blindly: `check` reads it first.
 */
export async function markPaid(ctx: StoreApiContext, target: WriteTarget): Promise<WriteAnswer> {
  const d = docOf(target);
  onlyOrders(d, 'record a payment');
  const doc = await mustRead(ctx, d, target);
  if (doc.status === cancelledStatus.order) throw new StoreApiError('final', `${KIOTVIET} order ${target.orderNumber} is cancelled: it cannot be marked paid`);
  if (isPaid(doc)) return { answer: `${KIOTVIET} order ${target.orderNumber} was already paid (${doc.totalPayment ?? 0} of ${doc.total ?? 0})` };
  await callKiotViet(ctx, { method: 'PUT', path: path(d), body: { totalPayment: doc.total ?? 0 }, changes: true });
  return { answer: `${KIOTVIET} recorded order ${target.orderNumber} as paid: ${doc.total ?? 0} received` };
}

/* ---------- order.cancel: DELETE /orders/{id}?IsVoidPayment=true ---------- */

/**
 * KiotViet's delete cancels the document ("Đã hủy") and, with IsVoidPayment, voids its receipts.
 * It takes no reason or notification; stock held or sold comes back as KiotViet does it.
 */
export async function cancel(ctx: StoreApiContext, target: WriteTarget): Promise<WriteAnswer> {
  const d = docOf(target);
  const doc = await mustRead(ctx, d, target);
  if (doc.status === cancelledStatus[d.kind]) return { answer: `${KIOTVIET} ${d.kind} ${target.orderNumber} was already cancelled` };
  const flag = d.kind === 'order' ? 'IsVoidPayment' : 'isVoidPayment';
  await callKiotViet(ctx, { method: 'DELETE', path: path(d), query: { [flag]: 'true' }, changes: true });
  return { answer: `${KIOTVIET} cancelled ${d.kind} ${target.orderNumber} and voided its payments` };
}

export async function cancelApplied(ctx: StoreApiContext, target: WriteTarget): Promise<boolean> {
  const d = docOf(target);
  const doc = await readDoc(ctx, d);
  // Gone (404) or "Đã hủy": either way there is nothing left to cancel.
  return doc === null || doc.status === cancelledStatus[d.kind];
}
