import { randomUUID } from 'node:crypto';
import { sampleOrder, shopifyHeaders } from '../../test/harness/shopify.ts';

export const TARGET_BODY_BYTES = 10 * 1024;

/** One request as the load generator sends it: bytes and the headers Shopify would send with them. */
export interface SignedRequest {
  body: Buffer;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;

/**
 * Shopify's sample orders/create payload with its line items repeated (each with its own id)
 * until the JSON is about `targetBytes`: a mid-sized real order is 5–15 KB.
 */
export function paddedOrder(targetBytes = TARGET_BODY_BYTES): Json {
  const base = sampleOrder();
  const template = (base['line_items'] as Json[])[0] as Json;
  const items: Json[] = [];
  let order: Json = { ...base, line_items: items };
  for (let k = 1; Buffer.byteLength(JSON.stringify(order)) < targetBytes; k++) {
    const id = 900_000_000 + k;
    items.push({ ...template, id, admin_graphql_api_id: `gid://shopify/LineItem/${id}`, sku: `BENCH-${k}` });
    order = { ...base, line_items: items };
  }
  return order;
}

/** The same order as a distinct one: its own id, number and customer. */
export function distinctOrder(template: Json, i: number): Json {
  const id = 5_000_000_000 + i;
  const email = `buyer${i}@example.com`;
  const customer = { ...(template['customer'] as Json), id: 7_000_000_000 + i, admin_graphql_api_id: `gid://shopify/Customer/${7_000_000_000 + i}`, email };
  return {
    ...template,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#B${i}`,
    order_number: 100_000 + i,
    email,
    contact_email: email,
    customer,
  };
}

/** Headers for a fresh delivery: new event and webhook ids, so the engine does not see a repeat. */
function freshHeaders(signed: Record<string, string>): Record<string, string> {
  return { ...signed, 'X-Shopify-Event-Id': randomUUID(), 'X-Shopify-Webhook-Id': randomUUID() };
}

/**
 * One body, signed once; each call gives it new delivery ids. The signature covers only the
 * body, so every request verifies; all of them are the same order (fine for ingest).
 */
export function sameOrderDeliveries(order: Json): { body: Buffer; next: () => SignedRequest } {
  const body = Buffer.from(JSON.stringify(order));
  const signed = shopifyHeaders(body);
  return { body, next: () => ({ body, headers: freshHeaders(signed) }) };
}

/**
 * `size` distinct orders (numbered from `offset`), each signed, made up front so signing is not part of the load; the
 * pool hands them out once each, then wraps (a wrapped one is a different delivery of an
 * order already seen, never a duplicate delivery).
 */
export function distinctOrderPool(template: Json, size: number, offset = 0): { next: () => SignedRequest } {
  const pool: SignedRequest[] = [];
  for (let i = offset; i < offset + size; i++) {
    const body = Buffer.from(JSON.stringify(distinctOrder(template, i)));
    pool.push({ body, headers: shopifyHeaders(body) });
  }
  let at = 0;
  return {
    next: () => {
      const r = pool[at++ % size] as SignedRequest;
      return { body: r.body, headers: freshHeaders(r.headers) };
    },
  };
}
