import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const HARAVAN_ORG_ID = '1000114691';
export const HARAVAN_SECRET = 'hrv_store_webhook_secret_0123456789';

const fixture = () => JSON.parse(readFileSync(new URL('../fixtures/haravan/orders-cancelled.json', import.meta.url), 'utf8')) as Record<string, any>;

/**
 * Haravan's documented cancelled order (fixtures/haravan/orders-cancelled.json: no phone,
 * email foo@example.com) as another order: its own id and number, a phone on the shipping
 * address when given, its own email or none.
 */
export function cancelledOrder(o: { id: number; number: string; phone?: string | null; email?: string | null }): string {
  const order = fixture();
  order['id'] = o.id;
  order['name'] = o.number;
  order['order_number'] = o.number;
  order['shipping_address'] = { ...order['shipping_address'], phone: o.phone ?? null };
  order['email'] = o.email ?? null;
  order['contact_email'] = o.email ?? null;
  order['customer'] = { ...order['customer'], id: o.id + 1, email: o.email ?? null, phone: null };
  return JSON.stringify(order);
}

/** Posts an orders/cancelled delivery signed as Haravan signs it (X-Haravan-HmacSha256 over the raw bytes). */
export async function postHaravanCancelled(hookUrl: string, body: string): Promise<number> {
  const res = await fetch(hookUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Haravan-HmacSha256': createHmac('sha256', HARAVAN_SECRET).update(body).digest('base64'),
      'X-Haravan-Topic': 'orders/cancelled',
      'X-Haravan-Org-Id': HARAVAN_ORG_ID,
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
