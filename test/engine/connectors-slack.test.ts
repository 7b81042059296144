import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { SLACK_CHANNEL, SLACK_WEBHOOK_PATH, startFakeSlack, type FakeSlack } from '../harness/fake-slack.ts';
import { createdThen, orderCreated, postOrderCreated, settled, slackNode } from '../harness/chat-flows.ts';

const TEXT = (n: number) => `Đơn mới #${n}: $403.00 — giao hàng nhé!`;

describe('Slack incoming webhook and chat.postMessage, against a fake Slack on 127.0.0.1', () => {
  let t: TempEngine;
  let slack: FakeSlack;
  let hookUrl: string;

  const account = async (credentials: Record<string, string>, name = 'Slack cửa hàng') =>
    (await t.engine.call('accounts.create', { connector: 'slack', name, credentials, settings: { baseUrl: slack.apiUrl } })).id;
  const both = () => account({ webhookUrl: slack.webhookUrl, botToken: slack.token });
  async function activate(accountId: string, params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(slackNode(accountId, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const posts = () => slack.requests.filter((r) => r.path === SLACK_WEBHOOK_PATH || r.path === '/api/chat.postMessage');
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'slack') as (typeof run.steps)[number] & Record<string, any>;

  beforeEach(async () => {
    slack = await startFakeSlack();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    await slack.close();
  });

  it('tests a bot token with auth.test; says plainly that a webhook cannot be tested without posting; masks both', async () => {
    const id = await both();
    const [acc] = await t.engine.call('accounts.list', { connector: 'slack' });
    expect(acc!.secretHints).toEqual({ webhookUrl: '••••UVWX', botToken: `••••${slack.token.slice(-4)}` });
    expect(JSON.stringify(acc)).not.toContain(slack.token);
    expect(JSON.stringify(acc)).not.toContain(SLACK_WEBHOOK_PATH);

    expect(await t.engine.call('accounts.test', { id })).toMatchObject({
      ok: true, code: 'ok', facts: { team: 'Cửa hàng An', user: 'flowdesk_bot', webhook: new URL(slack.webhookUrl).host },
      message: 'Signed in to the Slack workspace Cửa hàng An as flowdesk_bot; the incoming webhook cannot be tested without posting, so only its address was checked',
    });
    expect(slack.requests).toEqual([
      { method: 'POST', path: '/api/auth.test', contentType: 'application/json; charset=utf-8', authorization: `Bearer ${slack.token}`, body: {}, atMs: expect.any(Number) },
    ]);

    await t.engine.call('accounts.update', { id, credentials: { botToken: 'xoxb-9999-wrong' } });
    expect(await t.engine.call('accounts.test', { id })).toMatchObject({ ok: false, code: 'auth_failed', answer: 'invalid_auth' });

    const hookOnly = await account({ webhookUrl: slack.webhookUrl }, 'Webhook only');
    expect(await t.engine.call('accounts.test', { id: hookOnly })).toMatchObject({
      ok: true, code: 'unchecked', answer: null,
      message: 'The address has the shape of a Slack incoming webhook. Slack offers no way to test one without posting a message, so nothing was sent.',
    });
    const notAHook = await account({ webhookUrl: 'https://example.com/hooks/123' }, 'Not a hook');
    expect(await t.engine.call('accounts.test', { id: notAHook })).toMatchObject({ ok: false, code: 'refused' });
    expect(slack.requests).toHaveLength(2);
    expect(posts()).toEqual([]);
  });

  it('refuses an account with neither a webhook nor a token', async () => {
    await expect(account({})).rejects.toThrow(/incoming webhook URL, a bot token, or both/);
    await expect(account({ botToken: 'not-a-token' })).rejects.toThrow(/xoxb-/);
  });

  it("posts through the incoming webhook in Slack's format, Liquid rendered and Vietnamese intact", async () => {
    await activate(await account({ webhookUrl: slack.webhookUrl }), { channel: '#ignored-by-a-webhook' });
    const run = await orderCreated(t, hookUrl, 8001);
    expect(run.status).toBe('succeeded');
    expect(posts()).toEqual([{ method: 'POST', path: SLACK_WEBHOOK_PATH, contentType: 'application/json', authorization: undefined, body: { text: TEXT(8001) }, atMs: expect.any(Number) }]);
    expect(slack.posted).toMatchObject([{ via: 'webhook', text: TEXT(8001) }]);
    expect(step(run).intents[0]).toMatchObject({ kind: 'slack.post', outcome: 'done', args: { account: 'Slack cửa hàng', via: 'webhook', text: TEXT(8001) }, result: { via: 'webhook' } });
    expect(JSON.stringify(run)).not.toContain(SLACK_WEBHOOK_PATH);
  });

  it('posts with chat.postMessage to the channel the step names, the token as a Bearer header', async () => {
    await activate(await both(), { channel: `#${SLACK_CHANNEL.name}` });
    const run = await orderCreated(t, hookUrl, 8002);
    expect(run.status).toBe('succeeded');
    expect(posts()).toEqual([
      {
        method: 'POST', path: '/api/chat.postMessage', contentType: 'application/json; charset=utf-8', authorization: `Bearer ${slack.token}`,
        body: { channel: '#don-hang', text: TEXT(8002) }, atMs: expect.any(Number),
      },
    ]);
    const s = step(run);
    expect(s).toMatchObject({ status: 'done', output: { channel: '#don-hang', characters: TEXT(8002).length } });
    expect(s.intents[0]).toMatchObject({ args: { via: 'chat.postMessage', channel: '#don-hang' }, result: { via: 'chat.postMessage', channel: SLACK_CHANNEL.id, ts: slack.posted[0]!.ts } });
    expect(JSON.stringify(run)).not.toContain(slack.token);
  });

  it('fails the step on an error inside HTTP 200 (channel_not_found), with the answer on the step', async () => {
    await activate(await both(), { channel: 'C9999ZZZZ' });
    const run = await orderCreated(t, hookUrl, 8003);
    expect(run.status).toBe('failed');
    expect(step(run)).toMatchObject({
      status: 'failed',
      reason: 'Slack cannot find the channel: check its id or name, and invite the bot to a private channel (Slack: channel_not_found)',
    });
    expect(posts()).toHaveLength(1);
    expect(slack.posted).toEqual([]);
  });

  it('fails on a refused token (invalid_auth) and on a removed webhook (404 no_service)', async () => {
    const tokenOnly = await account({ botToken: 'xoxb-9999-revoked' }, 'Old token');
    const flow = await activate(tokenOnly, { channel: SLACK_CHANNEL.id });
    expect(step(await orderCreated(t, hookUrl, 8004))).toMatchObject({ status: 'failed', reason: 'Slack refused the bot token: check it in the account (Slack: invalid_auth)' });
    await t.engine.call('flows.deactivate', { id: flow.id });

    slack.revokeWebhook();
    await activate(await account({ webhookUrl: slack.webhookUrl }, 'Removed hook'));
    expect(step(await orderCreated(t, hookUrl, 8005))).toMatchObject({
      status: 'failed', reason: 'the incoming webhook no longer exists (removed, or its app uninstalled): make a new one (Slack: 404 no_service)',
    });
  });

  it('waits out a 429 for its Retry-After, then posts once', async () => {
    slack.script({ retryAfter: 3 });
    await activate(await both(), { channel: SLACK_CHANNEL.id });
    const parked = await orderCreated(t, hookUrl, 8006);
    expect(parked.status).toBe('waiting');
    expect(Date.parse(parked.dueAt!) - posts()[0]!.atMs).toBeGreaterThanOrEqual(2_900);
    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    const [first, second] = posts();
    // Not before Slack allowed (the queue's timer may fire a few ms either side of the due time).
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(2_900);
    expect(slack.posted.map((p) => p.text)).toEqual([TEXT(8006)]);
  });

  it("retries the webhook's passing 500 rollup_error and posts once; a cut-off answer is outcome unknown", async () => {
    slack.script({ status: 500, text: 'rollup_error' });
    await activate(await account({ webhookUrl: slack.webhookUrl }));
    expect((await orderCreated(t, hookUrl, 8007)).status).toBe('succeeded');
    expect(posts()).toHaveLength(2);
    expect(slack.posted).toHaveLength(1);

    slack.script({ sendThenDrop: true });
    const lost = await orderCreated(t, hookUrl, 8008);
    expect(lost.status).toBe('failed');
    expect(step(lost).reason).toMatch(/^outcome unknown: the connection to Slack broke before its answer/);
    expect(posts()).toHaveLength(3);
    expect(slack.posted).toHaveLength(2);
  });

  it('skips, with the reason, a step with no channel when the account has only a bot token', async () => {
    await activate(await account({ botToken: slack.token }, 'Bot only'), { channel: '{{ order.note }}' });
    const run = await orderCreated(t, hookUrl, 8009, { note: null });
    expect(run.status).toBe('succeeded');
    expect(step(run)).toMatchObject({ status: 'skipped', reason: 'no Slack channel to post to: the step\'s Channel is empty and account "Bot only" has no incoming webhook' });
    expect(posts()).toEqual([]);
  });

  it('a dry run records the way, channel and rendered text, and posts nothing', async () => {
    const flow = await activate(await both(), { channel: SLACK_CHANNEL.id });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 8010);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#8010' });
    expect(step(dry).intents).toEqual([{ kind: 'slack.post', outcome: 'would_do', args: { account: 'Slack cửa hàng', via: 'chat.postMessage', channel: SLACK_CHANNEL.id, text: TEXT(8010) } }]);
    expect(JSON.stringify(dry)).not.toContain(slack.token);
    expect(slack.requests).toEqual([]);
  });
});
