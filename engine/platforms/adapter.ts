import type { CanonicalEventType, Order, Platform } from '../contract/index.ts';
import type { ConnectionSecrets } from '../storage/repos/connections-repo.ts';

/** A request as the listener received it: bytes untouched, header names lowercased. */
export interface RawDelivery {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
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
}

export interface NormalizeContext {
  topic: string;
  connectionId: string;
  storeId: string;
  /** The order as Flowdesk last stored it, for adapters that derive events from a transition. */
  previous: Order | null;
}

export interface Normalized {
  order: Order;
  /** The canonical events this delivery stands for, in the order they happened. */
  events: CanonicalEventType[];
}

/**
 * One platform's webhook dialect. Adding a platform means one folder implementing this and
 * one line in platforms/registry.ts.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Which secrets a connection needs, by name, with a label for forms. */
  secrets: readonly { name: string; label: string }[];
  verify(delivery: RawDelivery, secrets: ConnectionSecrets): Verification;
  /** Parses the verified bytes; throws with a readable message when they are not what the platform sends. */
  parse(delivery: RawDelivery): unknown;
  identify(delivery: RawDelivery, payload: unknown): DeliveryIdentity;
  normalize(payload: unknown, ctx: NormalizeContext): Normalized;
}
