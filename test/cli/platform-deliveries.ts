import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Platform } from '../../engine/contract/index.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

/** Nothing listens on port 9 (discard): what Lazada's and KiotViet's API calls reach in these tests. */
export const DEAD_API = 'http://127.0.0.1:9';

/**
 * One platform as a merchant meets it on the command line: the `connections add` arguments,
 * and a genuine delivery in the platform's own format (headers, body, signature), written
 * from test/platforms/*.test.ts and test/fuzz/support/dialects.ts.
 */
export interface CliPlatformCase {
  platform: Platform;
  args: string[];
  /** The secret that signs (or, for token platforms, authenticates) a delivery. */
  secret: string;
  /** Sends one genuine delivery, signed with `secret`, to the connection's webhook URL; resolves with the status. */
  deliver(url: string, secret: string): Promise<number>;
}

const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const hmac = (alg: string, key: string, data: Buffer) => createHmac(alg, key).update(data).digest();

async function post(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  await res.arrayBuffer();
  return res.status;
}

const HARAVAN_ORG = '1000114691';
const LAZADA = { appKey: '112233', appSecret: 'lzd-cli-app-secret-0123456789', accessToken: '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg' };
/** A base64 secret ending in "=": passed as a plain --secret, it must not read as NAME=VALUE. */
const KIOTVIET_SECRET = 'a2lvdHZpZXQtd2ViaG9vay1zZWNyZXQ=';
/** The user's mapping for the foreign catch-hook payload, as --setting options (dotted keys and JSON values). */
function catchhookSettings(): string[] {
  const s = JSON.parse(fixture('catchhook/foreign-mapping.json').toString('utf8')) as Record<string, unknown> & { topic: { source: string; value: string } };
  const rest = Object.entries(s).filter(([key]) => key !== 'topic');
  return [`topic.source=${s.topic.source}`, `topic.value=${s.topic.value}`, ...rest.map(([key, v]) => `${key}=${typeof v === 'string' ? v : JSON.stringify(v)}`)]
    .flatMap((kv) => ['--setting', kv]);
}

export const cliPlatforms: CliPlatformCase[] = [
  {
    platform: 'shopify',
    args: ['--store', SHOP_DOMAIN, '--secret', SHOPIFY_SECRET],
    secret: SHOPIFY_SECRET,
    deliver: async (url, secret) => (await postShopify(url, { secret })).status,
  },
  {
    platform: 'haravan',
    args: ['--store', HARAVAN_ORG, '--name', 'Haravan shop', '--secret', 'webhookSecret=hrv_store_webhook_secret_0123456789', '--secret', 'appSecret=hrv_app_client_secret_abcdef012345'],
    secret: 'hrv_store_webhook_secret_0123456789',
    deliver(url, secret) {
      const body = fixture('haravan/orders-create.json');
      return post(url, body, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Haravan-Topic': 'orders/create',
        'X-Haravan-Org-Id': HARAVAN_ORG,
        'X-Haravan-HmacSha256': hmac('sha256', secret, body).toString('base64'),
      });
    },
  },
  {
    platform: 'sapo',
    args: ['--store', 'flowdesk-demo.mysapo.net', '--secret', 'sapo_app_secret_0123456789abcdef'],
    secret: 'sapo_app_secret_0123456789abcdef',
    deliver(url, secret) {
      const body = fixture('sapo/web-orders-create.json');
      return post(url, body, {
        'X-Sapo-Topic': 'orders/create',
        'X-Sapo-Shop-Domain': 'flowdesk-demo.mysapo.net',
        'X-Sapo-Hmac-Sha256': hmac('sha256', secret, body).toString('base64'),
      });
    },
  },
  {
    platform: 'woocommerce',
    args: ['--store', 'https://shop.example/', '--secret', 'wc-secret-0123456789'],
    secret: 'wc-secret-0123456789',
    deliver(url, secret) {
      const body = fixture('woocommerce/order-created.json');
      return post(url, body, {
        'X-WC-Webhook-Source': 'https://shop.example/',
        'X-WC-Webhook-Topic': 'order.created',
        'X-WC-Webhook-Resource': 'order',
        'X-WC-Webhook-Event': 'created',
        'X-WC-Webhook-Delivery-ID': 'cli-1',
        'X-WC-Webhook-Signature': hmac('sha256', secret, body).toString('base64'),
      });
    },
  },
  {
    platform: 'lazada',
    args: [
      '--store', '1234567',
      // A numeric app key stays text: Lazada signs with it as a string.
      '--setting', `appKey=${LAZADA.appKey}`,
      '--secret', `appSecret=${LAZADA.appSecret}`,
      '--secret', `accessToken=${LAZADA.accessToken}`,
      '--setting', `apiBaseUrl=${DEAD_API}/rest`,
    ],
    secret: LAZADA.appSecret,
    deliver(url, secret) {
      const body = fixture('lazada/push-trade-order.json');
      // Lazada signs app_key + body with the app secret, hex, in Authorization.
      return post(url, body, { Authorization: hmac('sha256', secret, Buffer.concat([Buffer.from(LAZADA.appKey), body])).toString('hex') });
    },
  },
  {
    platform: 'nhanhvn',
    args: ['--store', '10000', '--secret', 'verifyToken=nhanh-cli-verify-token', '--secret', 'secretKey=nhanh-v1-secret-key'],
    secret: 'nhanh-cli-verify-token',
    deliver(url, secret) {
      const order = JSON.parse(fixture('nhanhvn/v2-order-add.json').toString('utf8')) as Record<string, unknown>;
      delete order['webhooksVerifyToken'];
      // API v2/v3 may carry the token in the verifyToken header instead of the body.
      return post(url, Buffer.from(JSON.stringify(order)), { verifyToken: secret });
    },
  },
  {
    platform: 'kiotviet',
    args: ['--store', 'flowdeskdemo', '--secret', KIOTVIET_SECRET, '--setting', `apiBaseUrl=${DEAD_API}`, '--setting', `tokenUrl=${DEAD_API}/connect/token`],
    secret: KIOTVIET_SECRET,
    deliver(url, secret) {
      const body = fixture('kiotviet/order-update.json');
      return post(`${url}?noecho`, body, { 'X-Hub-Signature': `sha256=${hmac('sha256', secret, body).toString('hex')}` });
    },
  },
  {
    platform: 'ladisales',
    args: ['--store', 'Ladi shop', '--secret', 'urlToken=ls_tok_8c1d0f6a2b9e4d7c'],
    secret: 'ls_tok_8c1d0f6a2b9e4d7c',
    deliver: (url, secret) => post(`${url}?token=${encodeURIComponent(secret)}`, fixture('ladisales/order.json'), {}),
  },
  {
    platform: 'catchhook',
    args: ['--store', 'tiki-export', '--secret', 'urlToken=ch_tok_0f4e9d2a7b61c385', ...catchhookSettings()],
    secret: 'ch_tok_0f4e9d2a7b61c385',
    deliver: (url, secret) => post(`${url}?token=${encodeURIComponent(secret)}`, fixture('catchhook/foreign-order.json'), {}),
  },
];
