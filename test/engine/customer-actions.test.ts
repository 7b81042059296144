import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, TimelineEntryDto } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

const LATER = '2026-11-21T10:15:00-05:00';
const setField = (id: string, params: Record<string, unknown>) => node(id, 'flowdesk.update_customer_field', params);
const note = (text: string) => node('note', 'flowdesk.add_timeline_note', { text });
const startFlow = (flowId: string) => node('start', 'flowdesk.start_flow', { flowId });

describe('customer actions: update a field, start another flow', () => {
  let t: TempEngine;
  let hookUrl: string;
  beforeEach(async () => {
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(() => t.close());

  async function activate(doc: FlowDocument) {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const runsOf = (flowId: string) => t.engine.call('runs.list', { flowId });
  const timelineOf = async (orderId: string): Promise<TimelineEntryDto[]> => (await t.engine.call('orders.get', { ref: orderId })).timeline;
  const notes = async (orderId: string) => (await timelineOf(orderId)).flatMap((e) => (e.data?.kind === 'note' ? [e.data.text] : []));

  it('sets custom and built-in fields, typed, visible on the customer and read by a later flow’s condition', async () => {
    const rank = await activate(chain(
      'Rank',
      node('trigger', 'orders.order_created', {}),
      setField('rank', { field: 'custom', name: 'hạng', valueType: 'text', value: 'vàng' }),
      setField('points', { field: 'custom', name: 'điểm', valueType: 'number', value: '{{ order.totalPrice }}' }),
      setField('vip', { field: 'custom', name: 'vip', valueType: 'boolean', value: 'có' }),
      setField('zalo', { field: 'zaloUserId', value: 'zl-{{ order.number | remove: "#" }}' }),
      setField('seen', { field: 'zaloInteractedAt', value: '2026-11-20T08:00:00+07:00' }),
      setField('bad', { field: 'custom', name: 'tuổi', valueType: 'number', value: 'ba mươi' }),
    ));
    const gold = await activate(chain(
      'Gold customers',
      node('trigger', 'orders.order_updated', { when: { id: 'root', join: 'all', rules: [{ id: 'r1', type: 'text', field: 'customer.fields.hạng', operator: 'equals', value: 'Vàng' }] } }),
      note('gold: {{ customer.fields.hạng }}, {{ customer.fields.điểm }} điểm'),
    ));

    expect((await postOrder(hookUrl, 3001)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await runsOf(rank.id);
    expect(run).toMatchObject({ status: 'succeeded' });
    const detail = await t.engine.call('runs.get', { id: run!.id });
    expect(detail.steps.find((s) => s.nodeId === 'points')?.intents[0]).toMatchObject({ kind: 'customer.setField', args: { field: 'fields.điểm', value: expect.any(Number) } });
    // A value that is not of the field's kind skips the step, saying so, and changes nothing.
    expect(detail.steps.find((s) => s.nodeId === 'bad')).toMatchObject({ status: 'skipped', reason: '"ba mươi" is not a number' });

    const order = await t.engine.call('orders.get', { ref: run!.orderId! });
    const customerId = order.summary.customerId!;
    const customer = await t.engine.call('customers.get', { id: customerId });
    expect(customer.fields).toEqual({ hạng: 'vàng', điểm: Number(order.order.totalPrice), vip: true });
    expect(customer.zaloUserId).toBe('zl-3001');
    expect(customer.zaloInteractedAt).toBe('2026-11-20T01:00:00.000Z');
    expect(order.timeline.map((e) => e.data).filter((d) => d?.kind === 'customer_field')).toEqual([
      expect.objectContaining({ field: 'fields.hạng', value: 'vàng', previous: null, flowName: 'Rank' }),
      expect.objectContaining({ field: 'fields.điểm', value: Number(order.order.totalPrice) }),
      expect.objectContaining({ field: 'fields.vip', value: true }),
      expect.objectContaining({ field: 'zaloUserId', value: 'zl-3001' }),
      expect.objectContaining({ field: 'zaloInteractedAt', value: '2026-11-20T01:00:00.000Z' }),
    ]);
    expect(await t.engine.call('customers.fields', {})).toEqual(expect.arrayContaining([
      { name: 'hạng', type: 'text', customers: 1 }, { name: 'điểm', type: 'number', customers: 1 }, { name: 'vip', type: 'boolean', customers: 1 },
    ]));

    // The next delivery's flow reads the field in its activation condition and its template.
    expect((await postOrder(hookUrl, 3001, { updated_at: LATER, note: 'changed' }, 'orders/updated')).status).toBe(200);
    await t.engine.idle(1_000);
    expect(await runsOf(gold.id)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(await notes(run!.orderId!)).toEqual([`gold: vàng, ${Number(order.order.totalPrice)} điểm`]);
  });

  it('refuses a flow without a custom field name, and clears a field', async () => {
    await expect(t.engine.call('flows.save', { document: chain('No name', node('trigger', 'orders.order_created', {}), setField('x', { field: 'custom', name: '', value: 'a' })) }))
      .rejects.toThrow(/name the field/);
    const flow = await activate(chain(
      'Set then clear',
      node('trigger', 'orders.order_created', {}),
      setField('set', { field: 'custom', name: 'hạng', value: 'bạc' }),
      setField('clear', { field: 'custom', name: 'hạng', valueType: 'clear' }),
    ));
    expect((await postOrder(hookUrl, 3002)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await runsOf(flow.id);
    const customerId = (await t.engine.call('orders.get', { ref: run!.orderId! })).summary.customerId!;
    expect((await t.engine.call('customers.get', { id: customerId })).fields).toEqual({});
  });

  it('starts another flow once on the same order, and a dry run only says it would', async () => {
    const other = await activate(chain('Thank you', node('trigger', 'orders.order_paid', {}), note('started by {{ event.startedBy }} for {{ customer.email }}')));
    const starter = await activate(chain('Starter', node('trigger', 'orders.order_created', {}), startFlow(other.id)));

    expect((await postOrder(hookUrl, 3003)).status).toBe(200);
    await t.engine.idle(1_000);
    const [started] = await runsOf(other.id);
    expect(await runsOf(other.id)).toHaveLength(1);
    expect(started).toMatchObject({ status: 'succeeded', eventType: 'flow.started' });
    const [starterRun] = await runsOf(starter.id);
    expect(started!.orderId).toBe(starterRun!.orderId);
    expect(await notes(started!.orderId!)).toEqual([expect.stringMatching(/^started by Starter for .+@/)]);
    const step = (await t.engine.call('runs.get', { id: starterRun!.id })).steps.find((s) => s.nodeId === 'start');
    expect(step?.intents[0]).toMatchObject({ kind: 'flow.start', args: { flow: 'Thank you' }, outcome: 'done', result: { started: started!.id } });

    const dry = await t.engine.call('runs.dryRun', { flowId: starter.id, orderId: started!.orderId! });
    expect(dry.steps.find((s) => s.nodeId === 'start')?.intents).toEqual([{ kind: 'flow.start', args: { flow: 'Thank you' }, outcome: 'would_do' }]);
    await t.engine.idle(1_000);
    expect(await runsOf(other.id)).toHaveLength(1);
  });

  it('stops two flows that start each other at depth 5, and never starts a flow that is off or itself', async () => {
    const ping = await activate(chain('Ping', node('trigger', 'orders.order_created', {}), node('start', 'flowdesk.start_flow', { flowId: 'later' })));
    const pong = await activate(chain('Pong', node('trigger', 'orders.manual', {}), startFlow(ping.id)));
    // Ping now starts Pong (a new version: the first one named no flow yet).
    const v2 = await t.engine.call('flows.save', { id: ping.id, expectedVersion: 1, document: chain('Ping', node('trigger', 'orders.order_created', {}), startFlow(pong.id)) });
    await t.engine.call('flows.activate', { id: ping.id, version: v2.version });
    const self = await activate(chain('Self', node('trigger', 'orders.order_created', {}), startFlow('placeholder')));
    const selfV2 = await t.engine.call('flows.save', { id: self.id, expectedVersion: 1, document: chain('Self', node('trigger', 'orders.order_created', {}), startFlow(self.id)) });
    await t.engine.call('flows.activate', { id: self.id, version: selfV2.version });
    const off = await t.engine.call('flows.save', { document: chain('Off', node('trigger', 'orders.order_paid', {}), note('never')) });
    const toOff = await activate(chain('To an off flow', node('trigger', 'orders.order_created', {}), startFlow(off.id)));

    expect((await postOrder(hookUrl, 3004)).status).toBe(200);
    await t.engine.idle(2_000);

    // The delivery starts Ping (depth 0); Ping → Pong → Ping → Pong → Ping → Pong (depth 5); that Pong's start is refused.
    expect((await runsOf(ping.id)).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const pongs = await runsOf(pong.id);
    expect(pongs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const last = await t.engine.call('runs.get', { id: pongs[0]!.id });
    expect(last.steps.find((s) => s.nodeId === 'start')).toMatchObject({ status: 'skipped', reason: '6 flows in a row started each other, which looks like a loop' });
    const order = await timelineOf(pongs[0]!.orderId!);
    expect(order.map((e) => e.data).filter((d) => d?.kind === 'step' && d.reasonCode === 'flow_chain_too_deep')).toEqual([
      expect.objectContaining({ status: 'skipped', reasonArgs: { depth: '6' } }),
    ]);

    const [selfRun] = await runsOf(self.id);
    expect((await t.engine.call('runs.get', { id: selfRun!.id })).steps.find((s) => s.nodeId === 'start')).toMatchObject({ status: 'skipped', reason: 'a flow cannot start itself' });
    expect(await runsOf(self.id)).toHaveLength(1);
    const [toOffRun] = await runsOf(toOff.id);
    expect((await t.engine.call('runs.get', { id: toOffRun!.id })).steps.find((s) => s.nodeId === 'start')).toMatchObject({ status: 'skipped', reason: 'flow "Off" is off' });
    expect(await runsOf(off.id)).toEqual([]);
  });
});
