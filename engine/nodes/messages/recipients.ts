import type { TriggerData } from '../node-type.ts';

const filled = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/**
 * The customer's email for this run: the order's (as the platform sent it), else the stored
 * customer's (an earlier order may have given one). Whether it is verified comes with it.
 */
export function customerEmail(data: TriggerData): { address: string; verified: boolean } | null {
  const fromOrder = filled(data.order.customer?.email);
  if (fromOrder) return { address: fromOrder, verified: data.order.customer?.emailVerified ?? false };
  const stored = filled(data.customer?.email);
  return stored ? { address: stored, verified: data.customer?.emailVerified ?? false } : null;
}

/** The phone to text: the shipping address's (who receives the parcel), the billing's, the order's customer's, the stored customer's. */
export function customerPhone(data: TriggerData): string | null {
  const o = data.order;
  return filled(o.shippingAddress?.phone) ?? filled(o.billingAddress?.phone) ?? filled(o.customer?.phone) ?? filled(data.customer?.phone);
}

/** "a@x.vn, b@y.vn; c@z.vn" → the addresses, each trimmed. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `a@b.vn` or `Tên <a@b.vn>`: enough to refuse what a mail server would (an empty value, a phone number), not a full RFC 5322 parser. */
export function isEmailAddress(s: string): boolean {
  const bare = /<([^<>]+)>\s*$/.exec(s)?.[1] ?? s;
  return /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/.test(bare.trim());
}
