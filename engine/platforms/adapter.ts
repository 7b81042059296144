import type { z } from 'zod';
import type { CanonicalEventType, FoLine, FoRequestStatus, FoStatus, FoStep, FulfillmentOrder, Order, OrderShipment, Platform } from '../contract/index.ts';
import type { Clock } from '../shared/clock.ts';

/** A request as the listener received it: bytes untouched, header names lowercased. */
export interface RawDelivery {
  method: string;
  /** The path with its query string, as requested. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export type ConnectionSecrets = Record<string, string>;

/** What an adapter knows of the connection a delivery came in on. */
export interface ConnectionView<S = Record<string, unknown>> {
  id: string;
  platform: Platform;
  storeId: string;
  store: string;
  secrets: ConnectionSecrets;
  /** The connection's settings, parsed by the adapter's schema (defaults filled in). */
  settings: S;
}

export type Verification = { ok: true; detail: string } | { ok: false; reason: string };

export interface DeliveryIdentity {
  topic: string | null;
  /** The key duplicates share: the platform's event or delivery id, or a hash of the bytes. */
  deliveryKey: string;
  /** The store the platform says sent it. */
  tenant: string | null;
  /** Whether Flowdesk processes this topic; unknown topics are recorded and answered, not processed. */
  handled: boolean;
  /** Why an unhandled delivery is not processed, when there is more to say than "unknown topic". */
  note?: string;
}

export interface EnrichContext<S> {
  topic: string;
  connection: ConnectionView<S>;
  /** The platform API client's transport; tests point base URLs at local servers. */
  fetch: typeof fetch;
  clock: Clock;
}

export interface NormalizeContext<S = Record<string, unknown>> {
  topic: string;
  connectionId: string;
  storeId: string;
  settings: S;
  /**
   * The order as Flowdesk last stored it, for state a delivery leaves out (a deleted order's
   * last known content, a marketplace order's payment before it was cancelled).
   */
  previous: Order | null;
}

/**
 * An order's canonical state as the delivery shows it. Adapters map raw platform statuses into
 * canonical state only; the events are derived from the change of state by one domain module
 * (domain/order-events.ts), the same way for every platform.
 */
export interface Normalized {
  order: Order;
  /**
   * What the delivery held that could not be used, without failing it (an optional field of the
   * wrong shape, left empty): recorded on the delivery, where the user sees it in the inbox.
   */
  warnings?: string[];
}

/** A fulfillment order as a webhook mentions it: only what the payload carries (its id always). */
export interface FoMention {
  id: string;
  status?: FoStatus;
  requestStatus?: FoRequestStatus;
  locationId?: string;
  fulfillAt?: string | null;
  holds?: FulfillmentOrder['holds'];
  lines?: FoLine[];
}

/**
 * A delivery about fulfillment rather than an order (Shopify's `fulfillment_orders/*`,
 * `fulfillments/*`): the step it reports, on which FO, and the words that came with it.
 * processing/apply-fulfillment.ts finds the order and merges it into the stored FOs.
 */
export interface FulfillmentDelivery {
  step: FoStep;
  /** Who took the step: the fulfillment service (3PL) or the platform (routing, scheduling, the merchant in its admin). */
  by: 'service' | 'platform';
  /** The canonical event it fires, if any (a split or merge only goes on the timeline). */
  event: CanonicalEventType | null;
  /** The FO the step is about; null when the payload names none (a fulfillment: its order instead). */
  subject: FoMention | null;
  /** FOs the step made: a partial request's remainder, a replacement, a moved part, a held part. */
  created: FoMention[];
  /** The order's platform id, when the payload names it (fulfillments/*). */
  platformOrderId: string | null;
  message: string | null;
  reason: string | null;
  /** A shipment the delivery reports (fulfillments/*), with its tracking number. */
  shipment: OrderShipment | null;
}

/**
 * One platform's webhook dialect. Adding a platform means one folder implementing this and
 * one line in platforms/registry.ts.
 */
export interface PlatformAdapter<S = Record<string, unknown>> {
  platform: Platform;
  /** A marketplace (Lazada): a change of its own order status word fires `marketplace.status_changed`. */
  marketplace?: boolean;
  /** What the store identity is on this platform, for the connection form. */
  storeIdLabel: string;
  /** The secrets a connection holds, by name. The first is the one `connections.create { secret }` sets. */
  secrets: readonly { name: string; label: string; optional?: boolean }[];
  /** The connection's settings; `settings.parse({})` gives the defaults. */
  settings: z.ZodType<S>;
  /** How to point the platform at a connection's webhook URL. */
  setup: readonly string[];
  /** An unsigned liveness request the platform sends when a webhook is saved (answered 200, recorded as a ping). */
  isPing?(delivery: RawDelivery): boolean;
  /**
   * Answers the GET a platform sends to check a callback URL before using it (Haravan's
   * `hub.challenge`): the text to answer with, or why not.
   */
  challenge?(query: URLSearchParams, connection: ConnectionView<S>): { ok: true; answer: string } | { ok: false; reason: string };
  verify(delivery: RawDelivery, connection: ConnectionView<S>): Verification;
  /**
   * Signs a body as the platform would (issue 15: replaying a capture to a Flowdesk, an edited
   * payload re-signed): the headers that carry the proof, names lowercased, to set over
   * `headers` (the delivery's own, for a platform whose header name or prefix varies). Exactly
   * the inverse of `verify`. Throws with a readable message when the secrets cannot sign.
   */
  sign?(body: Buffer, secrets: ConnectionSecrets, settings: S, headers: Record<string, string>): Record<string, string>;
  /**
   * For a platform whose proof is not only a header (Nhanh.vn's checksum and token inside the
   * body, a token in the URL): the body and path as the platform would send them, before `sign`
   * sets the headers. platforms/sign-delivery.ts applies both.
   */
  signRequest?(delivery: RawDelivery, secrets: ConnectionSecrets, settings: S): { body: Buffer; path: string };
  /** Parses the verified bytes; throws with a readable message when they are not what the platform sends. */
  parse(delivery: RawDelivery): unknown;
  /**
   * True when `identify` needs nothing from the parsed body: the platform names the delivery in
   * its headers (topic, event id, shop). The listener then verifies, dedupes and stores without
   * parsing, and the body is read once, by processing: a signed body that is not JSON is
   * accepted (the platform would only resend the same bytes) and fails there with its reason,
   * like a body that is JSON but not an order.
   */
  identifiesByHeaders?: boolean;
  /** `payload` is undefined when the body could not be parsed (to name the topic of a malformed delivery). */
  identify(delivery: RawDelivery, payload: unknown, connection?: ConnectionView<S>): DeliveryIdentity;
  /**
   * Fetches what the push leaves out (Lazada sends ids only; KiotViet may lack contact
   * details), before normalizing and outside any transaction. Throwing retries the delivery.
   */
  enrich?(payload: unknown, ctx: EnrichContext<S>): Promise<unknown>;
  /**
   * A delivery that carries several orders (KiotViet's Notifications[].Data[], RemoveId[])
   * splits into one payload per order; each is enriched and normalized on its own, and all
   * are applied in one transaction.
   */
  split?(payload: unknown): unknown[];
  normalize(payload: unknown, ctx: NormalizeContext<S>): Normalized;
  /**
   * Why this payload, given the order Flowdesk has stored for it (`ctx.previous`), is nothing
   * to apply (KiotViet's RemoveId for an id that was never an order here); null to apply it.
   */
  skip?(payload: unknown, ctx: NormalizeContext<S>): string | null;
  /**
   * For a topic whose body is not an order (Shopify's `fulfillment_orders/*`): the fulfillment
   * step it reports, instead of `normalize`; null for an order topic. Throws with a readable
   * message when the body is not what the platform sends for that topic. `body` is the raw
   * bytes, for ids JSON numbers cannot hold exactly.
   */
  readFulfillment?(topic: string, payload: unknown, body: Buffer): FulfillmentDelivery | null;
  /** Whether `readFulfillment` reads this topic: asked before any body is parsed, so an order's delivery is parsed once. */
  fulfillmentTopic?(topic: string): boolean;
}

/** Keeps an adapter's settings type while registering it among others. */
export function defineAdapter<S>(adapter: PlatformAdapter<S>): PlatformAdapter {
  return adapter as unknown as PlatformAdapter;
}
