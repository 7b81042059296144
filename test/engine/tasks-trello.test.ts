import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startFakeTrello, TRELLO_BOARD, TRELLO_KEY, TRELLO_TOKEN, type FakeTrello } from '../harness/fake-trello.ts';
import { createdThen, orderCreated, postOrderCreated, settled } from '../harness/chat-flows.ts';

function trelloNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'trello',
    type: 'trello.create_card',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Card to pack',
    params: { account, listId: TRELLO_BOARD.toPack, name: 'Đóng gói đơn {{ order.number }}', desc: 'Tổng {{ order.totalPrice | money }} — giao nhanh', ...params },
  };
}

/** The run once it is parked (a slow machine may not have reached the step when the engine first went idle). */
async function parkedRun(t: TempEngine, runId: string) {
  for (let i = 0; i < 100; i++) {
    const run = await t.engine.call('runs.get', { id: runId });
    if (run.status !== 'queued' && run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  return t.engine.call('runs.get', { id: runId });
}

describe('Create Trello card, against a fake Trello REST API on 127.0.0.1', () => {
  let t: TempEngine;
  let trello: FakeTrello;
  let hookUrl: string;
  let accountId: string;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(trelloNode(accountId, params), 'Card per order') });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const posts = () => trello.requests.filter((r) => r.method === 'POST');
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'trello') as (typeof run.steps)[number] & Record<string, any>;

  beforeEach(async () => {
    trello = await startFakeTrello();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', { connector: 'trello', name: 'Bảng kho', credentials: { apiKey: TRELLO_KEY, token: TRELLO_TOKEN }, settings: { baseUrl: trello.baseUrl } });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await trello.close();
  });

  it('tests an account with GET /1/members/me and names the member; a wrong token is refused; key and token are masked', async () => {
    const [acc] = await t.engine.call('accounts.list', { connector: 'trello' });
    expect(acc).toMatchObject({ fields: {}, secretHints: { apiKey: '••••cdef', token: '••••CD34' }, settings: { baseUrl: trello.baseUrl, timeoutSeconds: 15 } });
    expect(JSON.stringify(acc)).not.toContain(TRELLO_TOKEN);

    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({
      ok: true, code: 'ok', message: 'Signed in to Trello as Cửa hàng An (@cuahangan)', facts: { member: 'Cửa hàng An', username: '@cuahangan' },
    });
    expect(trello.requests).toEqual([
      { method: 'GET', path: '/1/members/me', query: { fields: 'fullName,username', key: TRELLO_KEY, token: TRELLO_TOKEN }, contentType: undefined, body: null, atMs: expect.any(Number) },
    ]);

    await t.engine.call('accounts.update', { id: accountId, credentials: { token: 'ATTAsomeoneelse000000000000000000000000000000' } });
    const refused = await t.engine.call('accounts.test', { id: accountId });
    expect(refused).toMatchObject({ ok: false, code: 'auth_failed', answer: '401 invalid token' });
    expect(JSON.stringify(refused)).not.toContain('someoneelse');
    expect(posts()).toEqual([]);
  });

  it("creates one card in Trello's format: key and token in the query, the card as JSON, Liquid rendered, due and labels", async () => {
    await activate({ due: '2026-12-24 17:00', labels: `${TRELLO_BOARD.labels.urgent}, ${TRELLO_BOARD.labels.vip}` });
    const run = await orderCreated(t, hookUrl, 8101);
    expect(run.status).toBe('succeeded');
    expect(posts()).toEqual([
      {
        method: 'POST',
        path: '/1/cards',
        query: { key: TRELLO_KEY, token: TRELLO_TOKEN },
        contentType: 'application/json',
        body: {
          idList: TRELLO_BOARD.toPack,
          name: 'Đóng gói đơn #8101',
          pos: 'bottom',
          desc: 'Tổng $403.00 — giao nhanh',
          // 17:00 in Ho Chi Minh City (UTC+7).
          due: '2026-12-24T10:00:00.000Z',
          idLabels: `${TRELLO_BOARD.labels.urgent},${TRELLO_BOARD.labels.vip}`,
        },
        atMs: expect.any(Number),
      },
    ]);
    expect(trello.cards).toHaveLength(1);
    const s = step(run);
    expect(s.intents[0]).toMatchObject({
      kind: 'trello.createCard', outcome: 'done',
      args: { account: 'Bảng kho', listId: TRELLO_BOARD.toPack, name: 'Đóng gói đơn #8101', desc: 'Tổng $403.00 — giao nhanh', due: '2026-12-24T10:00:00.000Z' },
      result: { cardId: trello.cards[0]!.id, url: 'https://trello.com/c/card1' },
    });
    expect(JSON.stringify(run)).not.toContain(TRELLO_TOKEN);
    expect(JSON.stringify(run)).not.toContain(TRELLO_KEY);
  });

  it('waits out a 429 for its Retry-After, then creates the card once', async () => {
    trello.script({ rateLimited: true, retryAfter: 3 });
    await activate();
    const parked = await parkedRun(t, (await orderCreated(t, hookUrl, 8102)).id);
    expect(parked.status).toBe('waiting');
    expect(Date.parse(parked.dueAt!) - posts()[0]!.atMs).toBeGreaterThanOrEqual(2_900);
    expect(trello.cards).toEqual([]);
    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    expect(posts()).toHaveLength(2);
    expect(trello.cards.map((c) => c.name)).toEqual(['Đóng gói đơn #8102']);
  });

  it('a 429 without Retry-After and a 5xx (no card made) are retried: one card', async () => {
    trello.script({ rateLimited: true }, { status: 503 });
    await activate();
    const run = await orderCreated(t, hookUrl, 8103);
    expect(run.status).toBe('succeeded');
    expect(posts()).toHaveLength(3);
    expect(trello.cards).toHaveLength(1);
  });

  it('fails the step in words on a refused token, and on a list Trello does not have', async () => {
    await t.engine.call('accounts.update', { id: accountId, credentials: { token: 'ATTAexpired0000000000000000000000000000000000' } });
    await activate();
    const refused = await orderCreated(t, hookUrl, 8104);
    expect(refused.status).toBe('failed');
    expect(step(refused)).toMatchObject({ status: 'failed', reason: 'Trello refused the API key or token: check the token in the account (Trello: 401 invalid token)' });
    expect(step(refused).reason).not.toContain('expired0000');

    await t.engine.call('accounts.update', { id: accountId, credentials: { token: TRELLO_TOKEN } });
    const flows = await t.engine.call('flows.list', {});
    await t.engine.call('flows.delete', { id: flows[0]!.id });
    await activate({ listId: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    const missing = await orderCreated(t, hookUrl, 8105);
    expect(missing.status).toBe('failed');
    const reason = 'Trello cannot find list aaaaaaaaaaaaaaaaaaaaaaaa: check the list id, and that the list is not archived (Trello: 404 could not find the list)';
    expect(step(missing)).toMatchObject({ status: 'failed', reason });
    const order = await t.engine.call('orders.get', { ref: '#8105' });
    expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'trello')?.data).toMatchObject({ status: 'failed', reason });
    expect(trello.cards).toEqual([]);
  });

  it('refuses a list id or label ids that are not Trello ids when the flow is saved', async () => {
    await expect(t.engine.call('flows.save', { document: createdThen(trelloNode(accountId, { listId: 'To pack' })) })).rejects.toThrow(/24 characters/);
    await expect(t.engine.call('flows.save', { document: createdThen(trelloNode(accountId, { labels: 'red' })) })).rejects.toThrow(/label ids/);
  });

  it('an answer lost after Trello made the card is "outcome unknown", not sent again', async () => {
    trello.script({ createThenDrop: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 8106);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: the connection to Trello broke before its answer .*; the card may or may not have been sent, so it is not sent again$/);
    expect(step(run).reason).not.toContain(TRELLO_TOKEN);
    expect(posts()).toHaveLength(1);
    expect(trello.cards).toHaveLength(1);
  });

  it('no answer within the timeout is "outcome unknown" too', async () => {
    await t.engine.call('accounts.update', { id: accountId, settings: { baseUrl: trello.baseUrl, timeoutSeconds: 2 } });
    trello.script({ createThenHang: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 8107);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: Trello did not answer within 2 s/);
    expect(posts()).toHaveLength(1);
  });

  it('a dry run describes the card it would create and calls nothing', async () => {
    const flow = await activate({ due: 'in 2 days' });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 8108);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#8108' });
    expect(step(dry).intents).toEqual([
      {
        kind: 'trello.createCard', outcome: 'would_do',
        args: { account: 'Bảng kho', listId: TRELLO_BOARD.toPack, name: 'Đóng gói đơn #8108', desc: 'Tổng $403.00 — giao nhanh', due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      },
    ]);
    expect(JSON.stringify(dry)).not.toContain(TRELLO_TOKEN);
    expect(trello.requests).toEqual([]);
  });
});
