import { LazadaSettings } from '../../engine/platforms/lazada/lazada-settings.ts';
import { signLazada } from '../../engine/platforms/lazada/lazada-sign.ts';
import type { FakeLazada } from './fake-lazada-api.ts';

/** The credentials the Lazada fake and its connection share. */
export const LAZADA_CREDS = { appKey: '112233', appSecret: 'lazada-test-secret', accessToken: 'seller-token-1', sellerName: 'Flowdesk Demo Shop' };
export const LAZADA_SELLER = '1234567';

/** `connections.create` args for a Lazada connection on the fake, write-back on. */
export function lazadaConnection(fake: FakeLazada) {
  return {
    platform: 'lazada' as const,
    storeId: LAZADA_SELLER,
    secrets: { appSecret: LAZADA_CREDS.appSecret, accessToken: LAZADA_CREDS.accessToken },
    settings: { appKey: LAZADA_CREDS.appKey, apiBaseUrl: `${fake.baseUrl}/rest` },
    api: { writeBack: true, baseUrl: `${fake.baseUrl}/rest` },
  };
}

/**
 * Lazada's push for the order as the fake now has it (its first item's status, at the order's
 * update time, reference §5.4), signed with the adapter's own signer; posted to `hookUrl`.
 */
export async function pushLazada(hookUrl: string, fake: FakeLazada, orderId: string, opts: { status?: string; atMs?: number } = {}): Promise<{ status: number; verdict: string }> {
  const order = fake.orders.get(orderId);
  if (!order) throw new Error(`the Lazada fake has no order ${orderId}`);
  const item = order.items[0]!;
  const body = JSON.stringify({
    seller_id: LAZADA_SELLER,
    message_type: 0,
    data: {
      order_status: opts.status ?? item.status,
      trade_order_id: orderId,
      trade_order_line_id: item.order_item_id,
      status_update_time: Math.floor((opts.atMs ?? order.updatedAtMs) / 1000),
    },
    timestamp: Date.now(),
    site: 'lazada_vn',
  });
  const settings = LazadaSettings.parse({ appKey: LAZADA_CREDS.appKey });
  const headers = { 'content-type': 'application/json', ...signLazada(Buffer.from(body), { appSecret: LAZADA_CREDS.appSecret }, settings) };
  const res = await fetch(hookUrl, { method: 'POST', headers, body });
  const json = (await res.json()) as { verdict?: string };
  return { status: res.status, verdict: json.verdict ?? '' };
}

/** Moves every item of the fake's order to `status` (as Seller Center or the buyer would), a second later than before. */
export function setLazadaStatus(fake: FakeLazada, orderId: string, statuses: string | string[]): void {
  const order = fake.orders.get(orderId)!;
  order.items.forEach((item, n) => (item.status = typeof statuses === 'string' ? statuses : (statuses[n] ?? item.status)));
  order.updatedAtMs = Math.max(Date.now(), order.updatedAtMs + 1000);
}
