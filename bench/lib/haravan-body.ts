import { createHmac } from 'node:crypto';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET } from '../../test/harness/haravan-cancelled.ts';
import type { SignedRequest } from './shopify-body.ts';

/** A distinct mobile number per order, so every SMS has its own recipient. */
export const benchPhone = (i: number) => `09${String(10_000_000 + (i % 90_000_000)).padStart(8, '0')}`;

/**
 * `size` distinct cancelled Haravan orders (orders/cancelled, each with its own id, number and
 * phone on the shipping address), signed as Haravan signs them, made up front so signing is
 * not part of the load; handed out once each, then wrapped.
 */
export function cancelledOrderPool(size: number, offset = 0): { next: () => SignedRequest } {
  const pool: SignedRequest[] = [];
  for (let i = offset; i < offset + size; i++) {
    const body = Buffer.from(cancelledOrder({ id: 8_000_000 + i, number: `#S${i}`, phone: benchPhone(i), email: null }));
    pool.push({
      body,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Haravan-HmacSha256': createHmac('sha256', HARAVAN_SECRET).update(body).digest('base64'),
        'X-Haravan-Topic': 'orders/cancelled',
        'X-Haravan-Org-Id': HARAVAN_ORG_ID,
      },
    });
  }
  let at = 0;
  return { next: () => pool[at++ % size] as SignedRequest };
}
