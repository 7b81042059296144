import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { startFakeTelegram, type FakeTelegram } from '../harness/fake-telegram.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';
import { createdThen, postOrderCreated, telegramNode } from '../harness/chat-flows.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

/**
 * A provider's "not now" (a low balance, a rate limit with a wait) parks the run; the run says
 * why — on the runs API and on the order's "waiting" timeline entry — until it wakes and sends.
 */
describe('why a run waits when a provider deferred its step', () => {
  let t: TempEngine;
  /** The engine's clock, moved forward to reach a deferred step's time. */
  let offsetMs = 0;
  const later = async (ms: number) => {
    offsetMs += ms;
    // The queue looks for due jobs about once a second.
    await new Promise((r) => setTimeout(r, 1_200));
    await t.engine.idle(2_000);
  };

  beforeEach(async () => {
    offsetMs = 0;
    t = await startTempEngine({ clock: { now: () => Date.now() + offsetMs } });
  });
  afterEach(async () => {
    await t.close();
  });

  describe('eSMS: balance too low', () => {
    let esms: FakeEsms;
    beforeEach(async () => {
      esms = await startFakeEsms();
    });
    afterEach(async () => {
      await esms.close();
    });

    it('the run is waiting with the reason on the run and the timeline; it wakes, sends once and forgets the reason', async () => {
      const hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
      const account = await t.engine.call('accounts.create', {
        connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl },
      });
      const flow = await t.engine.call('flows.save', { document: cancelledThen(smsNode(account.id)) });
      await t.engine.call('flows.activate', { id: flow.id });
      esms.script({ code: '103', message: 'Balance not enough' });
      expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6101, number: '#6101', phone: '0912345678', email: null }))).toBe(200);
      await t.engine.idle(2_000);

      const [listed] = await t.engine.call('runs.list', {});
      const why = {
        nodeId: 'sms',
        reason: 'the eSMS balance is too low: top it up (code 103: Balance not enough)',
        reasonCode: 'balance_low',
        reasonArgs: { provider: 'eSMS' },
      };
      expect(listed).toMatchObject({ status: 'waiting', waitReason: why });
      const parked = await t.engine.call('runs.get', { id: listed!.id });
      expect(parked).toMatchObject({ status: 'waiting', waitReason: why });
      // The deferred step is not recorded: the wake-up runs it again with the same RequestId.
      expect(parked.steps.map((s) => s.nodeId)).toEqual(['trigger']);
      const order = await t.engine.call('orders.get', { ref: '#6101' });
      const waiting = order.timeline.find((e) => e.data?.kind === 'run' && e.data.status === 'waiting');
      expect(waiting?.data).toMatchObject({ kind: 'run', status: 'waiting', dueAt: parked.dueAt, wait: why });
      expect(esms.sent.size).toBe(0);

      await later(61 * 60_000);
      const woke = await t.engine.call('runs.get', { id: parked.id });
      expect(woke).toMatchObject({ status: 'succeeded', waitReason: null });
      expect(esms.requests.map((r) => r.body['RequestId'])).toEqual([`${parked.id}:sms`, `${parked.id}:sms`]);
      expect([...esms.sent.keys()]).toEqual([`${parked.id}:sms`]);
      const [after] = await t.engine.call('runs.list', {});
      expect(after!.waitReason ?? null).toBeNull();
    });
  });

  describe('Telegram: 429 with retry_after', () => {
    let tg: FakeTelegram;
    beforeEach(async () => {
      tg = await startFakeTelegram();
    });
    afterEach(async () => {
      await tg.close();
    });

    it('the run waits the seconds Telegram named, says so, then sends', async () => {
      const hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
      const account = await t.engine.call('accounts.create', { connector: 'telegram', name: 'Bot cửa hàng', credentials: { botToken: tg.token }, settings: { baseUrl: tg.baseUrl } });
      const flow = await t.engine.call('flows.save', { document: createdThen(telegramNode(account.id)) });
      await t.engine.call('flows.activate', { id: flow.id });
      tg.script({ retryAfter: 35 });
      await postOrderCreated(t, hookUrl, 6201);

      const [run] = await t.engine.call('runs.list', {});
      expect(run).toMatchObject({
        status: 'waiting',
        waitReason: { nodeId: 'telegram', reasonCode: 'rate_limited', reasonArgs: { provider: 'Telegram', seconds: '35' }, reason: expect.stringMatching(/^Telegram asked to wait 35 s before the next message/) },
      });
      expect(Date.parse(run!.dueAt!) - (Date.now() + offsetMs)).toBeGreaterThan(30_000);

      await later(36_000);
      const woke = await t.engine.call('runs.get', { id: run!.id });
      expect(woke).toMatchObject({ status: 'succeeded', waitReason: null });
      expect(tg.requests.filter((r) => r.path.endsWith('/sendMessage'))).toHaveLength(2);
    });
  });
});
