import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { deepText } from './support/api-arbs.ts';
import { NHANH } from './support/dialects.ts';

/**
 * Minimal reproductions for Nhanh.vn v2/v3 deliveries (README: "webhooksVerifyToken in the body
 * or a header"; orderDelete's v3 body is `"data": [id, id…]`). Each Each case is a bug the fuzz found, kept as its reproduction since the fix.
 */
describe('Nhanh.vn: cases found by the random-JSON fuzz', () => {
  let t: TempEngine;
  let url: string;

  beforeAll(async () => {
    t = await startTempEngine();
    url = (await t.engine.call('connections.create', { platform: 'nhanhvn', storeId: '10000', secrets: { verifyToken: NHANH.token } })).webhookUrl;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function post(body: string): Promise<{ verdict: string; inboxId: number }> {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', verifyToken: NHANH.token }, body });
    return (await res.json()) as { verdict: string; inboxId: number };
  }

  // Found by webhook-random-json.test.ts (nhanhvn-v2-body) before its generator wrapped orderDelete's data:
  // any JSON number or non-empty string in `data` is taken for an order id, so
  // {"event":"orderDelete","businessId":10000,"data":9.4e-323} creates order "#9.4e-323"
  // (status Deleted); "data":"x y" creates "#x y". Should: Nhanh ids are positive integers; a
  // delivery naming none is recorded with its reason and creates no order.
  it('an orderDelete whose data is not an order id creates no order', async () => {
    for (const data of ['9.4e-323', '-1.5', '"x y"']) {
      expect((await post(`{"event":"orderDelete","businessId":10000,"data":${data}}`)).verdict).toBe('accepted');
    }
    await t.engine.idle();
    expect((await t.engine.call('orders.list', {})).rows.map((o) => o.number)).toEqual([]);
  });

  // Found while reading the adapter for the fuzz: deletedNhanhOrder() takes only the first id of
  // a v3 list, so {"data":[111,222]} marks #111 Deleted and leaves #222 as it was.
  // Should: every listed order is marked Deleted (as KiotViet's RemoveId list is split per id).
  it('a v3 orderDelete of several ids marks every one deleted', async () => {
    for (const id of [111, 222]) {
      await post(JSON.stringify({ event: 'orderAdd', businessId: 10000, data: { orderId: id, status: 'New', calcTotalMoney: 100, customerMobile: '0912345678' } }));
    }
    await t.engine.idle();
    await post(JSON.stringify({ event: 'orderDelete', businessId: 10000, data: [111, 222] }));
    await t.engine.idle();
    for (const ref of ['111', '222']) {
      expect((await t.engine.call('orders.get', { ref })).order.platformStatus, `order ${ref}`).toBe('Deleted');
    }
  });

  // Found by webhook-random-json.test.ts with deeply nested JSON: a delivery with the right token
  // whose `data` nests ~4,500 levels or more gets 503 "Flowdesk could not record this delivery;
  // retry" and no inbox row: identify() hashes JSON.stringify(data), which overflows the stack
  // inside ingest's decide(), outside any per-delivery catch. Nhanh retries it 3 times, each a 503.
  // Should: recorded (accepted, then dead with its reason in processing, or malformed), answered
  // with a documented status. Other platforms record the same bodies (they hash the raw bytes).
  it('a token-verified delivery with deeply nested data is recorded and answered', async () => {
    const body = `{"event":"orderUpdate","businessId":10000,"data":${deepText(10_000, '[')}}`;
    const before = (await t.engine.call('inbox.list', { limit: 1 }))[0]?.id ?? 0;
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', verifyToken: NHANH.token }, body });
    expect(res.status).toBeLessThan(500);
    expect((await t.engine.call('inbox.list', { limit: 1 }))[0]?.id).toBe(before + 1);
  });
});
