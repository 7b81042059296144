import type { TFunction } from 'i18next';
import {
  merchantFoActions,
  type ActionAllowed,
  type FoActionKind,
  type FoRefusal,
  type FoView,
  type FulfillmentOrder,
  type OrderFulfillmentDto,
  type OrderShipment,
  type TimelineKind,
} from '../../../engine/contract/index.ts';

/** The merchant's FO actions, in the order the panel shows them. */
export type MerchantFoAction = (typeof merchantFoActions)[number];

/** A badge's colour for an FO's state: the words carry the meaning, the colour only helps the eye. */
export type FoTone = 'good' | 'neutral' | 'warn' | 'bad';

const stateTone: Record<FoView['display']['state'], FoTone> = {
  unfulfilled: 'neutral',
  in_progress: 'neutral',
  scheduled: 'neutral',
  on_hold: 'warn',
  incomplete: 'warn',
  fulfilled: 'good',
  cancelled: 'bad',
};

/**
 * "In progress — Requested", "Unfulfilled — Rejected": seed 003's words for the state and, when
 * the request says more, its detail (words in fulfillment.json, `state` and `detail`).
 */
export function foStateWords(t: TFunction, display: FoView['display']): string {
  const state = t(`state.${display.state}`);
  return display.detail ? t('state.withDetail', { state, detail: t(`detail.${display.detail}`) }) : state;
}

export function foStateTone(display: FoView['display']): FoTone {
  // A request the service turned down, or a cancellation it refused, is something to look at.
  if (display.detail === 'rejected' || display.detail === 'cancellation_rejected') return 'warn';
  return stateTone[display.state];
}

/** An action button as the panel draws it: never hidden; a refused one says why. */
export interface FoButton {
  kind: MerchantFoAction;
  allowed: boolean;
  /** Why not, in the engine's words (or the panel's, when API access is off). */
  reason: string | null;
  /** The state machine's refusal by code, which the panel says in the user's language. */
  refusal: FoRefusal | null;
  /** Opens a small form first (a message, a note, a location, tracking) instead of acting at once. */
  form: boolean;
}

/** Actions that ask for something before they are sent. */
const withForm = new Set<MerchantFoAction>(['request_fulfillment', 'request_cancellation', 'move', 'hold', 'fulfil', 'revert_fulfillment']);

/**
 * Every merchant action for one FO, in a fixed order: allowed ones enabled, refused ones with
 * the state machine's reason. With write-back off nothing can be sent, whatever the state:
 * `writeBackOff` is the panel's reason then.
 */
export function foButtons(actions: Partial<Record<FoActionKind, ActionAllowed>>, writeBack: boolean, writeBackOff: string): FoButton[] {
  return merchantFoActions.map((kind) => {
    const verdict = actions[kind];
    if (!writeBack) return { kind, allowed: false, reason: writeBackOff, refusal: null, form: withForm.has(kind) };
    // An action the engine did not list is one it cannot do here: disabled, never silently missing.
    if (!verdict) return { kind, allowed: false, reason: null, refusal: null, form: withForm.has(kind) };
    return { kind, allowed: verdict.allowed, reason: verdict.allowed ? null : verdict.reason, refusal: verdict.allowed ? null : (verdict.refusal ?? null), form: withForm.has(kind) };
  });
}

export interface FoLineRow {
  id: string;
  title: string;
  sku: string | null;
  /** "1/2": shipped of ordered. */
  progress: string;
  done: boolean;
}

export function foLineRows(fo: FulfillmentOrder, untitled: string): FoLineRow[] {
  return fo.lines.map((l) => ({
    id: l.id,
    title: l.title?.trim() ? l.title.trim() : untitled,
    sku: l.sku?.trim() ? l.sku.trim() : null,
    progress: `${l.fulfilled}/${l.quantity}`,
    done: l.quantity > 0 && l.fulfilled >= l.quantity,
  }));
}

/** Shopify's hold reason code as the panel's words key it: reads give it lowercase, the hold form sends it uppercase. */
export const holdReasonKey = (reason: string): string => `holdReason.${reason.trim().toUpperCase().replaceAll(/[\s-]+/g, '_')}`;

/** The fulfillments a revert can undo: those that stand. */
export const revertable = (fo: FulfillmentOrder) => fo.fulfillments.filter((f) => f.status === 'success');

/** A tracking URL worth a link: http(s) only, never `javascript:` from a platform's payload. */
export function safeTrackingUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Timeline kinds after which the panel reads the order's fulfilment again: an FO step, a write-back
 * (order-level fulfil, Lazada's actions), a status change, and any delivery (an `orders/updated`
 * may bring a parcel's tracking without changing a status).
 */
const refetchKinds = new Set<TimelineKind>(['fulfillment', 'write_back', 'status_change', 'echo', 'order_created', 'delivery', 'process_at_store']);

export function refetchesPanel(entry: { orderId: string; kind: TimelineKind }, orderId: string): boolean {
  return entry.orderId === orderId && refetchKinds.has(entry.kind);
}

/** The order-level actions the panel offers for a model; the others are not the panel's. */
export function orderLevelActions(dto: OrderFulfillmentDto): OrderFulfillmentDto['orderActions'] {
  const wanted = dto.model === 'order' ? ['order.fulfil'] : dto.model === 'marketplace' ? ['marketplace.ready_to_ship', 'marketplace.cancel'] : [];
  return wanted.map(
    (action) => dto.orderActions.find((a) => a.action === action) ?? { action: action as OrderFulfillmentDto['orderActions'][number]['action'], allowed: false, reason: null },
  );
}

/** What went wrong with an action, framed in the user's language around the engine's English reason. */
export interface ActionFailure {
  refused: boolean;
  reason: string;
}

export function actionFailure(error: { code: string; message: string }): ActionFailure {
  return { refused: error.code === 'refused', reason: error.message.trim() || error.code };
}

/**
 * Every parcel of the order, for the panel's Shipments list: those the order carries (its
 * platform's fulfillments) and those of its FOs that stand, each once (by id, else tracking number).
 */
export function orderParcels(dto: Pick<OrderFulfillmentDto, 'shipments' | 'fulfillmentOrders'>): OrderShipment[] {
  const out: OrderShipment[] = [];
  const seen = new Set<string>();
  const add = (s: OrderShipment) => {
    const keys = [s.id, s.trackingNumber].filter((k): k is string => Boolean(k?.trim()));
    if (keys.some((k) => seen.has(k))) return;
    keys.forEach((k) => seen.add(k));
    out.push(s);
  };
  dto.shipments.filter((s) => s.status !== 'cancelled').forEach(add);
  for (const { fo } of dto.fulfillmentOrders) {
    for (const f of fo.fulfillments) {
      if (f.status === 'success') add({ id: f.id, trackingNumber: f.trackingNumber, carrier: f.carrier, trackingUrl: f.trackingUrl ?? null, status: 'success' });
    }
  }
  return out;
}
