import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startFakeResend, type FakeResend } from '../harness/fake-resend.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, emailNode } from '../harness/message-flows.ts';
import { settled } from '../harness/chat-flows.ts';
import { resendVerdict } from '../../engine/connectors/email/resend-answers.ts';

describe('email through Resend, against a fake Resend API on 127.0.0.1', () => {
  let t: TempEngine;
  let rs: FakeResend;
  let hookUrl: string;
  let accountId: string;

  const account = (over: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) =>
    t.engine.call('accounts.create', { connector: 'resend', name: 'Resend cửa hàng', credentials: { apiKey: rs.apiKey, from: 'Cửa hàng An <shop@example.vn>', ...over }, settings: { baseUrl: rs.baseUrl, ...settings } });
  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: cancelledThen(emailNode(accountId, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  async function cancelled(n: number, email: string | null = 'an@example.vn') {
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: n, number: `#${n}`, email }))).toBe(200);
    await t.engine.idle(2_000);
    const order = await t.engine.call('orders.get', { ref: `#${n}` });
    const [run] = await t.engine.call('runs.list', { orderId: order.summary.id });
    return t.engine.call('runs.get', { id: run!.id });
  }
  const posts = () => rs.requests.filter((r) => r.path === '/emails');
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'email') as (typeof run.steps)[number] & Record<string, any>;

  beforeEach(async () => {
    rs = await startFakeResend();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    accountId = (await account()).id;
  });
  afterEach(async () => {
    await t.close();
    await rs.close();
  });

  it('tests an account with GET /domains: says the verified domains and warns when the sender is on another', async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'resend' });
    expect(acc).toMatchObject({ fields: { from: 'Cửa hàng An <shop@example.vn>' }, secretHints: { apiKey: `••••${rs.apiKey.slice(-4)}` }, settings: { baseUrl: rs.baseUrl, timeoutSeconds: 30 } });
    expect(JSON.stringify(acc)).not.toContain(rs.apiKey);

    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({
      ok: true, code: 'ok', message: 'Signed in to Resend; verified domains: example.vn', facts: { verifiedDomains: 'example.vn', otherDomains: 'news.example.vn (pending)' },
    });
    expect(rs.requests).toEqual([{ method: 'GET', path: '/domains', authorization: `Bearer ${rs.apiKey}`, idempotencyKey: undefined, contentType: undefined, body: null, atMs: expect.any(Number) }]);

    await t.engine.call('accounts.update', { id: accountId, credentials: { from: 'shop@news.example.vn' } });
    const warned = await t.engine.call('accounts.test', { id: accountId });
    expect(warned).toMatchObject({ ok: true, facts: { verifiedDomains: 'example.vn', senderNotVerified: 'news.example.vn' } });
    expect(warned.message).toBe("Signed in to Resend; verified domains: example.vn; the default sender's domain news.example.vn is not verified, so Resend will refuse mail from it");

    rs.domains = [];
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true, facts: { noVerifiedDomain: '0', senderNotVerified: 'news.example.vn' } });

    // A key with "Sending access" may not list domains: it works all the same.
    rs.sendingOnly = true;
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true, code: 'ok', facts: { sendingOnly: '' }, answer: '401 restricted_api_key: This API key is restricted to only send emails' });

    await t.engine.call('accounts.update', { id: accountId, credentials: { apiKey: 're_someone_elses_key_0000' } });
    const refused = await t.engine.call('accounts.test', { id: accountId });
    expect(refused).toMatchObject({ ok: false, code: 'auth_failed', answer: '403 invalid_api_key: API key is invalid' });
    expect(JSON.stringify(refused)).not.toContain('someone_elses');
    expect(posts()).toEqual([]);
  });

  it('refuses an API key that is not shaped like one at save', async () => {
    await expect(account({ apiKey: 'SG.not-resend' })).rejects.toThrow(/re_123abc/);
  });

  it("sends one email in Resend's format, with the step's Idempotency-Key, Liquid rendered and Vietnamese intact", async () => {
    await activate({ replyTo: 'cskh@example.vn', cc: 'ketoan@example.vn', html: '<p>Đơn <b>{{ order.number }}</b> đã được huỷ.</p>' });
    const run = await cancelled(6001);
    expect(run.status).toBe('succeeded');
    expect(posts()).toHaveLength(1);
    const [post] = posts();
    expect(post).toMatchObject({ method: 'POST', authorization: `Bearer ${rs.apiKey}`, contentType: 'application/json', idempotencyKey: `${run.id}:email` });
    expect(post!.body).toEqual({
      from: 'Cửa hàng An <shop@example.vn>',
      to: ['an@example.vn'],
      cc: ['ketoan@example.vn'],
      reply_to: 'cskh@example.vn',
      subject: 'Đơn hàng #6001 đã được huỷ',
      html: '<p>Đơn <b>#6001</b> đã được huỷ.</p>',
      text: expect.stringMatching(/^Chào bạn, đơn #6001 \(.+\) đã được huỷ\.$/),
    });
    expect(rs.sent).toHaveLength(1);
    expect(step(run).intents[0]).toMatchObject({
      kind: 'email.send', outcome: 'done',
      args: { account: 'Resend cửa hàng', to: ['an@example.vn'], cc: ['ketoan@example.vn'], replyTo: 'cskh@example.vn', subject: 'Đơn hàng #6001 đã được huỷ' },
      result: { id: rs.sent[0]!.id, idempotencyKey: `${run.id}:email` },
    });
    expect(JSON.stringify(run)).not.toContain(rs.apiKey);
  });

  it('an answer lost after Resend took the email is asked again with the same Idempotency-Key, and Resend does not send twice', async () => {
    rs.script({ sendThenDrop: true });
    await activate();
    const run = await cancelled(6002);
    expect(run.status).toBe('succeeded');
    const [first, second] = posts();
    expect(posts()).toHaveLength(2);
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(second!.body).toEqual(first!.body);
    expect(rs.sent).toHaveLength(1);
    expect(step(run)).toMatchObject({ status: 'done' });
    expect(step(run).intents[0].result).toEqual({ id: rs.sent[0]!.id, idempotencyKey: `${run.id}:email` });
  });

  it('waits out a 429 for its Retry-After, then sends once', async () => {
    rs.script({ rateLimited: 3 });
    await activate();
    const parked = await cancelled(6003);
    expect(parked.status).toBe('waiting');
    expect(Date.parse(parked.dueAt!) - posts()[0]!.atMs).toBeGreaterThanOrEqual(2_900);
    expect(rs.sent).toEqual([]);
    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    const [first, second] = posts();
    // Node's timers can fire a millisecond early by Date.now() (2,999 ms seen once in CI).
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(2_990);
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(rs.sent).toHaveLength(1);
  });

  it('retries a 5xx and a 409 "same key still in progress", then sends once', async () => {
    rs.script({ status: 503 }, { concurrent: true });
    await activate();
    const run = await cancelled(6004);
    expect(run.status).toBe('succeeded');
    expect(posts()).toHaveLength(3);
    expect(new Set(posts().map((p) => p.idempotencyKey)).size).toBe(1);
    expect(rs.sent).toHaveLength(1);
  });

  it("fails the step with Resend's words: a sender on an unverified domain, a wrong key, a refused field", async () => {
    await activate({ from: 'Tin tức <tin@news.example.vn>' });
    const unverified = await cancelled(6005);
    expect(unverified.status).toBe('failed');
    expect(step(unverified).reason).toBe(
      'Resend refused the sender: verify its domain at resend.com/domains, or send from an address on a verified domain (Resend: 403 validation_error: The news.example.vn domain is not verified. Please, add and verify your domain on https://resend.com/domains)',
    );
    expect(posts()).toHaveLength(1);

    await t.engine.call('accounts.update', { id: accountId, credentials: { apiKey: 're_revoked_key_000000' } });
    const refused = await cancelled(6006);
    expect(step(refused).reason).toBe('Resend refused the API key: check the API key in the account (Resend: 403 invalid_api_key: API key is invalid)');
    expect(posts()).toHaveLength(2);
    expect(JSON.stringify(refused)).not.toContain('re_revoked_key_000000');
    expect(rs.sent).toEqual([]);
  });

  it('a spent daily quota parks the step for later; a spent monthly quota fails it', async () => {
    rs.script({ quota: 'daily' });
    await activate();
    const parked = await cancelled(6007);
    expect(parked.status).toBe('waiting');
    expect(Date.parse(parked.dueAt!) - posts()[0]!.atMs).toBeGreaterThan(50 * 60_000);
    expect(parked.waitReason).toMatchObject({ nodeId: 'email', reasonCode: 'quota_exceeded', reasonArgs: { provider: 'Resend' } });

    rs.script({ quota: 'monthly' });
    const failed = await cancelled(6008);
    expect(failed.status).toBe('failed');
    expect(step(failed).reason).toMatch(/^the Resend account reached its monthly sending quota: upgrade the plan at resend\.com \(Resend: 429 monthly_quota_exceeded/);
    expect(rs.sent).toEqual([]);
  });

  it('skips an order without an email address, and a dry run records the email and sends nothing', async () => {
    const flow = await activate();
    const none = await cancelled(6009, null);
    expect(step(none)).toMatchObject({ status: 'skipped', reason: 'no email address: the order and its customer have none' });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 6010, number: '#6010', email: 'an@example.vn' }));
    await t.engine.idle(2_000);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#6010' });
    expect(step(dry).intents).toEqual([
      { kind: 'email.send', outcome: 'would_do', args: { account: 'Resend cửa hàng', to: ['an@example.vn'], subject: 'Đơn hàng #6010 đã được huỷ', text: expect.stringContaining('đơn #6010') } },
    ]);
    expect(JSON.stringify(dry)).not.toContain(rs.apiKey);
    expect(rs.requests).toEqual([]);
  });
});

describe("Resend's answers, sorted", () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), text: JSON.stringify(body), json: body });
  it('a key reused with another email within 24 hours is not sent, and says why', () => {
    const v = resendVerdict(answer(409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'This idempotency key has been used…' }));
    expect(v).toMatchObject({ kind: 'fail', reason: expect.stringMatching(/^Resend already took a different email under this step's Idempotency-Key/) });
  });
  it('422 validation errors fail with Resend’s words; 401 asks to check the key', () => {
    expect(resendVerdict(answer(422, { statusCode: 422, name: 'missing_required_field', message: 'Missing `to` field.' }))).toEqual({ kind: 'fail', reason: 'Resend refused the email (Resend: 422 missing_required_field: Missing `to` field.)' });
    expect(resendVerdict(answer(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' }))).toMatchObject({ kind: 'fail', reason: expect.stringMatching(/^Resend refused the API key: check the API key/) });
    expect(resendVerdict(answer(429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests.' }, { 'retry-after': '2' }))).toMatchObject({ kind: 'wait', retryAfter: '2' });
  });
});
