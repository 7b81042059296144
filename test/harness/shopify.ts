import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const SHOPIFY_SECRET = 'shpss_test_0123456789abcdef0123456789abcdef';
export const SHOP_DOMAIN = 'flowdesk-demo.myshopify.com';

/** Shopify's sample orders/create payload (webhook reference), as an object to vary. */
export function sampleOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = JSON.parse(readFileSync(new URL('../fixtures/shopify/orders-create.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  return { ...base, ...overrides };
}

export function signShopify(body: Buffer | string, secret = SHOPIFY_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface ShopifyDelivery {
  topic?: string;
  body?: Buffer | string;
  secret?: string;
  eventId?: string;
  webhookId?: string;
  headers?: Record<string, string | undefined>;
}

/** The headers Shopify sends with a delivery (reference §1.1), signed over the exact bytes. */
export function shopifyHeaders(body: Buffer | string, d: ShopifyDelivery = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': d.topic ?? 'orders/create',
    'X-Shopify-Hmac-Sha256': signShopify(body, d.secret),
    'X-Shopify-Shop-Domain': SHOP_DOMAIN,
    'X-Shopify-API-Version': '2026-07',
    'X-Shopify-Webhook-Id': d.webhookId ?? randomUUID(),
    'X-Shopify-Event-Id': d.eventId ?? randomUUID(),
    'X-Shopify-Triggered-At': new Date().toISOString(),
    ...d.headers,
  };
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function postShopify(url: string, d: ShopifyDelivery = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const body = d.body ?? JSON.stringify(sampleOrder());
  const res = await fetch(url, { method: 'POST', headers: shopifyHeaders(body, d), body });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}
