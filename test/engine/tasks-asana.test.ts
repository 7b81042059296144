import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { ASANA_PROJECT, ASANA_TOKEN, ASANA_WORKSPACE, startFakeAsana, type FakeAsana } from '../harness/fake-asana.ts';
import { createdThen, orderCreated, postOrderCreated, settled } from '../harness/chat-flows.ts';

function asanaNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'asana',
    type: 'asana.create_task',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Refund task',
    params: { account, placeIn: 'project', gid: ASANA_PROJECT, name: 'Hoàn tiền đơn {{ order.number }}', notes: 'Khách: {{ order.customer.email }}', ...params },
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

describe('Create Asana task, against a fake Asana API on 127.0.0.1', () => {
  let t: TempEngine;
  let asana: FakeAsana;
  let hookUrl: string;
  let accountId: string;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(asanaNode(accountId, params), 'Asana task per order') });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const posts = () => asana.requests.filter((r) => r.method === 'POST');
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'asana') as (typeof run.steps)[number] & Record<string, any>;

  beforeEach(async () => {
    asana = await startFakeAsana();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', { connector: 'asana', name: 'Asana cửa hàng', credentials: { accessToken: ASANA_TOKEN }, settings: { baseUrl: asana.baseUrl } });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await asana.close();
  });

  it('tests an account with GET /users/me: the user and the workspaces with their gids; a wrong token is refused', async () => {
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({
      ok: true, code: 'ok', message: 'Signed in to Asana as Lan Nguyễn <lan@cuahangan.vn>',
      facts: { user: 'Lan Nguyễn', email: 'lan@cuahangan.vn', workspaces: `${ASANA_WORKSPACE.name} (${ASANA_WORKSPACE.gid})` },
    });
    expect(asana.requests).toEqual([
      { method: 'GET', path: '/users/me', query: { opt_fields: 'name,email,workspaces.name' }, authorization: `Bearer ${ASANA_TOKEN}`, contentType: undefined, body: null, atMs: expect.any(Number) },
    ]);
    const [acc] = await t.engine.call('accounts.list', { connector: 'asana' });
    expect(JSON.stringify(acc)).not.toContain(ASANA_TOKEN);

    await t.engine.call('accounts.update', { id: accountId, credentials: { accessToken: '2/1200000000000001/1200000000000002:revoked000000' } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'auth_failed', answer: '401 Not Authorized' });
  });

  it("creates one task in Asana's format: {data:{…}}, a Bearer token, the project, due_on for a day, the assignee by email", async () => {
    await activate({ due: '2026-12-24', assignee: '{% if order.totalPrice > 400 %}lan@cuahangan.vn{% endif %}' });
    const run = await orderCreated(t, hookUrl, 8201);
    expect(run.status).toBe('succeeded');
    expect(posts()).toEqual([
      {
        method: 'POST',
        path: '/tasks',
        query: { opt_fields: 'gid,name,permalink_url' },
        authorization: `Bearer ${ASANA_TOKEN}`,
        contentType: 'application/json',
        body: { data: { name: 'Hoàn tiền đơn #8201', projects: [ASANA_PROJECT], notes: 'Khách: jon@example.com', due_on: '2026-12-24', assignee: 'lan@cuahangan.vn' } },
        atMs: expect.any(Number),
      },
    ]);
    expect(step(run).intents[0]).toMatchObject({
      kind: 'asana.createTask', outcome: 'done',
      args: { account: 'Asana cửa hàng', project: ASANA_PROJECT, name: 'Hoàn tiền đơn #8201', dueOn: '2026-12-24', assignee: 'lan@cuahangan.vn' },
      result: { taskGid: asana.tasks[0]!['gid'], url: `https://app.asana.com/0/${ASANA_PROJECT}/${String(asana.tasks[0]!['gid'])}` },
    });
    expect(JSON.stringify(run)).not.toContain(ASANA_TOKEN);
  });

  it('puts a task in a workspace with due_at for a time ("in 4 hours"), no assignee when it renders empty', async () => {
    await activate({ placeIn: 'workspace', gid: ASANA_WORKSPACE.gid, due: 'in 4 hours', notes: '' });
    const before = Date.now();
    const run = await orderCreated(t, hookUrl, 8202);
    expect(run.status).toBe('succeeded');
    const data = posts()[0]!.body!['data'] as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['due_at', 'name', 'workspace']);
    expect(data['workspace']).toBe(ASANA_WORKSPACE.gid);
    const due = Date.parse(String(data['due_at']));
    expect(due - before).toBeGreaterThanOrEqual(4 * 3_600_000 - 1_000);
    expect(due - Date.now()).toBeLessThanOrEqual(4 * 3_600_000);
  });

  it('waits out a 429 for its Retry-After and retries a 5xx: one task', async () => {
    asana.script({ retryAfter: 3 });
    await activate();
    const parked = await parkedRun(t, (await orderCreated(t, hookUrl, 8203)).id);
    expect(parked.status).toBe('waiting');
    asana.script({ status: 503 });
    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    expect(posts()).toHaveLength(3);
    // Node's timers can fire a millisecond early by Date.now() (2,999 ms seen once in CI).
    expect(posts()[1]!.atMs - posts()[0]!.atMs).toBeGreaterThanOrEqual(2_990);
    expect(asana.tasks).toHaveLength(1);
  });

  it('fails in words on a refused token, a project Asana does not have and an assignee it does not know; skips an assignee that is no email', async () => {
    await t.engine.call('accounts.update', { id: accountId, credentials: { accessToken: '2/1200000000000001/1200000000000002:revoked000000' } });
    await activate();
    const refused = await orderCreated(t, hookUrl, 8204);
    expect(step(refused)).toMatchObject({ status: 'failed', reason: 'Asana refused the token: check the personal access token in the account (Asana: 401 Not Authorized)' });

    await t.engine.call('accounts.update', { id: accountId, credentials: { accessToken: ASANA_TOKEN } });
    const [flow] = await t.engine.call('flows.list', {});
    await t.engine.call('flows.delete', { id: flow!.id });
    await activate({ gid: '999' });
    const missing = await orderCreated(t, hookUrl, 8205);
    expect(step(missing)).toMatchObject({
      status: 'failed',
      reason: "Asana cannot find project 999: check the gid, and that the token's user can see it (Asana: 404 project: Unknown object: 999)",
    });

    const [flow2] = await t.engine.call('flows.list', {});
    await t.engine.call('flows.delete', { id: flow2!.id });
    await activate({ assignee: 'nobody@cuahangan.vn' });
    const stranger = await orderCreated(t, hookUrl, 8206);
    expect(step(stranger)).toMatchObject({
      status: 'failed',
      reason: "Asana does not know nobody@cuahangan.vn in this workspace: check the assignee's email (Asana: 400 assignee: Not a recognized ID: nobody@cuahangan.vn)",
    });

    const [flow3] = await t.engine.call('flows.list', {});
    await t.engine.call('flows.delete', { id: flow3!.id });
    await activate({ assignee: 'Lan' });
    const named = await orderCreated(t, hookUrl, 8207);
    expect(named.status).toBe('succeeded');
    expect(step(named)).toMatchObject({ status: 'skipped', reason: '"Lan" is not an email address' });
    const order = await t.engine.call('orders.get', { ref: '#8207' });
    expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'asana')?.data).toMatchObject({ status: 'skipped', reasonCode: 'bad_email', reasonArgs: { address: 'Lan' } });
    expect(asana.tasks).toEqual([]);
  });

  it('an answer lost after Asana made the task is "outcome unknown", not sent again', async () => {
    asana.script({ createThenDrop: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 8208);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: the connection to Asana broke before its answer .*; the task may or may not have been sent, so it is not sent again$/);
    expect(posts()).toHaveLength(1);
    expect(asana.tasks).toHaveLength(1);
  });

  it('a dry run describes the task it would create and calls nothing', async () => {
    const flow = await activate({ due: '2026-12-24', assignee: 'minh@cuahangan.vn' });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 8209);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#8209' });
    expect(step(dry).intents).toEqual([
      {
        kind: 'asana.createTask', outcome: 'would_do',
        args: { account: 'Asana cửa hàng', project: ASANA_PROJECT, name: 'Hoàn tiền đơn #8209', notes: 'Khách: jon@example.com', dueOn: '2026-12-24', assignee: 'minh@cuahangan.vn' },
      },
    ]);
    expect(asana.requests).toEqual([]);
  });
});
