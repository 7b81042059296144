import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { openStore } from '../../engine/storage/open-store.ts';
import { createTimeline } from '../../engine/domain/timeline.ts';
import { taskIntentHandlers } from '../../engine/connectors/tasks/task-intents.ts';
import type { LocalIntentHandler } from '../../engine/nodes/intents.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { createdThen, orderCreated, postOrderCreated } from '../harness/chat-flows.ts';

const DAY = 86_400_000;

function taskNode(params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'task',
    type: 'flowdesk.create_task',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Call the customer',
    params: { title: 'Gọi lại cho khách về đơn {{ order.number }}', assignee: 'Lan', due: 'in 2 days', notes: 'Tổng {{ order.totalPrice | money }}', ...params },
  };
}

describe('Create task: the order page’s task list', () => {
  let t: TempEngine;
  let hookUrl: string;

  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(taskNode(params), 'Task per order') });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'task') as (typeof run.steps)[number] & Record<string, any>;
  const orderId = async (n: number) => (await t.engine.call('orders.get', { ref: `#${n}` })).summary.id;

  beforeEach(async () => {
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
  });

  it('a flow puts a task on the order: title and notes rendered, the assignee, due in 2 days, said on the timeline', async () => {
    const flow = await activate();
    const before = Date.now();
    const run = await orderCreated(t, hookUrl, 9101);
    expect(run.status).toBe('succeeded');
    const id = await orderId(9101);
    const [task, ...more] = await t.engine.call('tasks.forOrder', { orderId: id });
    expect(more).toEqual([]);
    expect(task).toMatchObject({
      orderId: id, orderNumber: '#9101', title: 'Gọi lại cho khách về đơn #9101', notes: 'Tổng $403.00', assignee: 'Lan',
      done: false, doneAt: null, flowId: flow.id, flowName: 'Task per order', runId: run.id,
    });
    const due = Date.parse(task!.dueAt!);
    expect(due).toBeGreaterThanOrEqual(before + 2 * DAY - 1_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 2 * DAY);
    expect(step(run).intents[0]).toMatchObject({
      kind: 'task.create', outcome: 'done',
      args: { title: 'Gọi lại cho khách về đơn #9101', assignee: 'Lan', due: task!.dueAt, notes: 'Tổng $403.00' },
      result: { taskId: task!.id },
    });
    const order = await t.engine.call('orders.get', { ref: '#9101' });
    expect(order.timeline.filter((e) => e.kind === 'task_created').map((e) => e.data)).toEqual([
      { kind: 'task_created', taskId: task!.id, title: 'Gọi lại cho khách về đơn #9101', assignee: 'Lan', dueAt: task!.dueAt, flowName: 'Task per order' },
    ]);
  });

  it('a step applied again with its idempotency key finds the task it made: no second task, no second entry', async () => {
    await activate();
    const run = await orderCreated(t, hookUrl, 9102);
    const id = await orderId(9102);
    const dataDir = t.dataDir;
    await t.engine.stop();

    // The same step again (a retried job after a crash), on the same database.
    const store = openStore(dataDir, { nowMs: Date.now(), synchronous: 'normal' });
    try {
      const timeline = createTimeline(store.repos.timeline);
      const handler = taskIntentHandlers(store.repos, timeline)[0] as LocalIntentHandler<'task.create'>;
      const ctx = { runId: run.id, nodeId: 'task', flowId: run.flowId, flowName: 'Task per order', orderId: id, atMs: Date.now(), idempotencyKey: `${run.id}:task` };
      const again = store.repos.tx(() => handler.apply({ kind: 'task.create', orderId: id, title: 'Gọi lại cho khách về đơn #9102', notes: '', assignee: 'Lan', dueAt: null }, ctx));
      expect(again.entries).toEqual([]);
      expect(again.result).toMatchObject({ note: 'the step had made this task already' });
      expect(store.repos.tasks.forOrder(id)).toHaveLength(1);
      expect(timeline.forOrder(id).filter((e) => e.kind === 'task_created')).toHaveLength(1);
      // Another step (another key) is another task.
      store.repos.tx(() => handler.apply({ kind: 'task.create', orderId: id, title: 'Second', notes: '', assignee: null, dueAt: null }, { ...ctx, nodeId: 'other', idempotencyKey: `${run.id}:other` }));
      expect(store.repos.tasks.forOrder(id).map((x) => x.title).sort()).toEqual(['Gọi lại cho khách về đơn #9102', 'Second']);
    } finally {
      store.db.close();
    }
    t = await startTempEngine({}, dataDir);
  });

  it('marks a task done and open again, each said on the timeline; edits who and when; deletes it', async () => {
    await activate();
    await orderCreated(t, hookUrl, 9103);
    const id = await orderId(9103);
    const [task] = await t.engine.call('tasks.forOrder', { orderId: id });
    const seen: string[] = [];
    const stop = t.engine.subscribe((m) => m.event === 'timeline.appended' && seen.push((m.payload as { kind: string }).kind));

    const done = await t.engine.call('tasks.setDone', { id: task!.id, done: true });
    expect(done).toMatchObject({ done: true, doneAt: expect.any(String) });
    // Ticking a done task again changes nothing and says nothing.
    expect(await t.engine.call('tasks.setDone', { id: task!.id, done: true })).toMatchObject({ doneAt: done.doneAt });
    expect(await t.engine.call('tasks.setDone', { id: task!.id, done: false })).toMatchObject({ done: false, doneAt: null });
    stop();
    expect(seen).toEqual(['task_done', 'task_done']);
    const timeline = (await t.engine.call('orders.get', { ref: '#9103' })).timeline;
    expect(timeline.filter((e) => e.kind === 'task_done').map((e) => e.data)).toEqual([
      { kind: 'task_done', taskId: task!.id, title: task!.title, done: true },
      { kind: 'task_done', taskId: task!.id, title: task!.title, done: false },
    ]);

    const edited = await t.engine.call('tasks.update', { id: task!.id, assignee: 'Minh', dueAt: '2026-12-24T17:00:00+07:00' });
    expect(edited).toMatchObject({ assignee: 'Minh', dueAt: '2026-12-24T10:00:00.000Z', title: task!.title });
    expect(await t.engine.call('tasks.update', { id: task!.id, assignee: null })).toMatchObject({ assignee: null, dueAt: '2026-12-24T10:00:00.000Z' });
    expect(await t.engine.call('tasks.update', { id: task!.id, dueAt: null })).toMatchObject({ assignee: null, dueAt: null });
    await expect(t.engine.call('tasks.update', { id: task!.id, dueAt: 'tomorrow' })).rejects.toThrow();

    expect(await t.engine.call('tasks.delete', { id: task!.id })).toEqual({ id: task!.id });
    expect(await t.engine.call('tasks.forOrder', { orderId: id })).toEqual([]);
    await expect(t.engine.call('tasks.setDone', { id: task!.id, done: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.engine.call('tasks.delete', { id: task!.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists an order’s open tasks first, overdue first, none due last, then done ones; open tasks of all orders likewise', async () => {
    const node = (id: string, title: string, due: string, y: number): FlowNode => ({ ...taskNode({ title, due, assignee: '' }), id, label: title, position: { x: 0, y } });
    const flow = await t.engine.call('flows.save', {
      document: {
        name: 'Three tasks',
        nodes: [
          { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
          node('later', 'Later {{ order.number }}', 'in 3 hours', 160),
          node('overdue', 'Overdue {{ order.number }}', '2020-01-01', 320),
          node('whenever', 'Whenever {{ order.number }}', '', 480),
        ],
        edges: [
          { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'later', targetPort: 'in' },
          { id: 'e2', source: 'later', sourcePort: 'out', target: 'overdue', targetPort: 'in' },
          { id: 'e3', source: 'overdue', sourcePort: 'out', target: 'whenever', targetPort: 'in' },
        ],
      },
    });
    await t.engine.call('flows.activate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 9104);
    await postOrderCreated(t, hookUrl, 9105);
    const id = await orderId(9104);
    const titles = async () => (await t.engine.call('tasks.forOrder', { orderId: id })).map((x) => `${x.title}${x.done ? ' ✓' : ''}`);
    expect(await titles()).toEqual(['Overdue #9104', 'Later #9104', 'Whenever #9104']);
    const [overdue] = await t.engine.call('tasks.forOrder', { orderId: id });
    expect(overdue!.dueAt).toBe('2019-12-31T17:00:00.000Z');
    await t.engine.call('tasks.setDone', { id: overdue!.id, done: true });
    expect(await titles()).toEqual(['Later #9104', 'Whenever #9104', 'Overdue #9104 ✓']);

    const open = await t.engine.call('tasks.open', {});
    expect(open.map((x) => x.title)).toEqual(['Overdue #9105', 'Later #9104', 'Later #9105', 'Whenever #9104', 'Whenever #9105']);
    expect(open.map((x) => x.orderNumber)).toEqual(['#9105', '#9104', '#9105', '#9104', '#9105']);
    expect(await t.engine.call('tasks.open', { limit: 2 })).toHaveLength(2);
  });

  it('skips with the reason: a title that renders empty, a Due that is no date; a Liquid date is read in the step’s time zone', async () => {
    await activate({
      title: '{% if order.totalPrice > 400 %}Kiểm tra đơn lớn {{ order.number }}{% endif %}',
      due: '{% if order.totalPrice > 400 %}{{ order.createdAt | date: "%Y-%m-%d" }} 17:00{% else %}soon{% endif %}',
    });
    const big = await orderCreated(t, hookUrl, 9107);
    expect(big.status).toBe('succeeded');
    const [task] = await t.engine.call('tasks.forOrder', { orderId: await orderId(9107) });
    // 2026-11-20 17:00 in Ho Chi Minh City.
    expect(task).toMatchObject({ title: 'Kiểm tra đơn lớn #9107', dueAt: '2026-11-20T10:00:00.000Z' });

    const small = await orderCreated(t, hookUrl, 9108, { total_price: '42.00' });
    expect(small.status).toBe('succeeded');
    expect(step(small)).toMatchObject({ status: 'skipped', reason: 'the task rendered empty' });

    const flows = await t.engine.call('flows.list', {});
    await t.engine.call('flows.delete', { id: flows[0]!.id });
    await activate({ due: 'soon' });
    const vague = await orderCreated(t, hookUrl, 9109);
    expect(step(vague)).toMatchObject({ status: 'skipped', reason: 'the Due field rendered "soon", which is not a date (write "in 2 days", "in 4 hours" or a date such as 2026-12-24 17:00)' });
    const order = await t.engine.call('orders.get', { ref: '#9109' });
    expect(order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'task')?.data).toMatchObject({ reasonCode: 'not_a_date', reasonArgs: { text: 'soon' } });
    expect(await t.engine.call('tasks.forOrder', { orderId: await orderId(9109) })).toEqual([]);
  });

  it('a dry run describes the task and makes none', async () => {
    const flow = await activate({ assignee: '', due: '' });
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 9110);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#9110' });
    expect(step(dry).intents).toEqual([{ kind: 'task.create', outcome: 'would_do', args: { title: 'Gọi lại cho khách về đơn #9110', notes: 'Tổng $403.00' } }]);
    expect(await t.engine.call('tasks.forOrder', { orderId: await orderId(9110) })).toEqual([]);
    expect(await t.engine.call('tasks.open', {})).toEqual([]);
  });
});
