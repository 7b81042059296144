import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';
import { dialects, NHANH, type Dialect } from './support/dialects.ts';
import { allInbox } from './support/effects.ts';
import { runProperty } from './support/fuzz-run.ts';
import { sendRaw } from './support/raw-http.ts';
import { deepText } from './support/api-arbs.ts';

/**
 * Property 2: validly signed deliveries whose body is random JSON (syntactically valid, not an
 * order), routed to processing where a platform routes by the body. The engine never crashes;
 * each is answered 200 (or 400 when the platform needs a JSON object); every accepted one ends
 * `dead` with a reason; no order, customer or run is made.
 */
const RUNS = 100;
const SEED = 20_261_200;

/**
 * Random JSON whose object keys all start with "k": it can never hold an order's fields by chance
 * (an `id`, `orderId`, `Code`…), so whatever is accepted here is not an order.
 */
const notAnOrder: fc.Arbitrary<unknown> = fc.anything({
  key: fc.string({ maxLength: 8 }).map((k) => `k${k}`),
  values: [fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant(null)],
  maxDepth: 3,
  maxKeys: 6,
});
/** JSON text: random values, edge literals, or nesting deep enough to overflow a recursive reader or writer. */
const anyJson = fc.oneof(
  { weight: 8, arbitrary: notAnOrder.map((v) => ({ text: JSON.stringify(v) ?? 'null', depth: 0 })) },
  { weight: 1, arbitrary: fc.constantFrom('0', '""', 'null', '[]', '{}', 'true', '-1e308', '"\\u0000"').map((text) => ({ text, depth: 0 })) },
  { weight: 1, arbitrary: fc.record({ text: fc.constantFrom('[', '{'), depth: fc.integer({ min: 10, max: 30_000 }) }) },
);

/** Where each platform looks for what a delivery is: the random JSON goes where the order would be. */
const wrap: Record<string, (text: string, n: number) => string> = {
  shopify: (text) => text,
  haravan: (text) => text,
  // Sapo processes only bodies with an id and modified_on (the duplicate key).
  sapo: (text, n) => `{"id":${31_000_000 + n},"modified_on":"2030-01-01T00:00:00Z","kbody":${text}}`,
  woocommerce: (text) => text,
  lazada: (text) => `{"seller_id":"1234567","message_type":0,"data":${text}}`,
  kiotviet: (text, n) => `{"Id":"rand-${n}","Notifications":[{"Action":"order.update.500123456","Data":[${text}]}]}`,
  'nhanhvn-v2-body': (text, n) => nhanhEvent(text, n),
  // With the token in a header, the body may be any JSON at all: a non-object is malformed (400).
  'nhanhvn-v2-header': (text, n) => (n % 4 === 0 ? text : nhanhEvent(text, n)),
  'nhanhvn-v1': (text) => text,
};

/**
 * orderDelete takes `data` as an id or a list of ids (v3), and any JSON number or non-empty string
 * passes for one, so a random scalar there is read as an order id and becomes a "Deleted" order
 * (`#9.4e-323`): kept out of this property, reproduced in nhanhvn-gaps.test.ts. Under orderDelete
 * the random JSON is wrapped in an object that names no id.
 */
function nhanhEvent(text: string, n: number): string {
  const event = ['orderAdd', 'orderUpdate', 'orderDelete'][n % 3]!;
  return `{"event":"${event}","businessId":10000,"data":${event === 'orderDelete' ? `{"kdata":${text}}` : text}}`;
}

describe('fuzz: validly signed random JSON', () => {
  let t: TempEngine;
  let port: number;
  const paths = new Map<string, string>();

  beforeAll(async () => {
    // Deep nesting takes room: 30,000 levels of {"a": are 150 KB.
    t = await startTempEngine({ bodyLimit: 1024 * 1024 });
    port = Number(new URL(t.webhookBaseUrl).port);
    for (const d of dialects) {
      // Lazada's API is never reached: no random push is a trade-order push.
      const c = await t.engine.call('connections.create', d.connection({ lazadaBaseUrl: 'http://127.0.0.1:9/rest' }));
      paths.set(d.label, `${c.webhookPath}${d.query}`);
    }
    const flow = await t.engine.call('flows.save', { document: vipFlow('-1') });
    await t.engine.call('flows.activate', { id: flow.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  dialects.forEach((d: Dialect, i) => {
    it(`${d.label}: never crashes; accepted non-orders end dead with a reason; no order is made`, async () => {
      const first = ((await t.engine.call('inbox.list', { limit: 1 }))[0]?.id ?? 0) + 1;
      const statuses = new Map<number, number>();
      let n = 0;
      const cases = await runProperty(`random JSON ${d.label}`, anyJson, async (json) => {
        // Nhanh.vn v2 answers 503 and records nothing from ~4,500 levels (nhanhvn-gaps.test.ts): kept below that here.
        const depth = d.label.startsWith('nhanhvn-v2') ? Math.min(json.depth, 2_000) : json.depth;
        const text = depth === 0 ? json.text : deepText(depth, json.text);
        const payload = Buffer.from(wrap[d.label]!(text, ++n), 'utf8');
        const { headers, body } = d.build(payload, [d.sign(payload)]);
        const res = await sendRaw(port, { method: 'POST', path: paths.get(d.label)!, headers, body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.json, `answer ${res.status}`).toBeDefined();
        const entry = await t.engine.call('inbox.get', { id: res.json.inboxId });
        expect(entry.verdict, `${text.slice(0, 200)} → ${res.status} ${entry.reason}`).not.toBe('bad_signature');
        if (entry.verdict === 'malformed') {
          expect(res.status).toBe(400);
          // Only Nhanh.vn v2 wants more than JSON: an object (its v1 reads `data` from a form).
          expect(d.label.startsWith('nhanhvn-v2') || d.label === 'nhanhvn-v1', entry.reason ?? '').toBe(true);
        } else {
          expect(res.status, `${entry.verdict}: ${entry.reason}`).toBe(200);
        }
        expect(entry.reason?.trim(), 'reason').toBeTruthy();
      }, { seed: SEED + i, numRuns: RUNS });

      await t.engine.idle();
      const mine = (await allInbox(t.engine)).filter((e) => e.id >= first);
      for (const e of mine) {
        if (e.verdict !== 'accepted') {
          expect(e.processing, `${e.verdict}: ${e.reason}`).toBe('not_processed');
          continue;
        }
        expect(e.processing, `inbox ${e.id} (${e.topic}): ${e.outcome}`).toBe('dead');
        expect(e.outcome?.trim(), `inbox ${e.id}`).toBeTruthy();
        expect(e.orderId).toBeNull();
      }
      expect((await t.engine.call('orders.list', {})).rows).toEqual([]);
      expect(await t.engine.call('customers.list', {})).toEqual([]);
      expect(await t.engine.call('runs.list', {})).toEqual([]);
      const dead = await t.engine.call('jobs.list', { state: 'dead', limit: 1000 });
      for (const job of dead) expect(job.lastError?.trim()).toBeTruthy();
      const tally = (v: string) => mine.filter((e) => e.verdict === v).length;
      console.log(`[fuzz] random JSON ${d.label}: ${cases} deliveries (HTTP ${JSON.stringify(Object.fromEntries(statuses))}; accepted→dead ${tally('accepted')}, duplicate ${tally('duplicate')}, ignored ${tally('ignored_topic')}, malformed ${tally('malformed')})`);
    });
  });

  it('still processes a real order afterwards', async () => {
    const d = dialects.find((x) => x.label === 'nhanhvn-v2-header')!;
    const payload = d.fresh(1);
    const { headers, body } = d.build(payload, [NHANH.token]);
    const res = await sendRaw(port, { method: 'POST', path: paths.get(d.label)!, headers, body });
    expect(res.json.verdict).toBe('accepted');
    await t.engine.idle();
    expect((await t.engine.call('inbox.get', { id: res.json.inboxId })).processing).toBe('processed');
    expect((await t.engine.call('orders.list', {})).rows).toHaveLength(1);
  });
});
