import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode, RunDetailDto } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startFakeSpeedsms, type FakeSpeedsms } from '../harness/fake-speedsms.ts';
import { startFakeTwilio, type FakeTwilio } from '../harness/fake-twilio.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen } from '../harness/message-flows.ts';

/** The provider-neutral SMS step: the account decides who sends. */
function smsStep(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'sms',
    type: 'sms.send',
    typeVersion: 1,
    position: { x: 0, y: 200 },
    label: 'Text the customer',
    params: { account, text: 'Don hang {{ order.number }} da duoc huy. Lien he shop neu can ho tro.', ...params },
  };
}
const textOf = (n: number) => `Don hang #${n} da duoc huy. Lien he shop neu can ho tro.`;
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('SMS through SpeedSMS.vn and Twilio, one "Send SMS" step, against fakes on 127.0.0.1', () => {
  let t: TempEngine;
  let speedsms: FakeSpeedsms;
  let twilio: FakeTwilio;
  let hookUrl: string;
  let speedsmsId: string;
  let twilioId: string;
  /** The engine's clock, moved forward by tests that wait for a deferred step. */
  let offsetMs = 0;

  async function activate(account: string, params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: cancelledThen(smsStep(account, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  async function cancel(id: number, phone: string | null): Promise<RunDetailDto> {
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id, number: `#${id}`, phone, email: 'an@example.vn' }))).toBe(200);
    await t.engine.idle(3_000);
    const run = (await t.engine.call('runs.list', {})).find((r) => r.orderNumber === `#${id}`);
    return t.engine.call('runs.get', { id: run!.id });
  }
  const step = (run: RunDetailDto) => run.steps.find((s) => s.nodeId === 'sms')!;
  const speedsmsSends = () => speedsms.requests.filter((r) => r.path === '/index.php/sms/send');
  const twilioSends = () => twilio.requests.filter((r) => r.path.endsWith('/Messages.json'));

  beforeEach(async () => {
    offsetMs = 0;
    speedsms = await startFakeSpeedsms();
    twilio = await startFakeTwilio();
    t = await startTempEngine({ clock: { now: () => Date.now() + offsetMs } });
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    speedsmsId = (
      await t.engine.call('accounts.create', {
        connector: 'speedsms',
        name: 'SpeedSMS brandname',
        credentials: { accessToken: speedsms.token, brandname: 'CUAHANGAN' },
        settings: { baseUrl: speedsms.baseUrl, smsType: '3' },
      })
    ).id;
    twilioId = (
      await t.engine.call('accounts.create', {
        connector: 'twilio',
        name: 'Twilio US',
        credentials: { accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+15017122661' },
        settings: { baseUrl: twilio.baseUrl },
      })
    ).id;
  });
  afterEach(async () => {
    await t.close();
    await speedsms.close();
    await twilio.close();
  });

  describe('SpeedSMS', () => {
    it('tests an account by reading its user info, Basic token:x, and masks the token', async () => {
      const [acc] = await t.engine.call('accounts.list', { connector: 'speedsms' });
      expect(acc).toMatchObject({ fields: { brandname: 'CUAHANGAN' }, secretHints: { accessToken: '••••0003' }, settings: { baseUrl: speedsms.baseUrl, smsType: '3', timeoutSeconds: 15 } });
      expect(await t.engine.call('accounts.test', { id: speedsmsId })).toMatchObject({
        ok: true, code: 'ok', facts: { balance: 125000, email: 'shop@example.vn' }, message: 'Signed in to SpeedSMS as shop@example.vn; the balance is 125,000 VND',
      });
      expect(speedsms.requests).toEqual([{ method: 'GET', path: '/index.php/user/info', authorization: basic(speedsms.token, 'x'), contentType: undefined, body: null }]);
      await t.engine.call('accounts.update', { id: speedsmsId, credentials: { accessToken: 'wrong-token' } });
      expect(await t.engine.call('accounts.test', { id: speedsmsId })).toMatchObject({ ok: false, code: 'auth_failed' });
      expect(speedsmsSends()).toEqual([]);
    });

    it("sends one SMS in SpeedSMS's JSON format, the number as 84…", async () => {
      await activate(speedsmsId);
      const run = await cancel(7001, '0912 345 678');
      expect(run.status).toBe('succeeded');
      expect(speedsmsSends()).toEqual([
        {
          method: 'POST', path: '/index.php/sms/send', authorization: basic(speedsms.token, 'x'), contentType: 'application/json',
          body: { to: ['84912345678'], content: textOf(7001), sms_type: 3, sender: 'CUAHANGAN' },
        },
      ]);
      expect(step(run)).toMatchObject({ status: 'done', output: { phone: '0912345678', segments: 1, encoding: 'gsm7' } });
      expect(step(run).intents[0]).toMatchObject({
        kind: 'sms.send', outcome: 'done', args: { account: 'SpeedSMS brandname', phone: '84912345678', text: textOf(7001) }, result: { to: '84912345678', tranId: '9001', totalSms: 1 },
      });
      expect(JSON.stringify(run)).not.toContain(speedsms.token);
    });

    it('reads errors inside HTTP 200: a text too long fails the step, an invalid number skips it', async () => {
      speedsms.script({ code: '113', message: 'content too long' }, { code: '105', message: 'phone invalid', invalidPhone: ['84912345678'] }, { invalidOnSuccess: true });
      await activate(speedsmsId);
      const tooLong = await cancel(7002, '0912345678');
      expect(tooLong.status).toBe('failed');
      expect(step(tooLong).reason).toBe('the text is too long for SpeedSMS (code 113: content too long)');
      const invalid = await cancel(7003, '0912345678');
      expect(invalid.status).toBe('succeeded');
      expect(step(invalid)).toMatchObject({ status: 'skipped', reason: 'SpeedSMS says 84912345678 is not a valid phone number (code 105: phone invalid)' });
      const listed = await cancel(7004, '0912345678');
      expect(step(listed)).toMatchObject({ status: 'skipped', reason: 'SpeedSMS says 84912345678 is not a valid phone number (listed in invalidPhone)' });
      const order = await t.engine.call('orders.get', { ref: '#7003' });
      expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'sms')?.data).toMatchObject({ status: 'skipped' });
      expect(speedsms.sent).toEqual([]);
    });

    it('retries an internal error (HTTP 500) and sends once', async () => {
      speedsms.script({ http: 500, body: '{"status":"error","code":"500","message":"internal error"}' });
      await activate(speedsmsId);
      const run = await cancel(7005, '0912345678');
      expect(run.status).toBe('succeeded');
      expect(speedsmsSends()).toHaveLength(2);
      expect(speedsms.sent).toHaveLength(1);
    });

    it('waits as long as a 429 says (X-Rate-Limit-Reset), then sends', async () => {
      speedsms.script({ http: 429, headers: { 'X-Rate-Limit-Reset': '30' }, body: '{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}' });
      await activate(speedsmsId);
      const parked = await cancel(7006, '0912345678');
      expect(parked.status).toBe('waiting');
      const wait = Date.parse(parked.dueAt!) - (Date.now() + offsetMs);
      expect(wait).toBeGreaterThan(20_000);
      expect(wait).toBeLessThanOrEqual(30_000);
      expect(speedsms.sent).toHaveLength(0);

      offsetMs = 31_000;
      await new Promise((r) => setTimeout(r, 1_200));
      await t.engine.idle(3_000);
      expect((await t.engine.call('runs.get', { id: parked.id })).status).toBe('succeeded');
      expect(speedsms.sent).toHaveLength(1);
    });

    it('an answer lost after SpeedSMS sent is "outcome unknown": not sent again', async () => {
      speedsms.script({ sendThenDrop: true });
      await activate(speedsmsId);
      const run = await cancel(7007, '0912345678');
      expect(run.status).toBe('failed');
      expect(step(run).reason).toMatch(/^outcome unknown: the connection to SpeedSMS broke before its answer .*; the message may or may not have been sent, so it is not sent again$/);
      expect(speedsmsSends()).toHaveLength(1);
      expect(speedsms.sent).toHaveLength(1);
    });

    it('skips a number abroad, which SpeedSMS cannot text, and a dry run shows the number as SpeedSMS gets it', async () => {
      const flow = await activate(speedsmsId);
      const abroad = await cancel(7008, '+65 9123 4567');
      expect(step(abroad)).toMatchObject({ status: 'skipped', reason: '+6591234567 is a number abroad; account "SpeedSMS brandname" (speedsms) sends only to Vietnamese mobiles' });
      expect(speedsmsSends()).toEqual([]);

      await t.engine.call('flows.deactivate', { id: flow.id });
      await postHaravanCancelled(hookUrl, cancelledOrder({ id: 7009, number: '#7009', phone: '0987654321', email: 'an@example.vn' }));
      await t.engine.idle(2_000);
      const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#7009' });
      expect(step(dry).intents).toEqual([
        { kind: 'sms.send', outcome: 'would_do', args: { account: 'SpeedSMS brandname', phone: '84987654321', text: textOf(7009), segments: 1, encoding: 'gsm7' } },
      ]);
      expect(JSON.stringify(dry)).not.toContain(speedsms.token);
      expect(speedsmsSends()).toEqual([]);
    });
  });

  describe('Twilio', () => {
    it('tests an account by fetching it, Basic SID:token; a wrong token says so', async () => {
      const [acc] = await t.engine.call('accounts.list', { connector: 'twilio' });
      expect(acc).toMatchObject({ fields: { accountSid: twilio.accountSid, from: '+15017122661', messagingServiceSid: '' }, secretHints: { authToken: '••••0004' } });
      expect(await t.engine.call('accounts.test', { id: twilioId })).toMatchObject({
        ok: true, code: 'ok', facts: { account: 'Cửa hàng An', status: 'active', type: 'Full' }, message: 'Twilio account Cửa hàng An (Full) is active',
      });
      expect(twilio.requests).toEqual([
        { method: 'GET', path: `/2010-04-01/Accounts/${twilio.accountSid}.json`, authorization: basic(twilio.accountSid, twilio.authToken), contentType: undefined, raw: '', form: {} },
      ]);
      await t.engine.call('accounts.update', { id: twilioId, credentials: { authToken: 'wrong-token' } });
      expect(await t.engine.call('accounts.test', { id: twilioId })).toMatchObject({
        ok: false, code: 'auth_failed', message: 'Twilio refused the Account SID or Auth Token (code 20003, HTTP 401: Authenticate)',
      });
    });

    it('refuses an account with neither a From number nor a Messaging Service', async () => {
      await expect(
        t.engine.call('accounts.create', { connector: 'twilio', name: 'No sender', credentials: { accountSid: twilio.accountSid, authToken: 'x' } }),
      ).rejects.toThrow(/give a From number or a Messaging Service SID/);
    });

    it("sends one SMS form-encoded to Messages.json, the number in E.164", async () => {
      await activate(twilioId);
      const run = await cancel(7101, '0912 345 678');
      expect(run.status).toBe('succeeded');
      expect(twilioSends()).toEqual([
        {
          method: 'POST', path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`, authorization: basic(twilio.accountSid, twilio.authToken),
          contentType: 'application/x-www-form-urlencoded',
          raw: 'To=%2B84912345678&From=%2B15017122661&Body=Don+hang+%237101+da+duoc+huy.+Lien+he+shop+neu+can+ho+tro.',
          form: { To: '+84912345678', From: '+15017122661', Body: textOf(7101) },
        },
      ]);
      expect(step(run).intents[0]).toMatchObject({ outcome: 'done', args: { account: 'Twilio US', phone: '+84912345678' }, result: { to: '+84912345678', sid: twilio.sent[0]!.sid, status: 'queued', segments: 1 } });
      expect(JSON.stringify(run)).not.toContain(twilio.authToken);
    });

    it('texts a number abroad, and sends through a Messaging Service instead of From when the account has one', async () => {
      const mg = `MG${'fedcba9876543210'.repeat(2)}`;
      await t.engine.call('accounts.update', { id: twilioId, credentials: { from: '', messagingServiceSid: mg } });
      await activate(twilioId);
      await cancel(7102, '+65 9123 4567');
      expect(twilioSends().map((r) => r.raw)).toEqual([`To=%2B6591234567&MessagingServiceSid=${mg}&Body=Don+hang+%237102+da+duoc+huy.+Lien+he+shop+neu+can+ho+tro.`]);
    });

    it('skips a recipient who replied STOP (21610), fails on a From that cannot send (21606)', async () => {
      twilio.script(
        { code: 21610, status: 400, message: 'Attempt to send to unsubscribed recipient' },
        { code: 21606, status: 400, message: "The From phone number +15017122661 is not a valid, SMS-capable inbound phone number or short code for your account." },
      );
      await activate(twilioId);
      const stopped = await cancel(7103, '0912345678');
      expect(stopped.status).toBe('succeeded');
      expect(step(stopped)).toMatchObject({ status: 'skipped', reason: 'the recipient unsubscribed from your messages (replied STOP) (code 21610, HTTP 400: Attempt to send to unsubscribed recipient)' });
      const from = await cancel(7104, '0912345678');
      expect(from.status).toBe('failed');
      expect(step(from).reason).toMatch(/^the From number cannot send SMS \(or not to this country\) \(code 21606, HTTP 400: The From phone number/);
      expect(twilio.sent).toEqual([]);
    });

    it('retries "too many concurrent requests" (429, 20429), which Twilio never processed, and sends once', async () => {
      twilio.script({ code: 20429, status: 429, message: 'Too Many Requests' });
      await activate(twilioId);
      const run = await cancel(7105, '0912345678');
      expect(run.status).toBe('succeeded');
      expect(twilioSends()).toHaveLength(2);
      expect(twilio.sent).toHaveLength(1);
    });

    it('an answer lost after Twilio created the message is "outcome unknown": not sent again', async () => {
      twilio.script({ sendThenDrop: true });
      await activate(twilioId);
      const run = await cancel(7106, '0912345678');
      expect(run.status).toBe('failed');
      expect(step(run).reason).toMatch(/^outcome unknown: .*Twilio.*not sent again$/);
      expect(twilioSends()).toHaveLength(1);
      expect(twilio.sent).toHaveLength(1);
    });

    it('a dry run shows the number in E.164 and the text, without the token', async () => {
      const flow = await activate(twilioId, { text: 'Đơn hàng {{ order.number }} đã được huỷ. Cảm ơn bạn đã mua sắm tại Cửa hàng An, hẹn gặp lại!' });
      await t.engine.call('flows.deactivate', { id: flow.id });
      await postHaravanCancelled(hookUrl, cancelledOrder({ id: 7107, number: '#7107', phone: '0912345678', email: 'an@example.vn' }));
      await t.engine.idle(2_000);
      const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#7107' });
      expect(step(dry).intents).toEqual([
        { kind: 'sms.send', outcome: 'would_do', args: { account: 'Twilio US', phone: '+84912345678', text: 'Đơn hàng #7107 đã được huỷ. Cảm ơn bạn đã mua sắm tại Cửa hàng An, hẹn gặp lại!', segments: 2, encoding: 'unicode' } },
      ]);
      expect(JSON.stringify(dry)).not.toContain(twilio.authToken);
      expect(twilioSends()).toEqual([]);
    });
  });

  describe('the same step with an eSMS account', () => {
    let esms: FakeEsms;
    beforeEach(async () => {
      esms = await startFakeEsms();
    });
    afterEach(async () => {
      await esms.close();
    });

    it("sends in eSMS's format with the step's RequestId: changing provider is changing the account", async () => {
      const acc = await t.engine.call('accounts.create', {
        connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl },
      });
      await activate(acc.id);
      const run = await cancel(7201, '0912345678');
      expect(run.status).toBe('succeeded');
      expect(esms.requests.map((r) => [r.body['Phone'], r.body['Content'], r.body['RequestId']])).toEqual([['0912345678', textOf(7201), `${run.id}:sms`]]);
      expect(speedsmsSends()).toEqual([]);
      expect(twilioSends()).toEqual([]);
      // Removing the account names the flow whose step uses it.
      expect((await t.engine.call('accounts.remove', { id: acc.id, dryRun: true })).usedBy.map((f) => f.name)).toEqual(['Order cancelled message']);
    });
  });
});
