import type { ConnectionApi, FoMoveLocation, FulfillmentOrder, Platform, WriteRequest } from '../../contract/index.ts';
import type { ConnectionView } from '../../platforms/adapter.ts';
import type { TokenBucket } from './token-bucket.ts';

/**
 * One platform's API as Flowdesk uses it (issue 13, reference/platform-apis.md): write-back
 * actions, the read that tells whether an action already happened, and the list of orders
 * changed since a time (reconciliation and polling). Made per connection by its
 * `StoreApiDefinition`; errors are `StoreApiError`s (store-api-error.ts).
 */
export interface StoreClient {
  platform: Platform;
  /**
   * Performs one action on one order. Resolves with the platform's answer in a sentence for
   * the timeline ("tags VIP added; the order now has VIP, sale"). Throws StoreApiError.
   */
  write(req: WriteRequest, target: WriteTarget): Promise<WriteAnswer>;
  /**
   * True when resending `req` can never apply it twice (Shopify tagsAdd, WooCommerce PUT status):
   * after a crash or a dropped answer it is simply sent again. Otherwise `check` reads first.
   */
  naturallyIdempotent(req: WriteRequest): boolean;
  /**
   * Reads the platform's state to tell whether `req` was already applied (after a crash or a
   * dropped answer, before anything is resent): the tracking number is in the fulfilments,
   * `cancelledAt` is set, a note carries the action's marker `[fd:{key}]`.
   */
  check(req: WriteRequest, target: WriteTarget): Promise<CheckAnswer>;
  /** One page of the orders changed since `since` (ISO 8601), oldest first; `cursor` is the previous page's `next`. */
  listChanged(since: string, cursor: string | null): Promise<ChangedPage>;
  /** A harmless read, for the connection's Test button: the shop's name as the platform gives it. */
  probe(): Promise<string>;
  /**
   * Fulfillment orders (issue 14; Shopify only): read fresh from the platform, never from a
   * webhook's partial copy (reference §1.5: "re-read the FO from the API before acting").
   */
  fulfillmentOrders?: {
    /** The order's FOs as the platform has them now. */
    forOrder(platformOrderId: string): Promise<FulfillmentOrder[]>;
    /** One FO and the order it belongs to (a webhook names the FO only); null when the platform has no such FO. */
    get(foId: string): Promise<{ platformOrderId: string; fo: FulfillmentOrder } | null>;
    /** Where the FO can be moved (the shop's other locations, each movable or not with the platform's reason); null when the platform has no such FO. */
    locationsForMove?(foId: string): Promise<FoMoveLocation[] | null>;
  };
}

export interface WriteTarget {
  platformOrderId: string;
  /** As the merchant sees it ("#1001"), for messages. */
  orderNumber: string;
  /** The customer's id on the platform, for customer actions; null when the order has none. */
  platformCustomerId: string | null;
  /**
   * The same on every attempt of this step (the outbox key). Where the platform keeps free text
   * (a note), the client writes the marker `[fd:{key}]` with it, so `check` can find it later.
   */
  key: string;
}

export interface WriteAnswer {
  /** The platform's answer in a sentence, for the order's timeline. */
  answer: string;
  /**
   * `fulfillment_order.act`: the order's FOs as the platform has them after the action, the
   * ones it touched or made among them (a submitted part and its unsubmitted remainder, a
   * replacement, a moved one). Shopify reads them again after the mutation; absent when that
   * read failed (the action is done all the same, and the webhooks tell the rest).
   */
  fulfillmentOrders?: FulfillmentOrder[];
}

export type CheckAnswer = { applied: true; answer: string } | { applied: false };

/** An order as the platform's list API gives it, re-shaped into what its webhook adapter reads. */
export interface ChangedOrder {
  platformOrderId: string;
  /** The platform's updated_at, ISO 8601 with offset: compared with the stored order's version. */
  updatedAt: string;
  /** A topic the platform's adapter processes ("orders/updated", "order.updated"). */
  topic: string;
  /** The body, in the shape the adapter's `parse` + `normalize` read from a webhook. */
  body: Buffer;
  /** Headers the adapter's `parse` reads (content-type), lowercased. */
  headers: Record<string, string>;
}

export interface ChangedPage {
  orders: ChangedOrder[];
  /** Null on the last page. */
  next: string | null;
}

export interface StoreApiContext {
  /** The connection: its store id, its secrets (API credentials among them), its adapter settings. */
  connection: ConnectionView;
  api: ConnectionApi;
  /** The base URL to call: `api.baseUrl`, else the definition's default for this connection. */
  baseUrl: string;
  fetch: typeof fetch;
  now(): number;
  /** Waits between tries; tests shorten it. */
  sleep(ms: number): Promise<void>;
  /** This store's bucket, shared by every client of the connection (made by the definition's `bucket`). */
  bucket: TokenBucket;
}

export interface StoreApiSecret {
  name: string;
  label: string;
  optional?: boolean;
}

export interface StoreApiDefinition {
  platform: Platform;
  /** Secrets the API needs (asked for only when write-back, reconciliation or polling is on). */
  secrets: readonly StoreApiSecret[];
  /** Non-secret values kept in `ConnectionApi.options` (Nhanh.vn's appId), with their defaults. */
  options?: readonly { name: string; label: string; default: string }[];
  /** The API's base URL for this connection when `api.baseUrl` is empty (from the store id, or an adapter setting). */
  defaultBaseUrl(connection: ConnectionView): string;
  /** The store's rate limit as a bucket: capacity and refill per second (reference §9.3). */
  bucket: { capacity: number; perSecond: number };
  create(ctx: StoreApiContext): StoreClient;
}
