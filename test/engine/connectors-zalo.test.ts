import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startFakeZalo, ZALO_USERS, type FakeZalo } from '../harness/fake-zalo.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { createdThen, orderCreated, postOrderCreated, settled } from '../harness/chat-flows.ts';

const DAY = 24 * 3_600_000;

function znsNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'zns',
    type: 'zalo.send_zns',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Confirm on Zalo',
    params: { account, templateId: '231785', templateData: ['customer_name: {{ order.customer.firstName }}', 'order_code: {{ order.number }}', 'amount: {{ order.totalPrice | money }}'], ...params },
  };
}

function oaNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return { id: 'oa', type: 'zalo.send_oa_message', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Tell on the OA', params: { account, text: 'Đơn {{ order.number }} đã được xác nhận.', ...params } };
}

/** The phone the Shopify sample order ships to, as the shop typed it. */
const shipTo = (phone: string) => ({ shipping_address: { first_name: 'John', last_name: 'Smith', address1: '123 Street', city: 'Hà Nội', country: 'Vietnam', phone } });

describe('Zalo ZNS and OA messages, against a fake Zalo (OAuth, OpenAPI, ZNS) on 127.0.0.1', () => {
  let t: TempEngine;
  let zalo: FakeZalo;
  let esms: FakeEsms;
  let hookUrl: string;
  let accountId: string;
  let smsAccountId: string;

  const sends = () => zalo.requests.filter((r) => r.path === '/message/template');
  const step = (run: { steps: { nodeId: string }[] }, id: string) => run.steps.find((s) => s.nodeId === id) as (typeof run.steps)[number] & Record<string, any>;
  async function activate(node: FlowNode) {
    const flow = await t.engine.call('flows.save', { document: createdThen(node) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  /** The step's entry on the order's timeline: where a skip's code (worded by the editor) is kept. */
  async function onTimeline(ref: string, nodeId: string) {
    const order = await t.engine.call('orders.get', { ref });
    return order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === nodeId)?.data as Record<string, unknown> | undefined;
  }
  /** What the customer did on the OA (inbound webhooks will write it; here, the database directly). */
  function customerOnZalo(userId: string | null, interactedAt: string | null) {
    const db = new Database(join(t.dataDir, 'flowdesk.db'));
    db.prepare('UPDATE customers SET zalo_user_id = ?, zalo_interacted_at = ?').run(userId, interactedAt);
    db.close();
  }

  beforeEach(async () => {
    zalo = await startFakeZalo();
    esms = await startFakeEsms();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', {
      connector: 'zalo',
      name: 'OA Cửa hàng An',
      credentials: { appId: zalo.appId, appSecret: zalo.appSecret, accessToken: zalo.tokens.accessToken, refreshToken: zalo.tokens.refreshToken },
      settings: { oauthBaseUrl: zalo.baseUrl, openApiBaseUrl: zalo.baseUrl, businessBaseUrl: zalo.baseUrl },
    });
    accountId = acc.id;
    smsAccountId = (await t.engine.call('accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl } })).id;
  });
  afterEach(async () => {
    await t.close();
    await zalo.close();
    await esms.close();
  });

  it('tests an account by renewing its token (form-encoded, secret_key header), stores the new pair at once, and says when the chain is broken', async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'zalo' });
    expect(acc!.secretHints).toEqual({ appSecret: '••••0001', accessToken: '••••0000', refreshToken: '••••0000' });
    expect(acc!.fields).toEqual({ appId: zalo.appId });

    const first = await t.engine.call('accounts.test', { id: accountId });
    expect(first).toMatchObject({ ok: true, code: 'ok', facts: { oa: 'Cửa hàng An', tokenExpires: expect.any(String) } });
    expect(first.message).toMatch(/^Renewed the OA token \(valid until .+\); signed in as the OA Cửa hàng An$/);
    const [refresh] = zalo.refreshes();
    expect(refresh).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded', secretKey: zalo.appSecret, accessToken: undefined });
    expect(Object.fromEntries(new URLSearchParams(refresh!.raw))).toEqual({ refresh_token: 'zalo-refresh-token-0000000000', app_id: zalo.appId, grant_type: 'refresh_token' });
    expect(zalo.requests.find((r) => r.path === '/v2.0/oa/getoa')).toMatchObject({ method: 'GET', accessToken: 'zalo-access-token-0000000001' });
    // About 25 hours from now: Zalo's expires_in ("90000" seconds), kept beside the tokens.
    const [stored] = await t.engine.call('accounts.list', { connector: 'zalo' });
    expect(stored!.secretHints).toMatchObject({ accessToken: '••••0001', refreshToken: '••••0001' });
    expect(Date.parse(String(stored!.fields['accessTokenExpiresAt'])) - Date.now()).toBeGreaterThan(89_000_000);
    expect(JSON.stringify(stored)).not.toContain('zalo-refresh-token');

    // A second test works only with the stored (new) refresh token: the first one is spent.
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true });
    expect(zalo.refreshes().map((r) => r.body?.['refresh_token'])).toEqual(['zalo-refresh-token-0000000000', 'zalo-refresh-token-0000000001']);

    await t.engine.call('accounts.update', { id: accountId, credentials: { refreshToken: 'zalo-refresh-token-0000000000' } });
    const broken = await t.engine.call('accounts.test', { id: accountId });
    expect(broken).toMatchObject({ ok: false, code: 'auth_failed', answer: '-14014 Invalid refresh token Refresh token is invalid' });
    expect(broken.message).toMatch(/reconnect the OA/);
  });

  it("sends a ZNS in Zalo's wire format: access_token header, 84 phone, rendered params, the step's key as tracking_id", async () => {
    await activate(znsNode(accountId));
    const run = await orderCreated(t, hookUrl, 7101, shipTo('0912 345 678'));
    expect(run.status).toBe('succeeded');
    expect(sends()).toHaveLength(1);
    const [req] = sends();
    expect(req).toMatchObject({ method: 'POST', contentType: 'application/json', accessToken: zalo.tokens.accessToken, secretKey: undefined });
    expect(req!.body).toEqual({ phone: '84912345678', template_id: '231785', template_data: { customer_name: 'John', order_code: '#7101', amount: '$403.00' }, tracking_id: `${run.id}:zns` });
    const s = step(run, 'zns');
    expect(s).toMatchObject({ status: 'done', output: { phone: '84912345678', templateId: '231785', params: 3 } });
    expect(s.intents[0]).toMatchObject({
      kind: 'zalo.zns.send', outcome: 'done',
      args: { account: 'OA Cửa hàng An', phone: '84912345678', templateId: '231785', templateData: { customer_name: 'John', order_code: '#7101', amount: '$403.00' } },
      result: { msgId: 'zns-msg-1', trackingId: `${run.id}:zns`, remainingQuota: '499' },
    });
    expect(JSON.stringify(run)).not.toContain(zalo.tokens.accessToken);
  });

  it('renews an expired token once (Zalo answers -124 inside HTTP 200) and sends again with the new one', async () => {
    zalo.expireAccessToken();
    await activate(znsNode(accountId));
    const run = await orderCreated(t, hookUrl, 7102, shipTo('0912345678'));
    expect(run.status).toBe('succeeded');
    expect(sends().map((r) => r.accessToken)).toEqual(['zalo-access-token-0000000000', 'zalo-access-token-0000000001']);
    expect(zalo.refreshes()).toHaveLength(1);
    expect(zalo.zns).toHaveLength(1);

    // The new pair was stored, encrypted: after a restart the engine renews with the new refresh token.
    const raw = new Database(join(t.dataDir, 'flowdesk.db'), { readonly: true });
    const sealed = (raw.prepare('SELECT credentials FROM connector_accounts WHERE id = ?').get(accountId) as { credentials: string }).credentials;
    raw.close();
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('zalo-refresh-token');
    t = await t.restart();
    hookUrl = (await t.engine.call('connections.list', {}))[0]!.webhookUrl;
    zalo.expireAccessToken();
    const again = await orderCreated(t, hookUrl, 7103, shipTo('0912345678'));
    expect(again.status).toBe('succeeded');
    expect(zalo.refreshes().map((r) => r.body?.['refresh_token'])).toEqual(['zalo-refresh-token-0000000000', 'zalo-refresh-token-0000000001']);
    expect(zalo.zns).toHaveLength(2);
  });

  it('fails the step saying to reconnect the OA when Zalo refuses the refresh token, without retrying', async () => {
    zalo.expireAccessToken();
    await t.engine.call('accounts.update', { id: accountId, credentials: { refreshToken: 'zalo-refresh-token-spent-000000' } });
    await activate(znsNode(accountId));
    const run = await orderCreated(t, hookUrl, 7104, shipTo('0912345678'));
    expect(run.status).toBe('failed');
    expect(step(run, 'zns').reason).toBe('Zalo refused the refresh token (-14014 Invalid refresh token Refresh token is invalid): reconnect the OA — paste a new access token and refresh token in the Zalo account');
    expect(sends()).toHaveLength(1);
    expect(zalo.refreshes()).toHaveLength(1);
  });

  it('sends the declared SMS instead when the number has no Zalo, exactly once even when the SMS answer is lost', async () => {
    esms.script({ sendThenDrop: true });
    await activate(znsNode(accountId, { smsFallback: true, fallbackAccount: smsAccountId, fallbackText: 'Don hang {{ order.number }} da duoc xac nhan' }));
    const run = await orderCreated(t, hookUrl, 7105, shipTo('0987 654 321'));
    expect(run.status).toBe('succeeded');
    expect(zalo.zns).toEqual([]);
    expect([...esms.sent.values()]).toEqual([{ phone: '0987654321', content: 'Don hang #7105 da duoc xac nhan', brandname: 'CUAHANGAN', isUnicode: '0' }]);
    expect([...esms.sent.keys()]).toEqual([`${run.id}:zns:sms`]);
    const s = step(run, 'zns');
    expect(s.status).toBe('done');
    expect(s.intents[0].result).toMatchObject({ sentBy: 'sms', note: 'sent by SMS instead: 84987654321 has no Zalo account', zalo: 'Zalo: -118 Zalo account not existed', sms: { duplicate: true } });
  });

  it('skips with a code when the number has no Zalo and there is no fallback, and when the customer refused ZNS', async () => {
    await activate(znsNode(accountId));
    const none = await orderCreated(t, hookUrl, 7106, shipTo('0987654321'));
    expect(none.status).toBe('succeeded');
    expect(step(none, 'zns')).toMatchObject({ status: 'skipped', reason: '84987654321 has no Zalo account (Zalo: -118 Zalo account not existed)' });
    expect(await onTimeline('#7106', 'zns')).toMatchObject({ status: 'skipped', reasonCode: 'zalo_no_account', reasonArgs: { answer: 'Zalo: -118 Zalo account not existed' } });
    const refused = await orderCreated(t, hookUrl, 7107, shipTo('0933 333 333'));
    expect(step(refused, 'zns')).toMatchObject({ status: 'skipped' });
    expect(await onTimeline('#7107', 'zns')).toMatchObject({ reasonCode: 'zalo_cannot_receive' });
    expect(esms.sent.size).toBe(0);
  });

  it('skips without calling Zalo when there is no phone or a param renders empty', async () => {
    await activate(znsNode(accountId, { templateData: ['customer_name: {{ order.customer.firstName }}', 'note: {{ order.note }}'] }));
    const noPhone = await orderCreated(t, hookUrl, 7108, { shipping_address: null, billing_address: null, phone: null, customer: null });
    expect(step(noPhone, 'zns')).toMatchObject({ status: 'skipped' });
    expect(await onTimeline('#7108', 'zns')).toMatchObject({ reasonCode: 'no_phone' });
    const noNote = await orderCreated(t, hookUrl, 7109, { ...shipTo('0912345678'), note: null });
    expect(step(noNote, 'zns')).toMatchObject({ status: 'skipped', reason: 'the ZNS param "note" rendered empty for this order: Zalo refuses a template with an empty param' });
    expect(await onTimeline('#7109', 'zns')).toMatchObject({ reasonCode: 'zns_param_empty', reasonArgs: { name: 'note' } });
    expect(sends()).toEqual([]);
  });

  it('defers on a used-up daily quota (-144) until tomorrow in Vietnam, and fails with words on an unapproved template (-131)', async () => {
    zalo.script({ code: -144, message: 'OA daily quota exceeded' });
    await activate(znsNode(accountId));
    const parked = await orderCreated(t, hookUrl, 7110, shipTo('0912345678'));
    expect(parked.status).toBe('waiting');
    const due = new Date(Date.parse(parked.dueAt!) + 7 * 3_600_000);
    expect(due.getUTCHours() * 60 + due.getUTCMinutes()).toBe(1);
    expect(Date.parse(parked.dueAt!) - Date.now()).toBeLessThanOrEqual(DAY + 60_000);
    expect(zalo.zns).toEqual([]);

    zalo.script({ code: -131, message: 'Template not approved' });
    const failed = await orderCreated(t, hookUrl, 7111, shipTo('0912345678'));
    expect(failed.status).toBe('failed');
    expect(step(failed, 'zns').reason).toBe('the ZNS template is not approved yet: Zalo sends only approved templates (Zalo: -131 Template not approved)');
  });

  it('records "outcome unknown" and does not resend when the ZNS answer is lost (Zalo does not dedupe tracking_id)', async () => {
    zalo.script({ sendThenDrop: true });
    await activate(znsNode(accountId));
    const run = await orderCreated(t, hookUrl, 7112, shipTo('0912345678'));
    expect(run.status).toBe('failed');
    expect(step(run, 'zns').reason).toMatch(/^outcome unknown: the connection to Zalo broke before its answer/);
    expect(sends()).toHaveLength(1);
    expect(zalo.zns).toHaveLength(1);
  });

  it('a dry run shows the ZNS and its fallback it would send, and calls nobody', async () => {
    const flow = await activate(znsNode(accountId, { smsFallback: true, fallbackAccount: smsAccountId, fallbackText: 'Don {{ order.number }}' }));
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 7113, shipTo('0912345678'));
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#7113' });
    expect(step(dry, 'zns').intents).toEqual([
      {
        kind: 'zalo.zns.send', outcome: 'would_do',
        args: { account: 'OA Cửa hàng An', phone: '84912345678', templateId: '231785', templateData: { customer_name: 'John', order_code: '#7113', amount: '$403.00' }, fallbackAccount: 'eSMS CSKH', fallbackText: 'Don #7113' },
      },
    ]);
    expect(zalo.requests).toEqual([]);
    expect(esms.requests).toEqual([]);
  });

  describe('OA messages', () => {
    /** An earlier order made the customer; they wrote to the OA `daysAgo` days ago (null: never). */
    async function customerWrote(daysAgo: number | null, userId: string = ZALO_USERS.follower) {
      await postOrderCreated(t, hookUrl, 7200);
      customerOnZalo(userId, daysAgo === null ? null : new Date(Date.now() - daysAgo * DAY).toISOString());
    }
    const oaSends = () => zalo.requests.filter((r) => r.path.startsWith('/v3.0/oa/message/'));

    it("sends a consultation message to a customer who wrote within 7 days, in Zalo's format", async () => {
      await customerWrote(2);
      await activate(oaNode(accountId));
      const run = await orderCreated(t, hookUrl, 7201);
      expect(run.status).toBe('succeeded');
      expect(oaSends()).toEqual([expect.objectContaining({ method: 'POST', path: '/v3.0/oa/message/cs', accessToken: zalo.tokens.accessToken, contentType: 'application/json' })]);
      expect(oaSends()[0]!.body).toEqual({ recipient: { user_id: ZALO_USERS.follower }, message: { text: 'Đơn #7201 đã được xác nhận.' } });
      expect(step(run, 'oa').intents[0]).toMatchObject({ kind: 'zalo.oa.send', result: { messageId: 'oa-msg-1', userId: ZALO_USERS.follower } });
    });

    it('skips a consultation message outside the 7-day window, saying to use ZNS, without calling Zalo', async () => {
      await customerWrote(8);
      await activate(oaNode(accountId));
      const run = await orderCreated(t, hookUrl, 7202);
      expect(step(run, 'oa')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^the customer has not interacted with the OA in 7 days \(last wrote on .+\): use ZNS$/) });
      expect(await onTimeline('#7202', 'oa')).toMatchObject({ reasonCode: 'zalo_no_interaction' });
      expect(oaSends()).toEqual([]);
    });

    it('skips when the customer has no Zalo user id, and when they do not follow the OA (-213)', async () => {
      await activate(oaNode(accountId, { kind: 'transaction', header: 'Xác nhận đơn {{ order.number }}' }));
      const none = await orderCreated(t, hookUrl, 7203);
      expect(step(none, 'oa')).toMatchObject({ status: 'skipped' });
      expect(await onTimeline('#7203', 'oa')).toMatchObject({ reasonCode: 'no_zalo_user' });
      customerOnZalo(ZALO_USERS.notFollower, null);
      const stranger = await orderCreated(t, hookUrl, 7204);
      expect(step(stranger, 'oa')).toMatchObject({ status: 'skipped', reason: 'the customer does not follow the OA (Zalo: -213 User has not followed OA)' });
      expect(await onTimeline('#7204', 'oa')).toMatchObject({ reasonCode: 'zalo_not_follower' });
    });

    it('sends a transaction message with no window; an expired token (-216) is renewed once first', async () => {
      await customerWrote(null);
      zalo.expireAccessToken();
      await activate(oaNode(accountId, { kind: 'transaction', header: 'Xác nhận đơn {{ order.number }}', table: ['Mã đơn: {{ order.number }}', 'Tổng tiền: {{ order.totalPrice | money }}', 'Ghi chú: {{ order.note }}'], buttonTitle: 'Xem đơn', buttonUrl: 'https://cuahangan.vn/don/{{ order.number | remove: "#" }}' }));
      const run = await orderCreated(t, hookUrl, 7205, { note: null });
      expect(run.status).toBe('succeeded');
      expect(oaSends().map((r) => [r.path, r.accessToken])).toEqual([
        ['/v3.0/oa/message/transaction', 'zalo-access-token-0000000000'],
        ['/v3.0/oa/message/transaction', 'zalo-access-token-0000000001'],
      ]);
      expect(zalo.refreshes()).toHaveLength(1);
      expect(oaSends()[1]!.body).toEqual({
        recipient: { user_id: ZALO_USERS.follower },
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'transaction_order',
              language: 'VI',
              elements: [
                { type: 'header', content: 'Xác nhận đơn #7205', align: 'left' },
                { type: 'text', content: 'Đơn #7205 đã được xác nhận.', align: 'left' },
                { type: 'table', content: [{ key: 'Mã đơn', value: '#7205' }, { key: 'Tổng tiền', value: '$403.00' }] },
              ],
              buttons: [{ type: 'oa.open.url', title: 'Xem đơn', payload: { url: 'https://cuahangan.vn/don/7205' }, image_icon: '' }],
            },
          },
        },
      });
    });

    it("defers on the OA's used-up quota (-211) until tomorrow, sending nothing meanwhile", async () => {
      await customerWrote(1);
      zalo.script({ code: -211, message: 'Out of quota' });
      await activate(oaNode(accountId));
      const parked = await orderCreated(t, hookUrl, 7206);
      expect(parked.status).toBe('waiting');
      expect(zalo.oa).toEqual([]);
      expect(await settled(t, parked.id, 500)).toMatchObject({ status: 'waiting' });
    });
  });
});
