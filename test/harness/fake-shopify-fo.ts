/**
 * The local Shopify's fulfillment orders (issue 14): its own model of the FO state machine of
 * reference/platform-webhooks.md §1.8, written from the reference and not from engine/domain,
 * so it checks Flowdesk's state machine rather than repeating it. Each FO has a status, a
 * request status, a location (the merchant's, or one a fulfillment service manages), lines,
 * holds and merchant requests; `supportedActions` is derived from that state, and every
 * mutation refuses with `userErrors` what its action does not allow (fake-shopify-fo-api.ts).
 * Test helpers play the fulfillment service (3PL): accept, reject, answer a cancellation.
 */
export type FoStatusG = 'OPEN' | 'IN_PROGRESS' | 'SCHEDULED' | 'ON_HOLD' | 'INCOMPLETE' | 'CLOSED' | 'CANCELLED';
export type FoRequestG = 'UNSUBMITTED' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'CANCELLATION_REQUESTED' | 'CANCELLATION_ACCEPTED' | 'CANCELLATION_REJECTED' | 'CLOSED';

export interface FakeLocation {
  id: number;
  name: string;
  /** The fulfillment service's handle when a 3PL manages the location; null for the merchant's own. */
  service: string | null;
  /** A service on seed 003's legacy workflow: it takes requests but no cancellation from the merchant's app. */
  legacy?: boolean;
  /** The location does not stock the shop's items: listed for a move, but not movable (Shopify's `locationsForMove`). */
  unstocked?: boolean;
}

export interface FakeFoLine {
  id: number;
  lineItemId: number;
  title: string;
  sku: string | null;
  total: number;
  remaining: number;
}

export interface FakeFo {
  id: number;
  orderId: number;
  locationId: number;
  status: FoStatusG;
  requestStatus: FoRequestG;
  fulfillAt: string | null;
  lines: FakeFoLine[];
  holds: { id: number; reason: string; reasonNotes: string | null; handle: string | null }[];
  /** The merchant's requests, oldest first (Shopify's `merchantRequests`). */
  requests: { kind: 'FULFILLMENT_REQUEST' | 'CANCELLATION_REQUEST'; message: string | null }[];
  /** What the service answered, oldest first (its webhooks' `message`). */
  serviceMessages: string[];
}

/** One FO to seed: the location (an id of a known location, or a new one), its state and lines (default: the order's line items, nothing shipped). */
export interface FoSeed {
  id?: number;
  location?: number | { id: number; name?: string; service?: string | null; legacy?: boolean };
  status?: FoStatusG;
  requestStatus?: FoRequestG;
  fulfillAt?: string | null;
  lines?: { quantity: number; fulfilled?: number; lineItemId?: number; title?: string; sku?: string | null }[];
}

export const DEFAULT_LOCATION: FakeLocation = { id: 655441491, name: 'Shop location', service: null };

/** Request statuses with a request a service is working on (§1.8: no move, no merchant fulfilment around it). */
const ACTIVE: ReadonlySet<FoRequestG> = new Set(['SUBMITTED', 'ACCEPTED', 'CANCELLATION_REQUESTED', 'CANCELLATION_REJECTED']);
/** From these a request may be sent (again): none yet, or the last one is over (§1.8: also rejected, closed, cancelled). */
const REQUESTABLE: ReadonlySet<FoRequestG> = new Set(['UNSUBMITTED', 'REJECTED', 'CLOSED', 'CANCELLATION_ACCEPTED']);

export class FoStore {
  readonly fos: FakeFo[] = [];
  readonly locations = new Map<number, FakeLocation>([[DEFAULT_LOCATION.id, DEFAULT_LOCATION]]);
  private nextFo = 1046000800;
  private nextLine = 1072503300;
  private nextHold = 4000;

  location(id: number, name?: string, service: string | null = null, more: Pick<FakeLocation, 'legacy' | 'unstocked'> = {}): FakeLocation {
    const known = this.locations.get(id);
    if (known && name === undefined) return known;
    const l = { ...known, ...more, id, name: name ?? known?.name ?? `Location ${id}`, service: service ?? known?.service ?? null };
    this.locations.set(id, l);
    return l;
  }

  isService(fo: FakeFo): boolean {
    return this.location(fo.locationId).service !== null;
  }

  newFo(orderId: number, locationId: number, lines: Omit<FakeFoLine, 'id'>[], id?: number): FakeFo {
    const fo: FakeFo = {
      id: id ?? this.nextFo++, orderId, locationId, status: 'OPEN', requestStatus: 'UNSUBMITTED', fulfillAt: null,
      lines: lines.map((l) => ({ ...l, id: this.nextLine++ })), holds: [], requests: [], serviceMessages: [],
    };
    this.fos.push(fo);
    return fo;
  }

  newHoldId(): number {
    return this.nextHold++;
  }

  find(id: number | string): FakeFo | undefined {
    const n = typeof id === 'number' ? id : Number(/(\d+)$/.exec(id)?.[1] ?? NaN);
    return this.fos.find((f) => f.id === n);
  }

  get(id: number | string): FakeFo {
    const fo = this.find(id);
    if (!fo) throw new Error(`the fake has no fulfillment order ${id}`);
    return fo;
  }

  ofOrder(orderId: number): FakeFo[] {
    return this.fos.filter((f) => f.orderId === orderId);
  }

  /**
   * What Shopify would list as `supportedActions` for the merchant's app in this state (§1.8's
   * table). States no transition reaches (an open FO with an accepted request) allow nothing.
   */
  supportedActions(fo: FakeFo): string[] {
    const service = this.isService(fo);
    const rs = fo.requestStatus;
    const requestable = service && REQUESTABLE.has(rs);
    // Seed 003's legacy workflow: once requested, no cancellation from the app (contact the service).
    if (service && this.location(fo.locationId).legacy) return this.supportedActionsNew(fo, rs, requestable).filter((a) => a !== 'CANCEL_FULFILLMENT_ORDER' && a !== 'REQUEST_CANCELLATION');
    return this.supportedActionsNew(fo, rs, requestable);
  }

  private supportedActionsNew(fo: FakeFo, rs: FoRequestG, requestable: boolean): string[] {
    switch (fo.status) {
      case 'OPEN':
        // A submitted request can only be withdrawn until the service answers.
        if (rs === 'SUBMITTED') return ['CANCEL_FULFILLMENT_ORDER'];
        if (ACTIVE.has(rs)) return [];
        return [...(requestable ? ['REQUEST_FULFILLMENT'] : []), 'CREATE_FULFILLMENT', 'HOLD', 'MOVE'];
      case 'IN_PROGRESS':
        // Once accepted the merchant asks for cancellation; §1.8 lets a requested cancellation be cancelled outright.
        if (rs === 'ACCEPTED') return ['CREATE_FULFILLMENT', 'REQUEST_CANCELLATION'];
        if (rs === 'CANCELLATION_REQUESTED') return ['CREATE_FULFILLMENT', 'CANCEL_FULFILLMENT_ORDER'];
        if (rs === 'CANCELLATION_REJECTED') return ['CREATE_FULFILLMENT'];
        return ACTIVE.has(rs) ? [] : ['CREATE_FULFILLMENT', 'MOVE'];
      case 'ON_HOLD':
        // Shopify keeps several holds on one FO (one webhook per hold): another may be placed.
        return ['RELEASE_HOLD', 'HOLD'];
      case 'SCHEDULED':
        return ACTIVE.has(rs) ? ['MARK_AS_OPEN'] : ['MARK_AS_OPEN', 'MOVE'];
      case 'INCOMPLETE':
        // The service gave up: the work is the merchant's again (request again, or move it).
        return ACTIVE.has(rs) ? [] : [...(requestable ? ['REQUEST_FULFILLMENT'] : []), 'MOVE'];
      default:
        return [];
    }
  }

  left(fo: FakeFo): number {
    return fo.lines.reduce((n, l) => n + l.remaining, 0);
  }

  /**
   * The work an FO had not shipped goes to a new open, unsubmitted FO at `locationId` (a
   * cancel's or an accepted cancellation's replacement, a move of an FO with shipped lines);
   * the original keeps what it shipped and closes.
   */
  handOver(fo: FakeFo, locationId = fo.locationId): FakeFo | null {
    const rest = fo.lines.filter((l) => l.remaining > 0).map((l) => ({ lineItemId: l.lineItemId, title: l.title, sku: l.sku, total: l.remaining, remaining: l.remaining }));
    fo.lines = fo.lines.map((l) => ({ ...l, total: l.total - l.remaining, remaining: 0 }));
    fo.status = 'CLOSED';
    fo.holds = [];
    return rest.length > 0 ? this.newFo(fo.orderId, locationId, rest) : null;
  }

  /** Splits off what a partial request or hold leaves out: the FO keeps `taken`, a new FO gets the rest. */
  splitOff(fo: FakeFo, taken: Map<number, number>): FakeFo | null {
    const rest: Omit<FakeFoLine, 'id'>[] = [];
    for (const l of fo.lines) {
      const keep = taken.get(l.id) ?? 0;
      if (l.remaining - keep > 0) rest.push({ lineItemId: l.lineItemId, title: l.title, sku: l.sku, total: l.remaining - keep, remaining: l.remaining - keep });
      l.total -= l.remaining - keep;
      l.remaining = keep;
    }
    fo.lines = fo.lines.filter((l) => l.total > 0);
    return rest.length > 0 ? this.newFo(fo.orderId, fo.locationId, rest) : null;
  }

  /** The FO lines and quantities asked for, or a userError's words; every remaining line when none are named. */
  pick(fo: FakeFo, items: { id: string; quantity: number }[] | undefined | null): Map<number, number> | string {
    const out = new Map<number, number>();
    if (!items || items.length === 0) {
      for (const l of fo.lines) if (l.remaining > 0) out.set(l.id, l.remaining);
      return out.size > 0 ? out : 'Fulfillment order has no remaining line items.';
    }
    for (const it of items) {
      const line = fo.lines.find((l) => `gid://shopify/FulfillmentOrderLineItem/${l.id}` === it.id);
      if (!line) return `Fulfillment order line item does not exist: ${it.id}`;
      const want = (out.get(line.id) ?? 0) + it.quantity;
      if (it.quantity < 1 || want > line.remaining) return `Quantity ${it.quantity} is more than the ${line.remaining} left on line item ${it.id}.`;
      out.set(line.id, want);
    }
    return out;
  }

  /** The merchant may not move or fulfil around a request a service is working on. */
  activeRequest(fo: FakeFo): boolean {
    return ACTIVE.has(fo.requestStatus);
  }

  /** FO status after shipping or reverting: closed when nothing is left, in progress when part has shipped. */
  settle(fo: FakeFo): void {
    const shipped = fo.lines.some((l) => l.total > l.remaining);
    if (this.left(fo) === 0) fo.status = 'CLOSED';
    else fo.status = shipped || fo.requestStatus === 'ACCEPTED' ? 'IN_PROGRESS' : 'OPEN';
  }
}
