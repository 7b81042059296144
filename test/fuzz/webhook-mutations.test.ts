import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startLazadaOpenApi, type LazadaOpenApi } from '../platforms/servers/lazada-open-api.ts';
import { dialects, LAZADA, type Dialect } from './support/dialects.ts';
import { expectOnlyAcceptedDeliveriesChangedOrders } from './support/effects.ts';
import { runProperty } from './support/fuzz-run.ts';
import { applyBody, applyHeaders, applySignature, bodyMutation, headerMutation, signatureMutation } from './support/mutations.ts';
import { sendRaw, type RawHeader } from './support/raw-http.ts';
import { expectDocumentedAnswer, lastInboxId } from './support/webhook-oracle.ts';

/**
 * Property 1: random and mutated deliveries, POSTed (or sent with other methods) to each signing
 * platform's connection URL, get the documented answer, one inbox row each with a reason, and no
 * forgery is ever verified; afterwards no order was touched by anything but an accepted delivery
 * and a fresh valid delivery is still accepted and processed.
 */
const LIMIT = 64 * 1024;
const RUNS = 200;
const SEED = 20_261_100;

const caseArb = fc.record({
  /** Mutate the payload before signing it (a genuine delivery with odd bytes) rather than in transit. */
  resign: fc.boolean(),
  body: bodyMutation,
  signature: signatureMutation,
  headers: fc.array(headerMutation, { maxLength: 3 }),
  chunked: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 64, max: 8192 }) }),
  target: fc.oneof(
    { weight: 14, arbitrary: fc.constant({ kind: 'own' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown' as const), id: fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('method' as const), method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE') }) },
  ),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const lazadaFixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/lazada/${name}`, import.meta.url), 'utf8'));

describe('fuzz: the webhook listener under random and mutated deliveries', () => {
  let t: TempEngine;
  let lazadaApi: LazadaOpenApi;
  let port: number;
  const paths = new Map<string, string>();

  beforeAll(async () => {
    lazadaApi = await startLazadaOpenApi({ appKey: LAZADA.appKey, appSecret: LAZADA.appSecret, accessToken: LAZADA.accessToken });
    lazadaApi.orders.set(LAZADA.order, { order: { ...lazadaFixture('order-get.json').data, statuses: ['pending'] }, items: lazadaFixture('order-items-get.json').data });
    t = await startTempEngine({ bodyLimit: LIMIT });
    port = Number(new URL(t.webhookBaseUrl).port);
    for (const d of dialects) {
      const c = await t.engine.call('connections.create', d.connection({ lazadaBaseUrl: lazadaApi.baseUrl }));
      paths.set(d.label, `${c.webhookPath}${d.query}`);
    }
  });
  afterAll(async () => {
    await t?.close();
    await lazadaApi?.close();
  });

  function build(d: Dialect, c: Case) {
    let payload = d.payload();
    const extra: RawHeader[] = [];
    if (c.resign) {
      const r = applyBody(c.body, payload, LIMIT);
      payload = r.body;
      extra.push(...r.headers);
    }
    const valid = d.sign(payload);
    const sigs = applySignature(c.signature, valid, d.signOtherEncoding(payload), (key) => d.signWithKey(key, payload));
    const built = d.build(payload, sigs);
    let body = built.body;
    if (!c.resign) {
      const r = applyBody(c.body, body, LIMIT);
      body = r.body;
      extra.push(...r.headers);
    }
    const headers = applyHeaders(c.headers, [...built.headers, ...extra]);
    // Nhanh.vn v1: the checksum sent is right for this data (hex is case-insensitive, spaces are trimmed).
    const signedV1 = sigs?.length === 1 && sigs[0]!.trim().toLowerCase() === valid;
    const untouched = c.headers.every((h) => h.kind === 'junk' || h.kind === 'nameCase') && (c.resign || c.body.kind === 'none');
    const own = paths.get(d.label)!;
    const method = c.target.kind === 'method' ? c.target.method : 'POST';
    const path = c.target.kind === 'unknown' ? `/hooks/${encodeURIComponent(c.target.id)}` : own;
    return { payload, headers, body: method === 'GET' ? Buffer.alloc(0) : body, method, path, signedV1, untouched };
  }

  let fresh = 0;
  async function freshDeliveryIsProcessed(d: Dialect): Promise<void> {
    const payload = d.fresh(++fresh);
    const { headers, body } = d.build(payload, [d.sign(payload)]);
    const res = await sendRaw(port, { method: 'POST', path: paths.get(d.label)!, headers, body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.verdict).toBe('accepted');
    await t.engine.idle();
    const entry = await t.engine.call('inbox.get', { id: res.json.inboxId });
    expect(entry.processing, entry.outcome ?? '').toBe('processed');
    expect(entry.orderId).not.toBeNull();
  }

  dialects.forEach((d, i) => {
    it(`${d.label}: every request gets its documented answer and one inbox row; no forgery is verified`, async () => {
      const seen = new Map<string, number>();
      const cases = await runProperty(`webhook mutations ${d.label}`, caseArb, async (c) => {
        const r = build(d, c);
        const before = await lastInboxId(t.engine);
        const res = await sendRaw(port, { method: r.method, path: r.path, headers: r.headers, body: r.body, ...(c.chunked === null ? {} : { chunked: c.chunked }) });
        await expectDocumentedAnswer(t.engine, {
          dialect: d,
          method: r.method,
          ownConnection: c.target.kind !== 'unknown',
          headers: r.headers,
          body: r.body,
          limit: LIMIT,
          signedData: r.signedV1 ? Buffer.from(r.payload.toString('utf8'), 'utf8') : null,
          cleanV1: r.signedV1 && r.untouched,
        }, res, before);
        const outcome = `${res.status} ${res.json?.verdict ?? (res.json ? 'no row' : 'refused by Node')}`;
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      }, { seed: SEED + i, numRuns: RUNS });

      await t.engine.idle();
      const counts = await expectOnlyAcceptedDeliveriesChangedOrders(t.engine);
      await freshDeliveryIsProcessed(d);
      const outcomes = [...seen].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ×${n}`).join(', ');
      console.log(`[fuzz] webhook mutations ${d.label}: ${cases} requests (${outcomes}); engine so far ${JSON.stringify(counts)}`);
    });
  });
});
