import { z } from 'zod';
import type { WriteAction, WriteRequest, WriteRequestOf } from '../../../contract/index.ts';
import { actionMarker } from '../platform-http.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { CheckAnswer, WriteAnswer, WriteTarget } from '../store-client.ts';
import {
  dropTags, hasAllTags, hasNoneOfTags, listWords, mergeTags, metaValue, readResource, splitTags, tagsBody, tagsOf, TAGS_META, WooNote, type WooResource,
} from './woocommerce-meta.ts';
import { WOO, type WooRest } from './woocommerce-rest.ts';

/** What WooCommerce's admin calls each core status. */
const statusNames: Record<string, string> = {
  pending: 'Pending payment', processing: 'Processing', 'on-hold': 'On hold', completed: 'Completed',
  cancelled: 'Cancelled', refunded: 'Refunded', failed: 'Failed', 'checkout-draft': 'Draft',
};
const statusName = (s: string | null | undefined) => (s ? (statusNames[s] ?? s) : 'unknown');

const cannot: Partial<Record<WriteAction, string>> = {
  'order.close': 'close (archive) an order: it has no such state, "Completed" is an order\'s last status',
  'marketplace.ready_to_ship': 'set a marketplace package ready to ship (that is a Lazada action)',
  'marketplace.cancel': 'cancel marketplace items (that is a Lazada action)',
};

const label = (t: WriteTarget) => `order ${t.orderNumber.startsWith('#') ? t.orderNumber : `#${t.orderNumber}`}`;

/** The private note an action adds, with its marker; null when it adds none. */
export function noteOf(req: WriteRequest, key: string): string | null {
  const m = actionMarker(key);
  if (req.action === 'order.note.set') return req.note.trim() ? `${req.note.trim()} ${m}` : null;
  if (req.action === 'order.cancel') return req.staffNote.trim() ? `${req.staffNote.trim()} ${m}` : null;
  if (req.action === 'order.fulfil') {
    const parts = [req.trackingNumber.trim() && `tracking number ${req.trackingNumber.trim()}`, req.carrier.trim() && `carrier ${req.carrier.trim()}`, req.trackingUrl.trim()].filter(Boolean);
    return parts.length > 0 ? `Shipped: ${parts.join(', ')} ${m}` : null;
  }
  return null;
}

/**
 * Resending is harmless for everything but a note (WooCommerce keeps notes as a list, reference
 * §9.2): tags and meta are written whole, `set_paid` and a status are states. Cancel and fulfil
 * are safe to resend only when they add no note.
 */
export function naturallyIdempotent(req: WriteRequest): boolean {
  return noteOf(req, 'x') === null;
}

export function wooWrites(rest: WooRest) {
  const orderPath = (t: WriteTarget) => `/orders/${encodeURIComponent(t.platformOrderId)}`;
  const getOrder = async (t: WriteTarget) => readResource(await rest.call({ method: 'GET', path: orderPath(t), what: label(t) }), 'an order');
  const putOrder = async (t: WriteTarget, body: unknown) => readResource(await rest.call({ method: 'PUT', path: orderPath(t), body, what: label(t) }), 'an order');
  const addNote = async (t: WriteTarget, note: string) => {
    // customer_note false: a private note, seen by staff only (true would email the customer).
    const a = await rest.call({ method: 'POST', path: `${orderPath(t)}/notes`, body: { note, customer_note: false }, what: label(t) });
    return WooNote.safeParse(a.json).data?.id ?? null;
  };
  const hasMarker = async (t: WriteTarget, key: string) => {
    const a = await rest.call({ method: 'GET', path: `${orderPath(t)}/notes`, what: label(t) });
    const notes = z.array(WooNote).safeParse(a.json);
    return notes.success && notes.data.some((n) => n.note.includes(actionMarker(key)));
  };
  const customerPath = (t: WriteTarget) => {
    const id = t.platformCustomerId;
    if (!id || id === '0') throw new StoreApiError('final', `${label(t)} has no ${WOO} customer account (a guest checkout): customer tags need one`);
    return `/customers/${encodeURIComponent(id)}`;
  };
  const getCustomer = async (t: WriteTarget) => readResource(await rest.call({ method: 'GET', path: customerPath(t), what: `customer ${t.platformCustomerId}` }), 'a customer');

  async function tagsAdd(req: WriteRequestOf<'order.tags.add'>, t: WriteTarget): Promise<string> {
    const want = splitTags(req.tags);
    const { next, added } = mergeTags(tagsOf(await getOrder(t)), want);
    if (added.length === 0) return `${label(t)} already has the tags ${want.join(', ')} on ${WOO} (order meta "${TAGS_META}"); nothing changed`;
    const after = await putOrder(t, tagsBody(next));
    return `tags ${added.join(', ')} added to ${label(t)} on ${WOO}, in the order meta "${TAGS_META}" (WooCommerce has no tags); the order now has ${listWords(tagsOf(after))}`;
  }

  async function tagsRemove(req: WriteRequestOf<'order.tags.remove'>, t: WriteTarget): Promise<string> {
    const gone = splitTags(req.tags);
    const { next, removed } = dropTags(tagsOf(await getOrder(t)), gone);
    if (removed.length === 0) return `${label(t)} has none of the tags ${gone.join(', ')} on ${WOO} (order meta "${TAGS_META}"); nothing changed`;
    const after = await putOrder(t, tagsBody(next));
    return `tags ${removed.join(', ')} removed from ${label(t)} on ${WOO} (order meta "${TAGS_META}"); the order now has ${listWords(tagsOf(after))}`;
  }

  async function customerTags(req: WriteRequestOf<'customer.tags.add'>, t: WriteTarget): Promise<string> {
    const want = splitTags(req.tags);
    const { next, added } = mergeTags(tagsOf(await getCustomer(t)), want);
    const who = `the customer of ${label(t)}`;
    if (added.length === 0) return `${who} already has the tags ${want.join(', ')} on ${WOO} (customer meta "${TAGS_META}"); nothing changed`;
    const a = await rest.call({ method: 'PUT', path: customerPath(t), body: tagsBody(next), what: `customer ${t.platformCustomerId}` });
    return `tags ${added.join(', ')} added to ${who} on ${WOO}, in the customer meta "${TAGS_META}" (WooCommerce has no tags); the customer now has ${listWords(tagsOf(readResource(a, 'a customer')))}`;
  }

  /**
   * `set_paid` records a payment only while the order "needs payment" (Pending payment or Failed:
   * `WC_REST_Orders_V2_Controller::save_object` → `needs_payment()`). An On hold order (a bank
   * transfer awaiting its money) is confirmed the merchant's way: set to Processing, which stamps
   * `date_paid` (`WC_Order::maybe_set_date_paid`). Both are states: resending is harmless.
   */
  async function markPaid(t: WriteTarget): Promise<string> {
    let after = await putOrder(t, { set_paid: true });
    if (!after.date_paid_gmt && after.status === 'on-hold') after = await putOrder(t, { status: 'processing' });
    if (!after.date_paid_gmt) {
      throw new StoreApiError('final', `${WOO} did not record a payment for ${label(t)}: it records one only for orders that are Pending payment, Failed or On hold, and this one is ${statusName(after.status)} (a cash-on-delivery order is recorded paid when it is marked Completed)`);
    }
    return `${label(t)} marked paid on ${WOO}; its status is now ${statusName(after.status)}`;
  }

  async function cancel(req: WriteRequestOf<'order.cancel'>, t: WriteTarget): Promise<string> {
    const after = await putOrder(t, { status: 'cancelled' });
    const note = noteOf(req, t.key);
    if (note) await addNote(t, note);
    // WooCommerce puts back the stock it took, once (the order's stock-reduced flag), by itself.
    const stock = req.restock
      ? 'WooCommerce puts back any stock it had taken for it'
      : 'restock off cannot be honoured: WooCommerce puts back any stock it had taken for it by itself';
    const more = [note && 'the staff note was added as a private note', req.notifyCustomer && 'WooCommerce does not email the customer about a cancellation (its "Cancelled order" email goes to the shop)'].filter(Boolean);
    return `${label(t)} cancelled on ${WOO} (status ${statusName(after.status)}); ${stock}${more.length > 0 ? `; ${more.join('; ')}` : ''}`;
  }

  async function fulfil(req: WriteRequestOf<'order.fulfil'>, t: WriteTarget): Promise<string> {
    const after = await putOrder(t, { status: 'completed' });
    const note = noteOf(req, t.key);
    if (note) await addNote(t, note);
    // Completed sends the customer WooCommerce's own "Completed order" email when it is enabled: not ours to switch.
    const email = req.notifyCustomer ? 'WooCommerce emails the customer its "Completed order" email if that email is on' : 'WooCommerce may still email the customer its "Completed order" email (it cannot be skipped per order)';
    return `${label(t)} set to ${statusName(after.status)} on ${WOO} (it has no shipments)${note ? ' and the tracking added as a private note' : ''}; ${email}`;
  }

  async function write(req: WriteRequest, t: WriteTarget): Promise<WriteAnswer> {
    switch (req.action) {
      case 'order.tags.add': return { answer: await tagsAdd(req, t) };
      case 'order.tags.remove': return { answer: await tagsRemove(req, t) };
      case 'customer.tags.add': return { answer: await customerTags(req, t) };
      case 'order.note.set': {
        const note = noteOf(req, t.key);
        if (!note) return { answer: `no note added to ${label(t)}: the note is empty` };
        const id = await addNote(t, note);
        const replace = req.mode === 'replace' ? '; WooCommerce keeps notes as a list, so "replace" adds a note and leaves the earlier ones' : '';
        return { answer: `a private note${id !== null ? ` (#${id})` : ''} was added to ${label(t)} on ${WOO}${replace}` };
      }
      case 'order.attribute.set': {
        const after = await putOrder(t, { meta_data: [{ key: req.key, value: req.value }] });
        return { answer: `the order meta "${req.key}" of ${label(t)} is now "${metaValue(after, req.key) ?? req.value}" on ${WOO}` };
      }
      case 'order.mark_paid': return { answer: await markPaid(t) };
      case 'order.cancel': return { answer: await cancel(req, t) };
      case 'order.fulfil': return { answer: await fulfil(req, t) };
      default: throw new StoreApiError('final', `${WOO} cannot ${cannot[req.action] ?? req.action}`);
    }
  }

  const done = (answer: string): CheckAnswer => ({ applied: true, answer });

  /** The state that shows the action happened; for a note, the marker in the order's notes. */
  async function check(req: WriteRequest, t: WriteTarget): Promise<CheckAnswer> {
    const noted = async () => {
      const note = noteOf(req, t.key);
      return note === null || (await hasMarker(t, t.key));
    };
    const order = (): Promise<WooResource> => getOrder(t);
    switch (req.action) {
      case 'order.tags.add': {
        const tags = tagsOf(await order());
        return hasAllTags(tags, splitTags(req.tags)) ? done(`${label(t)} has the tags on ${WOO}: ${listWords(tags)}`) : { applied: false };
      }
      case 'order.tags.remove': {
        const tags = tagsOf(await order());
        return hasNoneOfTags(tags, splitTags(req.tags)) ? done(`${label(t)} no longer has the tags on ${WOO}: ${listWords(tags)}`) : { applied: false };
      }
      case 'customer.tags.add': {
        const tags = tagsOf(await getCustomer(t));
        return hasAllTags(tags, splitTags(req.tags)) ? done(`the customer of ${label(t)} has the tags on ${WOO}: ${listWords(tags)}`) : { applied: false };
      }
      case 'order.note.set':
        return (await noted()) ? done(`the note is already on ${label(t)} on ${WOO}`) : { applied: false };
      case 'order.attribute.set':
        return metaValue(await order(), req.key) === req.value ? done(`the order meta "${req.key}" of ${label(t)} is already "${req.value}"`) : { applied: false };
      case 'order.mark_paid': {
        const o = await order();
        return o.date_paid_gmt ? done(`${label(t)} is paid on ${WOO} (status ${statusName(o.status)})`) : { applied: false };
      }
      case 'order.cancel':
      case 'order.fulfil': {
        const want = req.action === 'order.cancel' ? 'cancelled' : 'completed';
        const o = await order();
        return o.status === want && (await noted()) ? done(`${label(t)} is ${statusName(want)} on ${WOO}${noteOf(req, t.key) ? ', with the note' : ''}`) : { applied: false };
      }
      default:
        return { applied: false };
    }
  }

  return { write, check };
}
