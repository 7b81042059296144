import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../harness/temp-engine.ts';
import { engineChild, type EngineChild } from '../harness/engine-child.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { startAnswerRelay, type AnswerRelay } from '../harness/answer-relay.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';
import { killUnderLoad } from '../harness/kill-under-load.ts';

const ORDERS = 200;
const KILLS = 6;
const SEND = '/SendMultipleMessage_V4_post_json/';
const phoneOf = (n: number) => `0912${String(n).padStart(6, '0')}`;

/**
 * "Order cancelled → SMS" in an engine child process under a burst of signed Haravan
 * deliveries, killed with SIGKILL again and again and restarted on the same SQLite file. The
 * fake eSMS lives in this process, so it outlives every kill and sees every send. Half the
 * kills land at random; the other half exactly between eSMS sending a message and the engine
 * hearing so (a relay holds eSMS's answer until the engine is dead): the step is not recorded,
 * so it runs again after the restart with the same RequestId, and eSMS (like the real one)
 * answers 124 instead of sending twice.
 */
describe('crash safety of messages', () => {
  const dataDir = makeDataDir();
  let engine: EngineChild | null = null;
  let esms: FakeEsms | null = null;
  let relay: AnswerRelay | null = null;
  afterAll(async () => {
    await engine?.kill();
    await relay?.close();
    await esms?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends one SMS per run across repeated SIGKILLs, none lost, none twice', async () => {
    esms = await startFakeEsms();
    relay = await startAnswerRelay(esms.baseUrl);
    engine = await engineChild(dataDir);
    const e = engine;
    await e.start();
    const hookUrl = (await e.api('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl as string;
    const account = await e.api('accounts.create', {
      connector: 'esms',
      name: 'eSMS CSKH',
      credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' },
      settings: { baseUrl: relay.url },
    });
    const flow = await e.api('flows.save', { document: cancelledThen(smsNode(account.id)) });
    await e.api('flows.activate', { id: flow.id });

    // Each delivery is sent until it gets a 200, as Haravan retries; the 200s are the promise.
    // Every other kill lands after eSMS sent and before the engine hears so.
    const { acknowledged, attempts, kills, intercepted: betweenSendAndAnswer, runs, status } = await killUnderLoad({
      engine: e,
      deliveries: ORDERS,
      kills: KILLS,
      paceMs: 5,
      drainMs: 60_000,
      post: (n) => postHaravanCancelled(hookUrl, cancelledOrder({ id: 7_000_000 + n, number: `#K${n}`, phone: phoneOf(n), email: null })),
      killBetweenCallAndAnswer: () => relay!.interceptNext(SEND, () => e.kill(), 3_000),
    });

    const sends = esms.requests.filter((r) => r.path.endsWith(SEND));
    const perRequestId = new Map<string, number>();
    for (const s of sends) perRequestId.set(String(s.body['RequestId']), (perRequestId.get(String(s.body['RequestId'])) ?? 0) + 1);
    console.log(`crash safety (messages): ${ORDERS} cancelled orders (${attempts} delivery attempts), ${kills} SIGKILLs ` +
      `(${betweenSendAndAnswer} between eSMS sending and the engine hearing it), ${sends.length} send requests reached eSMS ` +
      `for ${perRequestId.size} RequestIds, ${esms.sent.size} SMS sent`);

    expect(kills).toBe(KILLS);
    expect(betweenSendAndAnswer).toBeGreaterThan(0);
    expect(acknowledged).toBe(ORDERS);
    expect(runs).toHaveLength(ORDERS);
    expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(status.queue).toMatchObject({ queued: 0, leased: 0, dead: 0 });

    // What eSMS saw: one RequestId per run, the step's key…
    const expected = new Set(runs.map((r) => `${r.id}:sms`));
    expect(new Set(perRequestId.keys())).toEqual(expected);
    // …and what it sent, deduping repeats by RequestId as the real eSMS does: one SMS per run,
    // to each order's own phone, with its own number in the text.
    expect(esms.sent.size).toBe(ORDERS);
    expect(new Set(esms.sent.keys())).toEqual(expected);
    expect(new Set([...esms.sent.values()].map((m) => m.phone))).toEqual(new Set(Array.from({ length: ORDERS }, (_, n) => phoneOf(n))));
    for (const r of runs) expect(esms.sent.get(`${r.id}:sms`)!.content).toBe(`Don hang ${r.orderNumber} da duoc huy. Lien he shop neu can ho tro.`);
    // Each kill between eSMS sending and the engine hearing it made a repeat that eSMS answered 124.
    expect(sends.length - esms.sent.size).toBeGreaterThanOrEqual(betweenSendAndAnswer);

    // A run whose message went out more than once (as far as eSMS was asked) recorded eSMS's
    // "already sent" answer; the others its first.
    const repeated = new Set([...perRequestId].filter(([, n]) => n > 1).map(([id]) => id));
    expect(repeated.size).toBeGreaterThanOrEqual(betweenSendAndAnswer);
    for (const r of runs) {
      const detail = await e.api('runs.get', { id: r.id });
      const step = detail.steps.find((s: any) => s.nodeId === 'sms');
      expect(step).toMatchObject({ status: 'done', intents: [{ kind: 'sms.send', outcome: 'done' }] });
      expect(step.intents[0].result.duplicate).toBe(repeated.has(`${r.id}:sms`));
    }
  }, 180_000);
});
