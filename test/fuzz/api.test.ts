import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, ApiReply, httpStatusByCode, isApiMethodName } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import { argsArb, bodyBytes, bodyKindArb, methodNameArb, originKindArb, tokenKindArb, type KnownIds, type OriginKind, type TokenKind } from './support/api-arbs.ts';
import { runProperty } from './support/fuzz-run.ts';
import { sendRaw, type RawHeader } from './support/raw-http.ts';

/**
 * Property 3: random method names and arguments, tokens, Origins and bodies against the engine
 * API over HTTP. Every answer is the contract's envelope with the status its code maps to; no
 * `internal` (5xx); nothing succeeds without the right token and an allowed Origin; a success
 * carries a result that matches the method's result schema.
 */
const RUNS = 500;
const SEED = 20_261_300;

const CONTENT_TYPES = ['application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16le', 'text/plain', 'application/x-www-form-urlencoded', null] as const;

const requestArb = (known: KnownIds) => methodNameArb.chain((name) => fc.record({
  name: fc.constant(name),
  args: argsArb(known, name),
  body: bodyKindArb,
  token: tokenKindArb,
  origin: originKindArb,
  // Unsupported charsets and Content-Encodings answer 500: kept out here, reproduced in api-gaps.test.ts.
  contentType: fc.constantFrom(...CONTENT_TYPES),
  events: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  junk: fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x21-\x7e]/g, '')),
}));

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

function authorization(kind: TokenKind, token: string, junk: string): { headers: RawHeader[]; query: string } {
  const wrong = `Bearer ${junk === token ? `${junk}!` : junk}`;
  switch (kind) {
    case 'right': return { headers: [['Authorization', `Bearer ${token}`]], query: '' };
    case 'missing': return { headers: [], query: '' };
    case 'wrong': return { headers: [['Authorization', wrong]], query: '' };
    case 'case': return { headers: [['Authorization', `Bearer ${swapCase(token)}`]], query: '' };
    case 'extra': return { headers: [['Authorization', `Bearer ${token}x`]], query: '' };
    case 'prefix-only': return { headers: [['Authorization', 'Bearer ']], query: '' };
    case 'lowercase-scheme': return { headers: [['Authorization', `bearer ${token}`]], query: '' };
    case 'query': return { headers: [], query: `?token=${encodeURIComponent(token)}` };
    case 'first-of-two': return { headers: [['Authorization', `Bearer ${token}`], ['Authorization', wrong]], query: '' };
    case 'second-of-two': return { headers: [['Authorization', wrong], ['Authorization', `Bearer ${token}`]], query: '' };
  }
}

/**
 * Whether the request carries the right token where the API takes it: the first Authorization
 * (Node drops repeats), or `?token=` on the event stream's path (with any method: a POST there
 * passes the token check and gets `unknown_method`).
 */
function carriesToken(kind: TokenKind, token: string, eventsPath: boolean): boolean {
  if (kind === 'case') return swapCase(token) === token;
  return kind === 'right' || kind === 'first-of-two' || (kind === 'query' && eventsPath);
}

describe('fuzz: the engine API over HTTP', () => {
  let t: TempEngine;
  let port: number;
  const known: KnownIds = { connections: [], flows: [], orders: [], inbox: [] };

  beforeAll(async () => {
    t = await startTempEngine({ bodyLimit: 64 * 1024 });
    port = Number(new URL(t.apiUrl).port);
    const shop = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const woo = await t.engine.call('connections.create', { platform: 'woocommerce', storeId: 'https://shop.example/', secret: 'wc-secret' });
    known.connections.push(shop.id, woo.id);
    for (const threshold of ['100', '5']) {
      const flow = await t.engine.call('flows.save', { document: vipFlow(threshold) });
      await t.engine.call('flows.activate', { id: flow.id });
      known.flows.push(flow.id);
    }
    await postShopify(shop.webhookUrl);
    await postShopify(shop.webhookUrl, { secret: 'wrong' });
    await t.engine.idle();
    known.orders.push(...(await t.engine.call('orders.list', {})).rows.map((o) => o.id));
    known.inbox.push(...(await t.engine.call('inbox.list', {})).map((e) => e.id));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers everything in the envelope with its mapped status; no 5xx; no success without the token and an allowed Origin', async () => {
    const codes = new Map<string, number>();
    const cases = await runProperty('API requests', requestArb(known), async (r) => {
      const token = t.engine.token;
      const auth = authorization(r.token, token, r.junk);
      const origins: Record<OriginKind, string | null> = {
        none: null, own: t.apiUrl, localhost: `http://localhost:${port}`, other: `http://${r.junk || 'evil'}.example`, null: 'null', 'own-slash': `${t.apiUrl}/`,
      };
      const origin = origins[r.origin];
      const headers: RawHeader[] = [...auth.headers, ...(origin === null ? [] : [['Origin', origin] as const]), ...(r.contentType === null ? [] : [['Content-Type', r.contentType] as const])];
      const path = r.events ? `/api/events${auth.query}` : `/api/${encodeURIComponent(r.name)}${auth.query}`;
      const body = r.events ? Buffer.alloc(0) : bodyBytes(r.body, r.args);
      const res = await sendRaw(port, { method: r.events ? 'GET' : 'POST', path, headers, body });
      const what = `${r.events ? 'GET' : 'POST'} ${path.slice(0, 80)} (${r.token}, origin ${r.origin}, ${r.contentType}, body ${r.body.kind}) → ${res.status} ${res.body.toString('utf8').slice(0, 300)}`;

      const originOk = origin === null || origin === t.apiUrl || origin === `http://localhost:${port}`;
      const authorized = carriesToken(r.token, token, r.events || r.name === 'events');
      if (originOk && authorized && r.events) {
        expect(res.status, what).toBe(200);
        expect(res.headers['content-type'], what).toMatch(/^text\/event-stream/);
        codes.set('events', (codes.get('events') ?? 0) + 1);
        return;
      }
      const reply = ApiReply.safeParse(res.json);
      expect(reply.success, `${what}: not the envelope`).toBe(true);
      const env = reply.data!;
      const code = env.ok ? 'ok' : env.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(res.status, what).toBe(env.ok ? 200 : httpStatusByCode[env.error.code]);
      expect(code, what).not.toBe('internal');
      if (!env.ok) expect(env.error.message.trim(), what).toBeTruthy();

      if (!originOk) return expect(code, what).toBe('forbidden_origin');
      if (!authorized) return expect(code, what).toBe('unauthorized');
      if (r.body.kind === 'oversize' && r.contentType?.startsWith('application/json')) return expect(code, what).toBe('invalid_args');
      const jsonArgs = r.body.kind === 'json' && r.contentType?.startsWith('application/json') && !r.contentType.includes('utf-16');
      if (jsonArgs && r.args !== null && typeof r.args === 'object' && !isApiMethodName(r.name)) expect(code, what).toBe('unknown_method');
      if (env.ok) {
        expect(isApiMethodName(r.name), what).toBe(true);
        const result = apiMethods[r.name as keyof typeof apiMethods].result.safeParse(env.result);
        expect(result.success, `${what}: result does not match the contract: ${result.error?.message}`).toBe(true);
      }
    }, { seed: SEED, numRuns: RUNS });
    console.log(`[fuzz] API requests: ${cases} requests, answers ${JSON.stringify(Object.fromEntries(codes))}`);

    // Still serving: a plain call answers.
    const res = await sendRaw(port, { method: 'POST', path: '/api/engine.status', headers: [['Authorization', `Bearer ${t.engine.token}`], ['Content-Type', 'application/json']], body: Buffer.from('{}') });
    expect(res.json).toMatchObject({ ok: true });
  });
});
