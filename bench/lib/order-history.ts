import { distinctOrder } from './shopify-body.ts';
import { shopifyHeaders } from '../../test/harness/shopify.ts';
import type { SignedRequest } from './shopify-body.ts';

type Json = Record<string, unknown>;

/** The deliveries one order brings over its life: created, edited, paid, shipped. */
export const LIFE = [
  { topic: 'orders/create', financial: 'pending', fulfillment: null, minutes: 0 },
  { topic: 'orders/updated', financial: 'pending', fulfillment: null, minutes: 3 },
  { topic: 'orders/paid', financial: 'paid', fulfillment: null, minutes: 60 },
  { topic: 'orders/fulfilled', financial: 'paid', fulfillment: 'fulfilled', minutes: 1440 },
] as const;

/** The signed deliveries of order `i`'s life, in the order Shopify sends them. */
export function orderLife(template: Json, i: number): SignedRequest[] {
  const base = distinctOrder(template, i);
  const created = Date.parse(String(base['created_at']));
  return LIFE.map((stage) => {
    const body = Buffer.from(JSON.stringify({
      ...base,
      financial_status: stage.financial,
      fulfillment_status: stage.fulfillment,
      updated_at: new Date(created + stage.minutes * 60_000).toISOString(),
    }));
    return { body, headers: shopifyHeaders(body, { topic: stage.topic }) };
  });
}
