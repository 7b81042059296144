import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApiArgsInput } from '../../../engine/contract/index.ts';
import { sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../../harness/shopify.ts';
import type { RawHeader } from './raw-http.ts';

/**
 * One way a platform proves a delivery genuine, as the fuzz needs it: the connection to make,
 * a valid payload, how to sign and send it, and a reference check, written from the platform's
 * documentation (README "The platforms"), of whether a request as received carries a valid
 * signature. The engine must never accept what the reference check says is not genuine.
 */
export interface Dialect {
  label: string;
  connection(ctx: { lazadaBaseUrl: string }): ApiArgsInput<'connections.create'>;
  /** Appended to the connection's path (Nhanh.vn v1's `?kind=`). */
  query: string;
  /** A valid payload (the bytes that get signed), and a fresh one (a new order or a newer version). */
  payload(): Buffer;
  fresh(n: number): Buffer;
  /** The valid signature of a payload, one made with another key, and the valid digest in the other encoding. */
  sign(payload: Buffer): string;
  signWithKey(key: string, payload: Buffer): string;
  signOtherEncoding(payload: Buffer): string;
  /** `hex` signatures are case-insensitive; `base64` and `token` ones are not. */
  encoding: 'base64' | 'hex' | 'token';
  /** The request for a payload and its signature values (several: repeated; null: sent without one). */
  build(payload: Buffer, signatures: readonly string[] | null): { headers: RawHeader[]; body: Buffer };
  /** The header that carries the signature, when it is a header. */
  signatureHeader: string | null;
  /** Reference verification of a request as received (header names lowercased, repeats joined by ", "). */
  genuine(headers: Record<string, string>, body: Buffer): boolean;
  /**
   * `data-hash`: the signature covers one form field, so a delivery is checked by what the engine
   * kept (the hash of that field in its delivery key) against the payloads the test signed.
   */
  verifiedBy?: 'data-hash';
}

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
const hmac = (alg: string, key: string | Buffer, data: Buffer | string) => createHmac(alg, key).update(data).digest();
/** What a base64 reader takes from a header (Node's decoder, as any lenient one, skips what is not base64). */
const b64Carries = (value: string | undefined, digest: Buffer) => !!value && Buffer.from(value.trim(), 'base64').equals(digest);
const json = (o: unknown) => Buffer.from(JSON.stringify(o));
const withJson = (buf: Buffer, change: (o: any) => void) => {
  const o = JSON.parse(buf.toString('utf8'));
  change(o);
  return json(o);
};

function hmacDialect(d: {
  label: string; secret: string; header: string; alg?: string;
  connection: Dialect['connection']; payload: () => Buffer; fresh: (n: number) => Buffer; headers: RawHeader[];
  read: (h: Record<string, string>) => string | undefined; secrets?: string[]; eventId?: (payload: Buffer) => string;
  /** Shopify, Haravan and Sapo always sign a body: an empty one is refused whatever its signature. */
  emptyBodyRefused?: boolean;
}): Dialect {
  const alg = d.alg ?? 'sha256';
  return {
    label: d.label,
    connection: d.connection,
    query: '',
    payload: d.payload,
    fresh: d.fresh,
    sign: (p) => hmac(alg, d.secret, p).toString('base64'),
    signWithKey: (key, p) => hmac(alg, key, p).toString('base64'),
    signOtherEncoding: (p) => hmac(alg, d.secret, p).toString('hex'),
    encoding: 'base64',
    build: (p, sigs) => ({
      headers: [...d.headers, ...(d.eventId ? [['X-Shopify-Event-Id', d.eventId(p)] as const] : []), ...(sigs ?? []).map((v) => [d.header, v] as const)],
      body: p,
    }),
    signatureHeader: d.header,
    genuine: (h, body) => !(d.emptyBodyRefused && body.length === 0) && (d.secrets ?? [d.secret]).some((s) => b64Carries(d.read(h), hmac(alg, s, body))),
  };
}

const CT_JSON: RawHeader = ['Content-Type', 'application/json'];

const shopify = hmacDialect({
  label: 'shopify', emptyBodyRefused: true, secret: SHOPIFY_SECRET, header: 'X-Shopify-Hmac-Sha256',
  connection: () => ({ platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET }),
  payload: () => json(sampleOrder()),
  fresh: (n) => json(sampleOrder({ id: 7_000_000 + n, name: `#F${n}`, order_number: 7000 + n })),
  headers: [CT_JSON, ['X-Shopify-Topic', 'orders/create'], ['X-Shopify-Shop-Domain', SHOP_DOMAIN]],
  // One event id per payload: a payload sent again is a redelivery (a duplicate), a new one is not.
  eventId: (p) => createHash('sha256').update(p).digest('hex').slice(0, 24),
  read: (h) => h['x-shopify-hmac-sha256'] ?? h['shopify-hmac-sha256'],
});

const HRV_WEBHOOK = 'hrv_store_webhook_secret_0123456789';
const HRV_APP = 'hrv_app_client_secret_abcdef012345';
const haravan = hmacDialect({
  label: 'haravan', emptyBodyRefused: true, secret: HRV_WEBHOOK, header: 'X-Haravan-HmacSha256', secrets: [HRV_WEBHOOK, HRV_APP],
  connection: () => ({ platform: 'haravan', storeId: '1000114691', secrets: { webhookSecret: HRV_WEBHOOK, appSecret: HRV_APP } }),
  payload: () => fixture('haravan/orders-create.json'),
  fresh: (n) => withJson(fixture('haravan/orders-create.json'), (o) => Object.assign(o, { id: 8_000_000 + n, updated_at: `2030-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z` })),
  headers: [['Content-Type', 'application/json; charset=utf-8'], ['X-Haravan-Topic', 'orders/create'], ['X-Haravan-Org-Id', '1000114691']],
  read: (h) => h['x-haravan-hmacsha256'] || h['x-haravan-hmac-sha256'] || undefined,
});

const SAPO_SECRET = 'sapo_app_secret_0123456789abcdef';
const sapo = hmacDialect({
  label: 'sapo', emptyBodyRefused: true, secret: SAPO_SECRET, header: 'X-Sapo-Hmac-Sha256',
  connection: () => ({ platform: 'sapo', storeId: 'flowdesk-demo.mysapo.net', secret: SAPO_SECRET }),
  payload: () => fixture('sapo/web-orders-create.json'),
  fresh: (n) => withJson(fixture('sapo/web-orders-create.json'), (o) => Object.assign(o, { id: 9_000_000 + n, name: `#S${n}`, modified_on: `2030-01-01T00:00:${String(n % 60).padStart(2, '0')}Z` })),
  headers: [CT_JSON, ['X-Sapo-Topic', 'orders/create'], ['X-Sapo-Shop-Domain', 'flowdesk-demo.mysapo.net']],
  read: (h) => h['x-sapo-hmac-sha256'] ?? h['x-shopify-hmac-sha256'],
});

const WOO_SECRET = 'wc-secret-0123456789';
const woocommerce = hmacDialect({
  label: 'woocommerce', secret: WOO_SECRET, header: 'X-WC-Webhook-Signature',
  connection: () => ({ platform: 'woocommerce', storeId: 'https://shop.example/', secret: WOO_SECRET }),
  payload: () => fixture('woocommerce/order-created.json'),
  fresh: (n) => withJson(fixture('woocommerce/order-created.json'), (o) => Object.assign(o, { id: 10_000 + n, number: String(10_000 + n), date_modified_gmt: '2030-01-01T00:00:00' })),
  headers: [CT_JSON, ['X-WC-Webhook-Source', 'https://shop.example/'], ['X-WC-Webhook-Topic', 'order.created'], ['X-WC-Webhook-Resource', 'order'], ['X-WC-Webhook-Event', 'created'], ['X-WC-Webhook-Delivery-ID', 'd1']],
  read: (h) => h['x-wc-webhook-signature'],
});

export const LAZADA = { appKey: '112233', appSecret: 'lzd-e2e-app-secret-0123456789', accessToken: '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg', order: '260422900198363' };
const lazadaPush = () => fixture('lazada/push-trade-order.json');
const lazadaMac = (p: Buffer) => hmac('sha256', LAZADA.appSecret, Buffer.concat([Buffer.from(LAZADA.appKey), p]));
const lazada: Dialect = {
  label: 'lazada',
  connection: ({ lazadaBaseUrl }) => ({
    platform: 'lazada', storeId: '1234567',
    secrets: { appSecret: LAZADA.appSecret, accessToken: LAZADA.accessToken },
    settings: { appKey: LAZADA.appKey, apiBaseUrl: lazadaBaseUrl },
  }),
  query: '',
  payload: lazadaPush,
  fresh: (n) => withJson(lazadaPush(), (o) => { o.data.status_update_time = 1_700_000_000 + n; }),
  sign: (p) => lazadaMac(p).toString('hex'),
  signWithKey: (key, p) => hmac('sha256', key, Buffer.concat([Buffer.from(LAZADA.appKey), p])).toString('hex'),
  signOtherEncoding: (p) => lazadaMac(p).toString('base64'),
  encoding: 'hex',
  build: (p, sigs) => ({ headers: [CT_JSON, ...(sigs ?? []).map((v) => ['Authorization', v] as const)], body: p }),
  signatureHeader: 'Authorization',
  genuine(h, body) {
    const given = h['authorization']?.trim() ?? '';
    return /^[0-9a-f]{64}$/i.test(given) && Buffer.from(given, 'hex').equals(lazadaMac(body));
  },
};

const KV_SECRET = 'a2lvdHZpZXQtd2ViaG9vay1zZWNyZXQ=';
const kiotBody = () => fixture('kiotviet/order-update.json');
/** README: sha1/sha256 × secret as typed/base64-decoded × hex/base64, with or without a `sha1=`/`sha256=` prefix. */
function kiotCarries(header: string | undefined, body: Buffer): boolean {
  if (!header) return false;
  const sig = header.trim().replace(/^(sha1|sha256)=/i, '');
  const keys = [Buffer.from(KV_SECRET), Buffer.from(KV_SECRET, 'base64')];
  return ['sha1', 'sha256'].some((alg) => keys.some((k) => {
    const d = hmac(alg, k, body);
    const hex = /^[0-9a-f]+$/i.test(sig) && sig.toLowerCase() === d.toString('hex');
    return hex || (/^[A-Za-z0-9+/]+={0,2}$/.test(sig) && sig.length % 4 === 0 && Buffer.from(sig, 'base64').equals(d));
  }));
}
const kiotviet: Dialect = {
  label: 'kiotviet',
  connection: () => ({ platform: 'kiotviet', storeId: 'flowdeskdemo', secrets: { webhookSecret: KV_SECRET } }),
  query: '?noecho',
  payload: kiotBody,
  fresh: (n) => withJson(kiotBody(), (o) => {
    o.Id = `fresh-${n}`;
    Object.assign(o.Notifications[0].Data[0], { Id: 20_000_000 + n, Code: `DHF${n}`, ModifiedDate: '2030-01-01T00:00:00.0000000' });
  }),
  sign: (p) => `sha1=${hmac('sha256', KV_SECRET, p).toString('hex')}`,
  signWithKey: (key, p) => `sha1=${hmac('sha256', key, p).toString('hex')}`,
  signOtherEncoding: (p) => hmac('sha256', KV_SECRET, p).toString('base64'),
  encoding: 'hex',
  build: (p, sigs) => ({ headers: [CT_JSON, ...(sigs ?? []).map((v) => ['X-Hub-Signature', v] as const)], body: p }),
  signatureHeader: 'X-Hub-Signature',
  genuine: (h, body) => kiotCarries(h['x-hub-signature'], body),
};

export const NHANH = { token: 'nhanh-verify-token-demo', secretKey: 'nhanh-v1-secret-key' };
const nhanhConnection: Dialect['connection'] = () => ({ platform: 'nhanhvn', storeId: '10000', secrets: { verifyToken: NHANH.token, secretKey: NHANH.secretKey } });
const isForm = (ct: string | undefined) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(ct ?? '');
/** README: v2/v3 carry `webhooksVerifyToken` in the body or a header; whichever is present must match. */
function nhanhTokenOk(h: Record<string, string>, body: Buffer): boolean {
  if (isForm(h['content-type'])) return false;
  const header = h['verifytoken'] ?? h['webhooksverifytoken'];
  let inBody: unknown;
  try {
    const o = JSON.parse(body.toString('utf8'));
    inBody = o && typeof o === 'object' ? o.webhooksVerifyToken : undefined;
  } catch {
    inBody = undefined;
  }
  const bodyToken = typeof inBody === 'string' && inBody !== '' ? inBody : undefined;
  if (header === undefined && bodyToken === undefined) return false;
  return (header === undefined || header === NHANH.token) && (bodyToken === undefined || bodyToken === NHANH.token);
}
const nhanhPayload = () => withJson(fixture('nhanhvn/v2-order-add.json'), (o) => { delete o.webhooksVerifyToken; });
const nhanhFresh = (n: number) => withJson(nhanhPayload(), (o) => { o.data.orderId = 500_000_000 + n; });
const nhanhCommon = {
  connection: nhanhConnection, query: '', payload: nhanhPayload, fresh: nhanhFresh, encoding: 'token' as const,
  sign: () => NHANH.token, signWithKey: (key: string) => key, genuine: nhanhTokenOk,
};

/** v2 with the token in the body, as the order docs show it. */
const nhanhV2Body: Dialect = {
  ...nhanhCommon,
  label: 'nhanhvn-v2-body',
  signOtherEncoding: () => Buffer.from(NHANH.token).toString('base64'),
  build(p, sigs) {
    const text = p.toString('utf8');
    const keys = (sigs ?? []).map((v) => `"webhooksVerifyToken":${JSON.stringify(v)},`).join('');
    return { headers: [CT_JSON], body: text.startsWith('{') ? Buffer.from(`{${keys}${text.slice(1)}`) : p };
  },
  signatureHeader: null,
};

/** v2/v3 with the token in the `verifyToken` header, as the intro page says. */
const nhanhV2Header: Dialect = {
  ...nhanhCommon,
  label: 'nhanhvn-v2-header',
  signOtherEncoding: () => NHANH.token.toUpperCase(),
  build: (p, sigs) => ({ headers: [CT_JSON, ...(sigs ?? []).map((v) => ['verifyToken', v] as const)], body: p }),
  signatureHeader: 'verifyToken',
};

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
export const BOUNDARY = '----flowdeskFuzzBoundary7MA4YWxkTrZu0gW';
export function multipart(fields: readonly (readonly [string, string])[]): Buffer {
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`, 'utf8');
}
/** The hash of `data` the adapter puts in a v1 delivery key: which data a delivery stands for. */
export const v1DataHash = (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 32);
const v1Data = () => Buffer.from(JSON.stringify(JSON.parse(fixture('nhanhvn/v1-order-status-data.json').toString('utf8'))));

/**
 * v1: the payload is the form's `data`; the checksum, md5(md5(secretKey + data) + data), travels
 * in the form. It covers `data` only, so the reference check is done on what the engine kept
 * (the data hash in the delivery key), see `webhook-oracle.ts`.
 */
const nhanhV1: Dialect = {
  label: 'nhanhvn-v1',
  connection: nhanhConnection,
  query: '?kind=orderUpdate',
  payload: v1Data,
  fresh: (n) => withJson(v1Data(), (o) => { o.id = `WEB-F${n}`; }),
  sign: (p) => md5(md5(NHANH.secretKey + p.toString('utf8')) + p.toString('utf8')),
  signWithKey: (key, p) => md5(md5(key + p.toString('utf8')) + p.toString('utf8')),
  signOtherEncoding: (p) => Buffer.from(md5(md5(NHANH.secretKey + p.toString('utf8')) + p.toString('utf8')), 'hex').toString('base64'),
  encoding: 'hex',
  build: (p, sigs) => ({
    headers: [['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`]],
    body: multipart([['storeId', '77'], ['data', p.toString('utf8')], ...(sigs ?? []).map((v) => ['checksum', v] as const)]),
  }),
  signatureHeader: null,
  genuine: () => false,
  verifiedBy: 'data-hash',
};

export const dialects: readonly Dialect[] = [shopify, haravan, sapo, woocommerce, lazada, kiotviet, nhanhV2Body, nhanhV2Header, nhanhV1];
