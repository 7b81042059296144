import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { MESSENGER_PAGE, MESSENGER_PEOPLE, messengerNode, startFakeMessenger, type FakeMessenger } from '../harness/fake-messenger.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen } from '../harness/message-flows.ts';

const EMAIL = 'an@example.vn';
const TEXT = (n: number) => `Đơn #${n} của bạn đã được huỷ. Cửa hàng An xin lỗi vì sự bất tiện!`;

describe('Messenger Send API, against a fake Graph API on 127.0.0.1', () => {
  let t: TempEngine;
  let fb: FakeMessenger;
  let hookUrl: string;
  let accountId: string;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: cancelledThen(messengerNode(accountId, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  async function cancelled(n: number) {
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: n, number: `#${n}`, email: EMAIL }))).toBe(200);
    await t.engine.idle(2_000);
    const order = await t.engine.call('orders.get', { ref: `#${n}` });
    const runs = await t.engine.call('runs.list', { orderId: order.summary.id });
    return runs.length > 0 ? t.engine.call('runs.get', { id: runs[0]!.id }) : null;
  }
  /** What Flowdesk knows of the customer from the page (in the app, a flow or a person sets it). */
  async function customerOnMessenger(psid: string | null, lastWroteHoursAgo: number | null) {
    // The customer exists once an order named them.
    if (!(await t.engine.call('customers.list', { query: EMAIL })).length) await cancelled(1);
    const db = new Database(join(t.dataDir, 'flowdesk.db'));
    const at = lastWroteHoursAgo === null ? null : new Date(Date.now() - lastWroteHoursAgo * 3_600_000).toISOString();
    db.prepare('UPDATE customers SET messenger_psid = ?, messenger_interacted_at = ? WHERE email = ?').run(psid, at, EMAIL);
    db.close();
  }
  const sends = () => fb.requests.filter((r) => r.path.endsWith('/messages'));
  const step = (run: { steps: { nodeId: string }[] } | null) => run!.steps.find((s) => s.nodeId === 'messenger') as Record<string, any>;

  beforeEach(async () => {
    fb = await startFakeMessenger();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', {
      connector: 'messenger', name: 'Trang Cửa hàng An',
      credentials: { pageId: MESSENGER_PAGE.id, pageAccessToken: fb.token }, settings: { baseUrl: fb.baseUrl },
    });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await fb.close();
  });

  it("tests an account with /me and names the page; refuses a wrong token and a person's token; keeps the token masked", async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'messenger' });
    expect(acc).toMatchObject({ fields: { pageId: MESSENGER_PAGE.id }, secretHints: { pageAccessToken: `••••${fb.token.slice(-4)}` }, settings: { baseUrl: fb.baseUrl, apiVersion: 'v21.0', timeoutSeconds: 20 } });
    expect(JSON.stringify(acc)).not.toContain(fb.token);

    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({
      ok: true, code: 'ok', message: `Signed in as the page Cửa hàng An (${MESSENGER_PAGE.id})`, facts: { page: 'Cửa hàng An', pageId: MESSENGER_PAGE.id },
    });
    expect(fb.requests).toEqual([{ method: 'GET', path: '/v21.0/me', query: { fields: 'id,name', access_token: fb.token }, contentType: undefined, body: null, atMs: expect.any(Number) }]);

    await t.engine.call('accounts.update', { id: accountId, credentials: { pageAccessToken: fb.userToken } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'refused', facts: { page: 'Nguyễn Văn An', otherPage: MESSENGER_PAGE.id } });

    await t.engine.call('accounts.update', { id: accountId, credentials: { pageAccessToken: 'EAAGsomeoneElsesToken00000000' } });
    const refused = await t.engine.call('accounts.test', { id: accountId });
    expect(refused).toMatchObject({ ok: false, code: 'auth_failed', answer: 'Invalid OAuth access token - Cannot parse access token [code 190]' });
    expect(JSON.stringify(refused)).not.toContain('someoneElses');
    expect(sends()).toEqual([]);
  });

  it('refuses a page id that is not a number at save', async () => {
    await expect(t.engine.call('accounts.create', { connector: 'messenger', name: 'x', credentials: { pageId: 'cuahangan', pageAccessToken: fb.token } })).rejects.toThrow(/page id is a number/);
  });

  it("sends to the customer's PSID inside the 24-hour window, in the Send API's format", async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 2);
    await activate();
    const run = await cancelled(8001);
    expect(run!.status).toBe('succeeded');
    expect(sends()).toEqual([
      {
        method: 'POST',
        path: `/v21.0/${MESSENGER_PAGE.id}/messages`,
        query: { access_token: fb.token },
        contentType: 'application/json',
        body: { recipient: { id: MESSENGER_PEOPLE.person }, messaging_type: 'RESPONSE', message: { text: TEXT(8001) } },
        atMs: expect.any(Number),
      },
    ]);
    expect(step(run)).toMatchObject({ status: 'done', output: { psid: MESSENGER_PEOPLE.person, characters: TEXT(8001).length, messagingType: 'RESPONSE' } });
    expect(step(run).intents[0]).toMatchObject({
      kind: 'messenger.send', outcome: 'done',
      args: { account: 'Trang Cửa hàng An', psid: MESSENGER_PEOPLE.person, text: TEXT(8001), messagingType: 'RESPONSE' },
      result: { messageId: 'm_fake1', recipientId: MESSENGER_PEOPLE.person },
    });
    expect(JSON.stringify(run)).not.toContain(fb.token);
  });

  it('skips, with a code the editor words, when there is no PSID, when the customer never wrote, and outside the window', async () => {
    await activate();
    const none = await cancelled(8002);
    expect(step(none)).toMatchObject({ status: 'skipped', reason: 'no Messenger recipient: the customer has not written to the Facebook page (no PSID)' });

    await customerOnMessenger(MESSENGER_PEOPLE.person, null);
    const never = await cancelled(8003);
    expect(step(never)).toMatchObject({ status: 'skipped', reason: 'the customer has never written to the Facebook page, so Messenger allows no message without a tag' });

    await customerOnMessenger(MESSENGER_PEOPLE.person, 30);
    const late = await cancelled(8004);
    expect(step(late)).toMatchObject({ status: 'skipped', reason: 'outside the 24-hour window: the customer last wrote to the page 30 hours ago; choose a message tag to send anyway' });
    const order = await t.engine.call('orders.get', { ref: '#8004' });
    expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'messenger')?.data).toMatchObject({ status: 'skipped', reasonCode: 'messenger_window_closed', reasonArgs: { hours: '30' } });
    expect(sends()).toEqual([]);
  });

  it('with a message tag, sends outside the window', async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 72);
    await activate({ messagingType: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
    const run = await cancelled(8005);
    expect(run!.status).toBe('succeeded');
    expect(sends().map((r) => r.body)).toEqual([{ recipient: { id: MESSENGER_PEOPLE.person }, messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE', message: { text: TEXT(8005) } }]);
    expect(step(run).intents[0].args).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
  });

  it('skips when Facebook says the window is closed (10/2018278), the person is unavailable (551) or unknown to the page (100/2018001)', async () => {
    await activate({ psid: MESSENGER_PEOPLE.outsideWindow });
    const outside = await cancelled(8006);
    expect(outside!.status).toBe('succeeded');
    expect(step(outside)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^outside the 24-hour window: .* \(Facebook: \(#10\) This message is sent outside of allowed window\..* \[code 10\/2018278\]\)$/) });

    const flows = await t.engine.call('flows.list', {});
    await t.engine.call('flows.deactivate', { id: flows[0]!.id });
    await activate({ psid: MESSENGER_PEOPLE.blocked });
    const blocked = await cancelled(8007);
    expect(step(blocked)).toMatchObject({ status: 'skipped', reason: "the person is not available on Messenger (they blocked the page or closed their account) (Facebook: This person isn't available right now. [code 551])" });

    await t.engine.call('flows.deactivate', { id: (await t.engine.call('flows.list', {})).find((f) => f.activeVersion !== null)!.id });
    await activate({ psid: '99999999999' });
    const unknown = await cancelled(8012);
    expect(step(unknown)).toMatchObject({ status: 'skipped', reason: 'Facebook knows no person with this PSID for the page (Facebook: (#100) No matching user found [code 100/2018001])' });
    expect(sends()).toHaveLength(3);
    expect(fb.sent).toEqual([]);
  });

  it('an expired page token fails the step asking to reconnect the page, not retried', async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 1);
    fb.expireToken();
    await activate();
    const run = await cancelled(8008);
    expect(run!.status).toBe('failed');
    expect(step(run).reason).toMatch(/^Facebook refused the page's access token \(expired or revoked\): reconnect the page with a new Page access token in the account \(Facebook: Error validating access token: Session has expired.* \[code 190\/463\]\)$/);
    expect(sends()).toHaveLength(1);
  });

  it('retries rate limits (613, 4, 32) and temporary failures (1200, 5xx), then sends once', async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 1);
    fb.script(
      { error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' } },
      { error: { code: 4, message: 'Application request limit reached' } },
      { error: { code: 32, message: 'Page request limit reached' } },
      { error: { code: 1200, message: 'Temporary send message failure. Please try again later', status: 500 } },
      { status: 503 },
    );
    await activate();
    const run = await cancelled(8009);
    expect(run!.status).toBe('succeeded');
    expect(sends()).toHaveLength(6);
    expect(fb.sent).toHaveLength(1);
  });

  it('an answer lost after Facebook took the message is "outcome unknown", not sent again', async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 1);
    fb.script({ sendThenDrop: true });
    await activate();
    const run = await cancelled(8010);
    expect(run!.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: the connection to Facebook broke before its answer .*; the message may or may not have been sent, so it is not sent again$/);
    expect(step(run).reason).not.toContain(fb.token);
    expect(sends()).toHaveLength(1);
    expect(fb.sent).toHaveLength(1);
  });

  it('a dry run records the PSID and the text, and sends nothing', async () => {
    await customerOnMessenger(MESSENGER_PEOPLE.person, 1);
    const flow = await activate();
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 8011, number: '#8011', email: EMAIL }));
    await t.engine.idle(2_000);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#8011' });
    expect(step(dry).intents).toEqual([{ kind: 'messenger.send', outcome: 'would_do', args: { account: 'Trang Cửa hàng An', psid: MESSENGER_PEOPLE.person, text: TEXT(8011), messagingType: 'RESPONSE' } }]);
    expect(JSON.stringify(dry)).not.toContain(fb.token);
    expect(fb.requests).toEqual([]);
  });
});
