import type { WriteRequestOf } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import { jsonId, list, str, tagsOf, withoutTags, withTags, type RestRecord } from './rest-dialect.ts';
import { field, readOne, restCall, type RestConnection } from './rest-http.ts';

/**
 * The order actions both dialects do the same way: the note, note attributes and customer tags
 * by read-merge-write (`PUT` replaces the field whole), tags by Haravan's merge endpoint or
 * Sapo's whole-string rewrite. Each resolves with what the platform said.
 */

export const orderPath = (id: string, rest = '') => `/orders/${encodeURIComponent(id)}${rest}.json`;

export const readOrder = (c: RestConnection, id: string) => readOne(c, orderPath(id), 'order', c.dialect.scopes.readOrders);

/** `PUT /orders/{id}.json` with `{"order":{"id",…fields}}`; the platform answers the whole order. */
async function putOrder(c: RestConnection, id: string, fields: RestRecord): Promise<RestRecord | null> {
  const answer = await restCall(c, { method: 'PUT', path: orderPath(id), body: { order: { id: jsonId(id), ...fields } }, changes: true, scope: c.dialect.scopes.writeOrders });
  return field(answer.json, 'order');
}

export async function orderTags(c: RestConnection, req: WriteRequestOf<'order.tags.add'> | WriteRequestOf<'order.tags.remove'>, target: WriteTarget): Promise<WriteAnswer> {
  const { name } = c.dialect;
  const adding = req.action === 'order.tags.add';
  const did = `${adding ? 'added' : 'removed'} tags ${req.tags.join(', ')}`;
  if (c.dialect.tagsBy === 'endpoint') {
    // Haravan merges (POST) or drops (DELETE) the given tags and answers the order's tags: resending is harmless.
    const answer = await restCall(c, {
      method: adding ? 'POST' : 'DELETE',
      path: orderPath(target.platformOrderId, '/tags'),
      body: { tags: req.tags.join(',') },
      changes: true,
      scope: c.dialect.scopes.writeOrders,
    });
    const now = (answer.json as { tags?: unknown } | null)?.tags;
    return { answer: now === undefined ? `${name} ${did} on order ${target.orderNumber}` : `${name} ${did}; order ${target.orderNumber} now has ${list(tagsOf(now))}` };
  }
  // Sapo replaces the whole list: read it, merge, write it back only when it changes.
  const before = tagsOf((await readOrder(c, target.platformOrderId))['tags']);
  const after = adding ? withTags(before, req.tags) : withoutTags(before, req.tags);
  if (after.length === before.length) {
    return { answer: `order ${target.orderNumber} on ${name} ${adding ? 'already had' : 'had none of'} tags ${req.tags.join(', ')} (it has ${list(before)}); nothing changed` };
  }
  const order = await putOrder(c, target.platformOrderId, { tags: after.join(c.dialect.tagSeparator) });
  return { answer: `${name} ${did}; order ${target.orderNumber} now has ${list(tagsOf(order ? order['tags'] : after))}` };
}

/** The line an append adds: the text, then the action's marker, so a later read can tell it is there. */
export const noteLine = (req: WriteRequestOf<'order.note.set'>, target: WriteTarget) => `${req.note} ${actionMarker(target.key)}`.trim();

export async function orderNote(c: RestConnection, req: WriteRequestOf<'order.note.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const { name } = c.dialect;
  if (req.mode === 'replace') {
    // Writing the same text again leaves the same note: no marker needed, the merchant sees their text.
    await putOrder(c, target.platformOrderId, { note: req.note });
    return { answer: `${name} replaced the note of order ${target.orderNumber}` };
  }
  const before = str((await readOrder(c, target.platformOrderId))['note']) ?? '';
  if (before.includes(actionMarker(target.key))) return { answer: `the note of order ${target.orderNumber} on ${name} already has this line; nothing changed` };
  const line = noteLine(req, target);
  await putOrder(c, target.platformOrderId, { note: before.trimEnd() ? `${before.trimEnd()}\n${line}` : line });
  return { answer: `${name} added a line to the note of order ${target.orderNumber}` };
}

type Attribute = { name: string; value: string };

function attributesOf(order: RestRecord): Attribute[] {
  const raw = order['note_attributes'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a) => (typeof a === 'object' && a !== null && 'name' in a ? [{ name: String(a.name), value: String((a as { value?: unknown }).value ?? '') }] : []));
}

export async function orderAttribute(c: RestConnection, req: WriteRequestOf<'order.attribute.set'>, target: WriteTarget): Promise<WriteAnswer> {
  const { name } = c.dialect;
  const before = attributesOf(await readOrder(c, target.platformOrderId));
  if (before.some((a) => a.name === req.key && a.value === req.value)) return { answer: `order ${target.orderNumber} on ${name} already has ${req.key} = ${req.value}; nothing changed` };
  const after = before.some((a) => a.name === req.key) ? before.map((a) => (a.name === req.key ? { name: a.name, value: req.value } : a)) : [...before, { name: req.key, value: req.value }];
  await putOrder(c, target.platformOrderId, { note_attributes: after });
  return { answer: `${name} set ${req.key} = ${req.value} on order ${target.orderNumber}` };
}

function customerId(c: RestConnection, target: WriteTarget): string {
  if (target.platformCustomerId) return target.platformCustomerId;
  throw new StoreApiError('final', `order ${target.orderNumber} has no customer on ${c.dialect.name}: there is no one to tag`);
}

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}.json`;

/**
 * Customer tags: read, merge, write back whole (`PUT /customers/{id}.json`). On Haravan this
 * call is [UNVERIFIED] (reference §2): it is Shopify's, which Haravan's customer API copies.
 */
export async function customerTags(c: RestConnection, req: WriteRequestOf<'customer.tags.add'>, target: WriteTarget): Promise<WriteAnswer> {
  const { name, scopes } = c.dialect;
  const id = customerId(c, target);
  const before = tagsOf((await readOne(c, customerPath(id), 'customer', scopes.readCustomers))['tags']);
  const after = withTags(before, req.tags);
  if (after.length === before.length) return { answer: `the customer of order ${target.orderNumber} on ${name} already had tags ${req.tags.join(', ')}; nothing changed` };
  const answer = await restCall(c, { method: 'PUT', path: customerPath(id), body: { customer: { id: jsonId(id), tags: after.join(c.dialect.tagSeparator) } }, changes: true, scope: scopes.writeCustomers });
  const now = field(answer.json, 'customer')?.['tags'];
  return { answer: `${name} added tags ${req.tags.join(', ')} to customer ${id}; they now have ${list(now === undefined ? after : tagsOf(now))}` };
}

export const hasAll = (tags: readonly string[], wanted: readonly string[]) => withTags(tags, wanted).length === tags.length;

/** Whether an idempotent-by-merge action is already there (after a dropped answer, or to skip). */
export async function checkOrderFields(c: RestConnection, req: WriteRequestOf<'order.tags.add' | 'order.tags.remove' | 'order.note.set' | 'order.attribute.set' | 'customer.tags.add'>, target: WriteTarget): Promise<CheckAnswer> {
  const { name } = c.dialect;
  if (req.action === 'customer.tags.add') {
    if (!target.platformCustomerId) return { applied: false };
    const tags = tagsOf((await readOne(c, customerPath(target.platformCustomerId), 'customer', c.dialect.scopes.readCustomers))['tags']);
    return hasAll(tags, req.tags) ? { applied: true, answer: `the customer on ${name} has tags ${list(tags)}` } : { applied: false };
  }
  const order = await readOrder(c, target.platformOrderId);
  const tags = tagsOf(order['tags']);
  const note = str(order['note']) ?? '';
  let found: string | null;
  switch (req.action) {
    case 'order.tags.add':
      found = hasAll(tags, req.tags) ? `has tags ${list(tags)}` : null;
      break;
    case 'order.tags.remove':
      found = withoutTags(tags, req.tags).length === tags.length ? `has tags ${list(tags)}` : null;
      break;
    case 'order.note.set':
      found = (req.mode === 'replace' ? note === req.note : note.includes(actionMarker(target.key))) ? 'has the note' : null;
      break;
    case 'order.attribute.set':
      found = attributesOf(order).some((a) => a.name === req.key && a.value === req.value) ? `has ${req.key} = ${req.value}` : null;
      break;
  }
  return found ? { applied: true, answer: `order ${target.orderNumber} on ${name} already ${found}` } : { applied: false };
}
