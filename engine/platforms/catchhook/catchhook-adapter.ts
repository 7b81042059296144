import type { FieldMapping } from '../field-mapping/mapping-schema.ts';
import { createMappedAdapter } from '../field-mapping/mapped-adapter.ts';
import { mappedSettings } from '../field-mapping/mapped-settings.ts';

/**
 * The generic catch hook (seed 004: a "catch hook" webhook trigger): any other source POSTs
 * JSON (or a form) to the connection's URL, and the user maps it into the order model. Same
 * authentication as LadiSales: a secret token in the URL, plus an optional header secret.
 *
 * Topic: "order" unless the settings map a topic field; a topic outside `orderTopics` is
 * answered 200 and recorded as ignored. The sender is unknown, and most webhook senders
 * (Zapier, Make, n8n, form tools, in-house scripts) retry or switch a hook off after non-2xx
 * answers; 200 keeps the hook alive while the inbox keeps the delivery for the user to see,
 * so they can widen `orderTopics` instead of losing the sender.
 *
 * The default mapping is only what an order cannot do without (its id, when it was made, its
 * total), at guessed paths; everything else is the user's mapping.
 */
export const catchhookDefaultMapping: FieldMapping = [
  { target: 'platformOrderId', source: 'id' },
  { target: 'createdAt', source: 'created_at' },
  { target: 'totalPrice', source: 'total' },
];

export const catchhookSettings = mappedSettings({
  mapping: catchhookDefaultMapping,
  orderRoot: [''],
  statuses: {},
  currency: 'VND',
  salesChannel: 'Catch hook',
  utcOffset: 'Z',
});

export const catchhookAdapter = createMappedAdapter({
  platform: 'catchhook',
  storeIdLabel: 'Source name (what sends to this hook, e.g. "tiki-export" or "my-form")',
  settings: catchhookSettings,
  tokenLabel: 'Secret token (the sender puts it in the URL as ?token=…; use a long random value)',
  headerSecretLabel: 'Header secret (optional; the sender must also send it in the header named in settings)',
  setup: [
    'Point the sender at this connection\'s webhook URL followed by ?token=<this connection\'s secret token>, as a POST with a JSON body (a form-encoded body is read as flat fields). Senders on the internet need Flowdesk started with --public-url behind a tunnel or reverse proxy.',
    'Optional: give the connection a header secret and have the sender add it in a header (X-Flowdesk-Secret by default; settings.headerName changes the name). When set, a delivery without it is refused with 401.',
    'Map the payload in settings.mapping: a list of rules { "target": <order field>, "source": <path in the payload> }. Paths are dotted (data.order.code), [0] takes one element, [] every element (data.order.items[]), ["odd key"] quotes a key; several paths in a list are tried in order. Add "value" for a constant (or a fallback), "optional": true when the field may be absent, and "transform": string, decimal, integer, lowercase, uppercase, trim, date or boolean (a list runs in order).',
    'Required: platformOrderId, createdAt and totalPrice (the defaults guess id, created_at and total). Useful: number, updatedAt (the order\'s version: with it, a retried or older delivery is recognised), customer.email / customer.phone / customer.name, shippingAddress.*, currency, tags, platformStatus / financialStatus / fulfillmentStatus / deliveryStatus, paymentMethod (a cash-on-delivery word such as "COD" marks the order cashOnDelivery; or map cashOnDelivery to a yes/no field), cancelledAt.',
    'Line items: { "target": "lineItems", "source": "data.order.items[]", "fields": [ { "target": "title", "source": "name" }, { "target": "quantity", "source": "qty" }, { "target": "price", "source": "unit_price", "transform": "decimal" } ] }; paths in fields are relative to each element.',
    'Statuses: settings.statuses maps your words to canonical ones, e.g. { "payment": { "da_thanh_toan": "paid" }, "fulfillment": { "dang_giao": "fulfilled" }, "delivery": { "dang_giao": "in_transit", "da_giao": "delivered", "giao_that_bai": "delivery_failed", "hoan_hang": "returned" }, "order": { "huy": { "cancelled": true } } }. Paid means the money was received: map a cash-on-delivery order\'s word to paid only once it is collected. order.paid, order.fulfilled, order.delivered, order.delivery_failed, order.returned and order.cancelled fire when an order reaches those states.',
    'If the order is under a key (e.g. { "event": …, "data": { … } }), set settings.orderRoot to ["data"]; to process only some events, set settings.topic.source to "event" and settings.orderTopics to the events that carry an order.',
    'Send one test delivery and open it in the Inbox. Only platformOrderId, createdAt, totalPrice (and each line item\'s title and price) fail a delivery, with the reason for each field; any other field the mapping cannot read is left empty and its outcome says why, e.g. "warning: customer.email: path data.buyer.mail not found in the payload (no "mail" in data.buyer, which has name, phone); left empty".',
  ],
});
