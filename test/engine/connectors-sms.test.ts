import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { ESMS_PATH, startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';

const TEXT = 'Don hang #6001 da duoc huy. Lien he shop neu can ho tro.';

describe('SMS through eSMS.vn, against a fake eSMS on 127.0.0.1', () => {
  let t: TempEngine;
  let esms: FakeEsms;
  let hookUrl: string;
  let accountId: string;
  /** The engine's clock, moved forward by tests that wait for a deferred step. */
  let offsetMs = 0;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: cancelledThen(smsNode(accountId, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  async function cancel(id: number, phone: string | null) {
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id, number: `#${id}`, phone, email: 'an@example.vn' }))).toBe(200);
    await t.engine.idle(2_000);
    const [run] = await t.engine.call('runs.list', {});
    return t.engine.call('runs.get', { id: run!.id });
  }
  const sends = () => esms.requests.filter((r) => r.path.endsWith('/SendMultipleMessage_V4_post_json/'));

  beforeEach(async () => {
    offsetMs = 0;
    esms = await startFakeEsms();
    t = await startTempEngine({ clock: { now: () => Date.now() + offsetMs } });
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', {
      connector: 'esms',
      name: 'eSMS CSKH',
      credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' },
      settings: { baseUrl: esms.baseUrl },
    });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await esms.close();
  });

  it('tests an account by asking for its balance, and masks both keys', async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'esms' });
    expect(acc).toMatchObject({ fields: { brandname: 'CUAHANGAN' }, secretHints: { apiKey: '••••0001', secretKey: '••••0002' }, settings: { baseUrl: esms.baseUrl, smsType: '2', sandbox: false } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true, code: 'ok', facts: { balance: 36693 }, message: 'Signed in to eSMS; the balance is 36,693 ₫' });
    expect(esms.requests).toEqual([{ method: 'POST', path: `${ESMS_PATH}/GetBalance_json`, contentType: 'application/json', body: { ApiKey: esms.apiKey, SecretKey: esms.secretKey } }]);
    await t.engine.call('accounts.update', { id: accountId, credentials: { secretKey: 'wrong-secret' } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'auth_failed', answer: '101 Authorize Failed' });
    expect(sends()).toEqual([]);
  });

  it("sends one SMS in eSMS's format, the RequestId being the step's idempotency key", async () => {
    await activate();
    const run = await cancel(6001, '+84 912-345-678');
    expect(run.status).toBe('succeeded');
    expect(sends()).toEqual([
      {
        method: 'POST',
        path: `${ESMS_PATH}/SendMultipleMessage_V4_post_json/`,
        contentType: 'application/json',
        body: {
          ApiKey: esms.apiKey, SecretKey: esms.secretKey, Phone: '0912345678', Content: TEXT, SmsType: '2', Brandname: 'CUAHANGAN',
          IsUnicode: '0', Sandbox: '0', RequestId: `${run.id}:sms`,
        },
      },
    ]);
    const step = run.steps.find((s) => s.nodeId === 'sms')!;
    expect(step).toMatchObject({ status: 'done', output: { phone: '0912345678', segments: 1, encoding: 'gsm7', characters: TEXT.length } });
    expect(step.intents[0]).toMatchObject({ kind: 'sms.send', outcome: 'done', args: { account: 'eSMS CSKH', phone: '0912345678', text: TEXT, segments: 1 }, result: { smsId: 'sms-1', duplicate: false } });
    expect(JSON.stringify(run)).not.toContain(esms.secretKey);
  });

  it('fails the step on an error inside HTTP 200 that retrying cannot fix', async () => {
    esms.script({ code: '146', message: 'Sai template Brandname CSKH' });
    await activate();
    const run = await cancel(6002, '0912345678');
    expect(run.status).toBe('failed');
    expect(run.steps.find((s) => s.nodeId === 'sms')!.reason).toBe(
      'the text does not match a customer-care template registered with eSMS (code 146: Sai template Brandname CSKH)',
    );
    expect(sends()).toHaveLength(1);
    expect(esms.sent.size).toBe(0);
  });

  it('retries a "too many requests" answer with the same RequestId and sends once', async () => {
    esms.script({ code: '160', message: 'Exceed TPS' }, { status: 503 });
    await activate();
    const run = await cancel(6003, '0912345678');
    expect(run.status).toBe('succeeded');
    expect(sends().map((r) => r.body['RequestId'])).toEqual([`${run.id}:sms`, `${run.id}:sms`, `${run.id}:sms`]);
    expect([...esms.sent.keys()]).toEqual([`${run.id}:sms`]);
  });

  it('an answer lost after eSMS sent is retried and recognised as the same message (code 124)', async () => {
    esms.script({ sendThenDrop: true });
    await activate();
    const run = await cancel(6004, '0912345678');
    expect(run.status).toBe('succeeded');
    expect(sends()).toHaveLength(2);
    expect(esms.sent.size).toBe(1);
    expect(run.steps.find((s) => s.nodeId === 'sms')!.intents[0]!.result).toMatchObject({ duplicate: true, requestId: `${run.id}:sms` });
  });

  it("skips the customer eSMS will not reach, and an order without a phone, with the reason", async () => {
    esms.script({ code: '99', message: 'Phone is blocked' });
    await activate();
    const blocked = await cancel(6005, '0912345678');
    expect(blocked.status).toBe('succeeded');
    expect(blocked.steps.find((s) => s.nodeId === 'sms')).toMatchObject({ status: 'skipped', reason: 'the phone number is blocked at eSMS (code 99: Phone is blocked)' });

    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6006, number: '#6006', phone: null, email: 'nophone@example.vn' }));
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6007, number: '#6007', phone: '028 3822 1234', email: 'landline@example.vn' }));
    await t.engine.idle(2_000);
    const none = await t.engine.call('orders.get', { ref: '#6006' });
    expect(none.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'sms')?.data).toMatchObject({
      status: 'skipped', reason: 'no phone number: the order (shipping, billing) and its customer have none',
    });
    const landline = await t.engine.call('orders.get', { ref: '#6007' });
    expect(landline.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'sms')?.data).toMatchObject({
      status: 'skipped', reason: '028 3822 1234 is not a Vietnamese mobile number',
    });
    expect(sends()).toHaveLength(1);
  });

  it("texts the phone known for the customer when the order has none", async () => {
    await activate();
    await cancel(6010, '0987 654 321');
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6011, number: '#6011', phone: null, email: 'an@example.vn' }));
    await t.engine.idle(2_000);
    expect(sends().map((r) => [r.body['Phone'], r.body['Content']])).toEqual([
      ['0987654321', 'Don hang #6010 da duoc huy. Lien he shop neu can ho tro.'],
      ['0987654321', 'Don hang #6011 da duoc huy. Lien he shop neu can ho tro.'],
    ]);
  });

  it('a low balance parks the run and sends when it wakes (same RequestId)', async () => {
    esms.script({ code: '103', message: 'Balance not enough' });
    await activate();
    const parked = await cancel(6008, '0912345678');
    expect(parked.status).toBe('waiting');
    expect(parked.steps.map((s) => s.nodeId)).toEqual(['trigger']);
    expect(Date.parse(parked.dueAt!) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(esms.sent.size).toBe(0);

    offsetMs = 61 * 60_000;
    await new Promise((r) => setTimeout(r, 1_200));
    await t.engine.idle(2_000);
    const woke = await t.engine.call('runs.get', { id: parked.id });
    expect(woke.status).toBe('succeeded');
    expect(sends().map((r) => r.body['RequestId'])).toEqual([`${parked.id}:sms`, `${parked.id}:sms`]);
    expect(esms.sent.size).toBe(1);
  });

  it('a dry run shows the phone, text and parts it would send, without the keys', async () => {
    const flow = await activate({ text: 'Đơn hàng {{ order.number }} đã được huỷ. Cảm ơn bạn đã mua sắm tại Cửa hàng An, hẹn gặp lại!' });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6009, number: '#6009', phone: '0912345678', email: 'an@example.vn' }));
    await t.engine.idle(2_000);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#6009' });
    const step = dry.steps.find((s) => s.nodeId === 'sms')!;
    expect(step.output).toMatchObject({ segments: 2, encoding: 'unicode' });
    expect(step.intents).toEqual([
      { kind: 'sms.send', outcome: 'would_do', args: { account: 'eSMS CSKH', phone: '0912345678', text: 'Đơn hàng #6009 đã được huỷ. Cảm ơn bạn đã mua sắm tại Cửa hàng An, hẹn gặp lại!', segments: 2, encoding: 'unicode' } },
    ]);
    expect(JSON.stringify(dry)).not.toContain(esms.apiKey);
    expect(sends()).toEqual([]);
  });
});
