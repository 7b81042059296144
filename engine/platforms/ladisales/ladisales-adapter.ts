import { createMappedAdapter } from '../field-mapping/mapped-adapter.ts';
import { mappedSettings } from '../field-mapping/mapped-settings.ts';
import { ladisalesDefaultMapping, ladisalesDefaultStatuses } from './ladisales-mapping.ts';

/**
 * LadiSales / LadiPage (reference/platform-webhooks.md §8): no public webhook schema and no
 * signature; the merchant's webhook form has an API URL, a JSON object of request headers, and
 * the actions to send (create, update, delete). So a connection authenticates with a secret
 * token in the URL (`?token=`), plus an optional header secret sent through those custom
 * headers, and reads the order with an editable field mapping (ladisales-mapping.ts).
 *
 * Topic: every delivery is "order" unless the settings map a topic field. Unknown topics (a
 * mapped topic outside `orderTopics`) are answered 200 and recorded as ignored: LadiSales
 * documents no retry or disabling policy at all, so a 2xx is the only answer known not to look
 * like a failure to it (and to LadiFlow-style senders that stop after repeated errors), while
 * the inbox keeps the delivery for the merchant to see.
 *
 * Dedupe: the mapped `order_id` + `updated_at` (the order's version), else the body's sha256.
 * State, not events: the mapping and status table give the canonical order (paid only from
 * `payment_status`, so a COD order is unpaid until collected; `shipping_status` into fulfilment
 * and delivery); domain/order-events.ts derives the events from the change against the stored
 * order. A field other than the id, the creation time and the total that cannot be read is left
 * empty and shown as a warning on the delivery in the inbox.
 */
export const ladisalesSettings = mappedSettings({
  mapping: ladisalesDefaultMapping,
  orderRoot: ['data.order', 'data', ''],
  statuses: ladisalesDefaultStatuses,
  currency: 'VND',
  salesChannel: 'LadiSales',
  utcOffset: '+07:00',
  tenantSource: 'store_id',
});

export const ladisalesAdapter = createMappedAdapter({
  platform: 'ladisales',
  storeIdLabel: 'LadiSales store (its name or store id, as you want it shown)',
  settings: ladisalesSettings,
  tokenLabel: 'Secret token (Flowdesk checks it in the webhook URL as ?token=…; use a long random value)',
  headerSecretLabel: 'Header secret (optional; sent by LadiSales as a custom request header, see the header name in settings)',
  setup: [
    'LadiSales calls Flowdesk from the internet: put the webhook listener behind a tunnel or reverse proxy and start Flowdesk with --public-url.',
    'In LadiSales → Settings (Cài đặt) → Webhook, create a webhook. API URL: this connection\'s webhook URL followed by ?token= and this connection\'s secret token, e.g. https://your-host/hooks/con_…?token=YOUR_SECRET_TOKEN.',
    'Recommended: also set a header secret on this connection, and in the webhook\'s API Request Header put {"X-Flowdesk-Secret": "<that header secret>"} (or the header name you chose in this connection\'s settings).',
    'Actions: tick create and update. Flowdesk treats every delivery as an order (order.created the first time it sees an order id, order.updated afterwards); if your payload carries an action field, map it in settings (topic.source) and list the actions to process in orderTopics, so deletes are answered and ignored.',
    'LadiSales documents no payload format, so the default field mapping assumes its order API\'s field names (order_id, reference_no, customer_*, shipping_*, details[], total, status, payment_status, payment_method, shipping_status, created_at, updated_at). Send a test order, then open it in the Inbox: the outcome names each field the mapping could not read (e.g. "warning: customer.email: path data.buyer.mail not found in the payload; left empty"); only a missing order id, creation time or total fails the delivery. Edit the mapping and the status table (payment, fulfillment, delivery words) in this connection\'s settings, and send the order again (an update in LadiSales re-sends it).',
  ],
});
