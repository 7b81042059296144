import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startFakeTelegram, TELEGRAM_CHATS, type FakeTelegram } from '../harness/fake-telegram.ts';
import { createdThen, orderCreated, postOrderCreated, settled, telegramNode } from '../harness/chat-flows.ts';

const TEXT = (n: number) => `Đơn mới #${n}: $403.00 — cảm ơn bạn!`;

describe('Telegram sendMessage, against a fake Bot API on 127.0.0.1', () => {
  let t: TempEngine;
  let tg: FakeTelegram;
  let hookUrl: string;
  let accountId: string;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(telegramNode(accountId, params)) });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const sends = () => tg.requests.filter((r) => r.path.endsWith('/sendMessage'));
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'telegram') as (typeof run.steps)[number] & Record<string, any>;

  beforeEach(async () => {
    tg = await startFakeTelegram();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', { connector: 'telegram', name: 'Bot cửa hàng', credentials: { botToken: tg.token }, settings: { baseUrl: tg.baseUrl } });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await tg.close();
  });

  it("tests an account with getMe and shows the bot's name; a wrong token is refused; the token is masked", async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'telegram' });
    expect(acc).toMatchObject({ fields: {}, secretHints: { botToken: `••••${tg.token.slice(-4)}` }, settings: { baseUrl: tg.baseUrl, timeoutSeconds: 15 } });
    expect(JSON.stringify(acc)).not.toContain(tg.token);

    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({
      ok: true, code: 'ok', message: 'Signed in as the bot Cửa hàng An (@cuahangan_bot)', facts: { bot: 'Cửa hàng An', username: '@cuahangan_bot' },
    });
    expect(tg.requests).toEqual([{ method: 'GET', path: `/bot${tg.token}/getMe`, contentType: undefined, body: null, atMs: expect.any(Number) }]);

    await t.engine.call('accounts.update', { id: accountId, credentials: { botToken: '7000000001:AAHsomeone-else-token_000000000000' } });
    const refused = await t.engine.call('accounts.test', { id: accountId });
    expect(refused).toMatchObject({ ok: false, code: 'auth_failed', answer: '401 Unauthorized' });
    expect(JSON.stringify(refused)).not.toContain('someone-else');

    await t.engine.call('accounts.update', { id: accountId, settings: { baseUrl: 'http://127.0.0.1:9' } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'unreachable' });
    expect(sends()).toEqual([]);
  });

  it('refuses a token that is not shaped like one at save', async () => {
    await expect(t.engine.call('accounts.create', { connector: 'telegram', name: 'x', credentials: { botToken: 'not-a-token' } })).rejects.toThrow(/BotFather/);
  });

  it("sends one message in the Bot API's format, Liquid rendered and Vietnamese intact", async () => {
    await activate({ parseMode: 'HTML', text: '<b>Đơn mới</b> {{ order.number }}: {{ order.totalPrice | money }} — cảm ơn bạn!' });
    const run = await orderCreated(t, hookUrl, 7001);
    expect(run.status).toBe('succeeded');
    expect(sends()).toEqual([
      {
        method: 'POST',
        path: `/bot${tg.token}/sendMessage`,
        contentType: 'application/json',
        body: { chat_id: 123456789, text: '<b>Đơn mới</b> #7001: $403.00 — cảm ơn bạn!', parse_mode: 'HTML' },
        atMs: expect.any(Number),
      },
    ]);
    expect(tg.sent).toEqual([{ chatId: 123456789, text: '<b>Đơn mới</b> #7001: $403.00 — cảm ơn bạn!', parseMode: 'HTML', messageId: 1 }]);
    const s = step(run);
    expect(s).toMatchObject({ status: 'done', output: { chatId: '123456789', characters: '<b>Đơn mới</b> #7001: $403.00 — cảm ơn bạn!'.length } });
    expect(s.intents[0]).toMatchObject({
      kind: 'telegram.send', outcome: 'done',
      args: { account: 'Bot cửa hàng', chatId: '123456789', text: '<b>Đơn mới</b> #7001: $403.00 — cảm ơn bạn!', parseMode: 'HTML' },
      result: { messageId: 1, chatId: 123456789 },
    });
    expect(JSON.stringify(run)).not.toContain(tg.token);
  });

  it('writes to a public channel by its @name, with no parse_mode when there is no formatting', async () => {
    await activate({ chatId: TELEGRAM_CHATS.channel });
    const run = await orderCreated(t, hookUrl, 7002);
    expect(run.status).toBe('succeeded');
    expect(sends().map((r) => r.body)).toEqual([{ chat_id: '@cuahangan_news', text: TEXT(7002) }]);
  });

  it('waits out a 429 for parameters.retry_after, then sends once', async () => {
    // Longer than the 2 s the helper lets the engine run on, so the parked run is seen.
    tg.script({ retryAfter: 3 });
    await activate();
    const parked = await orderCreated(t, hookUrl, 7003);
    expect(parked.status).toBe('waiting');
    expect(parked.steps.map((s) => s.nodeId)).toEqual(['trigger']);
    expect(Date.parse(parked.dueAt!) - sends()[0]!.atMs).toBeGreaterThanOrEqual(2_900);
    expect(tg.sent).toEqual([]);

    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    const [first, second] = sends();
    // Node's timers can fire a millisecond early by Date.now() (2,999 ms seen once in CI).
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(2_990);
    expect(second!.body).toEqual(first!.body);
    expect(tg.sent.map((m) => m.text)).toEqual([TEXT(7003)]);
  });

  it('retries a 5xx (nothing was sent) and sends once', async () => {
    tg.script({ status: 502 });
    await activate();
    const run = await orderCreated(t, hookUrl, 7004);
    expect(run.status).toBe('succeeded');
    expect(sends()).toHaveLength(2);
    expect(tg.sent).toHaveLength(1);
  });

  it('fails the step on "chat not found", with Telegram\'s answer on the step and the order', async () => {
    await activate({ chatId: '555000111' });
    const run = await orderCreated(t, hookUrl, 7005);
    expect(run.status).toBe('failed');
    const reason = 'Telegram cannot find chat 555000111: check the chat id, and that the bot is in the group (Telegram: 400 Bad Request: chat not found)';
    expect(step(run)).toMatchObject({ status: 'failed', reason });
    const order = await t.engine.call('orders.get', { ref: '#7005' });
    expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'telegram')?.data).toMatchObject({ status: 'failed', reason });
    expect(sends()).toHaveLength(1);
  });

  it('skips a person who blocked the bot, and a chat that renders empty, each with the reason', async () => {
    await activate({ chatId: `{% if order.totalPrice > 400 %}${TELEGRAM_CHATS.blocked}{% endif %}` });
    const blocked = await orderCreated(t, hookUrl, 7006);
    expect(blocked.status).toBe('succeeded');
    expect(step(blocked)).toMatchObject({ status: 'skipped', reason: 'the person blocked the bot (Telegram: 403 Forbidden: bot was blocked by the user)' });

    const none = await orderCreated(t, hookUrl, 7007, { total_price: '42.00' });
    expect(none.status).toBe('succeeded');
    expect(step(none)).toMatchObject({ status: 'skipped', reason: 'no Telegram chat: the Chat field rendered empty' });
    expect(sends()).toHaveLength(1);
    expect(tg.sent).toEqual([]);
  });

  it('an answer lost after Telegram took the message is "outcome unknown", not sent again', async () => {
    tg.script({ sendThenDrop: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 7008);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: the connection to Telegram broke before its answer .*; the message may or may not have been sent, so it is not sent again$/);
    expect(step(run).reason).not.toContain(tg.token);
    expect(sends()).toHaveLength(1);
    expect(tg.sent).toHaveLength(1);
  });

  it('no answer within the timeout after sending is "outcome unknown" too: Telegram could not tell a resend', async () => {
    await t.engine.call('accounts.update', { id: accountId, settings: { baseUrl: tg.baseUrl, timeoutSeconds: 2 } });
    tg.script({ sendThenHang: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 7011);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toBe('outcome unknown: Telegram did not answer within 2 s; the message may or may not have been sent, so it is not sent again');
    expect(sends()).toHaveLength(1);
  });

  it('sends to the new id of a group that became a supergroup, and says so', async () => {
    tg.script({ migrateTo: TELEGRAM_CHATS.group });
    await activate({ chatId: '-4001234' });
    const run = await orderCreated(t, hookUrl, 7009);
    expect(run.status).toBe('succeeded');
    expect(sends().map((r) => r.body!['chat_id'])).toEqual([-4001234, TELEGRAM_CHATS.group]);
    expect(step(run).intents[0].result).toMatchObject({ chatId: TELEGRAM_CHATS.group, note: 'the group -4001234 is now the supergroup -1001234567890: put the new id in the step' });
  });

  it('a dry run records the chat and the rendered text, and sends nothing', async () => {
    const flow = await activate();
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 7010);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#7010' });
    expect(step(dry).intents).toEqual([{ kind: 'telegram.send', outcome: 'would_do', args: { account: 'Bot cửa hàng', chatId: '123456789', text: TEXT(7010) } }]);
    expect(JSON.stringify(dry)).not.toContain(tg.token);
    expect(tg.requests).toEqual([]);
  });
});
