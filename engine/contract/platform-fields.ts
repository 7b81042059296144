import type { Platform } from './platform.ts';

/** What a message step needs to know about the customer to reach them. */
export type ContactField = 'email' | 'phone' | 'zaloUserId' | 'messengerPsid';

/**
 * Whether a platform's webhooks give a field: `yes` (on every order, or nearly), `sometimes`
 * (the platform has it, often empty), `with_api` (only when the connection reads it back
 * through the platform's API), `never`. `unknown` for a source whose mapping the user wrote.
 */
export type FieldAvailability = 'yes' | 'sometimes' | 'with_api' | 'never' | 'unknown';

/**
 * The fields each platform delivers, as reference/platform-webhooks.md documents them and the
 * adapters map them. Design-time warnings read it (flows/warnings.ts): a step that needs a field
 * a trigger's platform never delivers would be skipped on every order from it.
 * Zalo user ids and Messenger PSIDs come from no store: a flow or a person sets them on the
 * customer (Update customer field), after the customer writes to the OA or the page.
 */
export const platformDelivers: Record<Platform, Record<ContactField, FieldAvailability>> = {
  // Email is on nearly every online order; phone is often null (checkout may not ask for it).
  shopify: { email: 'yes', phone: 'sometimes', zaloUserId: 'never', messengerPsid: 'never' },
  haravan: { email: 'sometimes', phone: 'yes', zaloUserId: 'never', messengerPsid: 'never' },
  sapo: { email: 'sometimes', phone: 'yes', zaloUserId: 'never', messengerPsid: 'never' },
  // billing.email is required at WooCommerce's checkout; orders made in the admin may lack it.
  woocommerce: { email: 'yes', phone: 'sometimes', zaloUserId: 'never', messengerPsid: 'never' },
  // Lazada does not give sellers the buyer's email; the phone comes with the shipping address.
  lazada: { email: 'never', phone: 'yes', zaloUserId: 'never', messengerPsid: 'never' },
  nhanhvn: { email: 'sometimes', phone: 'yes', zaloUserId: 'never', messengerPsid: 'never' },
  // order.update carries neither (§7.2); an invoice has the receiver's phone; the customer's
  // email and phone come only from KiotViet's customer API.
  kiotviet: { email: 'with_api', phone: 'sometimes', zaloUserId: 'never', messengerPsid: 'never' },
  ladisales: { email: 'sometimes', phone: 'yes', zaloUserId: 'never', messengerPsid: 'never' },
  catchhook: { email: 'unknown', phone: 'unknown', zaloUserId: 'never', messengerPsid: 'never' },
};

/**
 * A recipient field left empty means "the customer's" (email, phone…); one whose Liquid reads
 * the customer's field (`{{ customer.email }}`, `{{ order.shippingAddress.phone }}`) needs it
 * too. A fixed address or number needs nothing from the order.
 */
export function recipientNeeds(field: ContactField, value: unknown, reads: RegExp): ContactField[] {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' || reads.test(text) ? [field] : [];
}
