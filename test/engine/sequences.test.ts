import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, TimelineData } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

const DAY = 86_400_000;

/** A clock the test moves forward, as days pass for a waiting run. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

const note = (id: string, text: string) => node(id, 'flowdesk.add_timeline_note', { text });
const wait = (id: string, days: number) => node(id, 'timing.wait_for', { amount: days, unit: 'days' });
const trigger = (sequence: string) => node('trigger', 'flowdesk.sequence_enrolled', { sequence });
const enrol = (sequence: string) => node('enrol', 'flowdesk.enrol_in_sequence', { sequence });
const leave = (sequence: string) => node('leave', 'flowdesk.remove_from_sequence', { sequence });

describe('sequences: enrol a customer, their timed messages, leave', () => {
  let t: TempEngine;
  let clock: ReturnType<typeof movableClock>;
  let hookUrl: string;
  beforeEach(async () => {
    clock = movableClock();
    t = await startTempEngine({ clock });
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(() => t.close());

  async function activate(doc: FlowDocument) {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const runsOf = (flowId: string) => t.engine.call('runs.list', { flowId });
  const facts = async (orderId: string): Promise<TimelineData[]> => (await t.engine.call('orders.get', { ref: orderId })).timeline.flatMap((e) => (e.data ? [e.data] : []));
  const notes = async (orderId: string) => (await facts(orderId)).flatMap((d) => (d.kind === 'note' ? [d.text] : []));
  const runByHand = async (flowId: string, orderId: string) => {
    await t.engine.call('runs.manual', { flowId, orderIds: [orderId] });
    await t.engine.idle(1_000);
  };

  it('starts the sequence’s flow on enrolment; enrolling again does nothing; leaving cancels its waiting run, saying why', async () => {
    const care = await activate(chain('Chăm sóc sau mua', trigger('Chăm sóc'), note('d0', 'day 0 of {{ event.sequence }}'), wait('w', 2), note('d2', 'day 2')));
    await t.engine.call('flows.save', { document: chain('Draft of the same sequence', trigger('Chăm sóc'), note('x', 'never')) });
    const enrolling = await activate(chain('Enrol buyers', node('trigger', 'orders.order_created', {}), enrol('chăm sóc ')));
    const leaving = await activate(chain('Stop care', node('trigger', 'orders.manual', {}), leave('CHĂM SÓC')));

    expect((await postOrder(hookUrl, 4001)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await runsOf(care.id);
    expect(run).toMatchObject({ status: 'waiting', eventType: 'customer.sequence_enrolled' });
    const orderId = run!.orderId!;
    expect(await notes(orderId)).toEqual(['day 0 of chăm sóc']);
    const customerId = (await t.engine.call('orders.get', { ref: orderId })).summary.customerId!;
    expect((await t.engine.call('customers.get', { id: customerId })).sequences).toEqual(['chăm sóc']);
    expect(await t.engine.call('customers.enrolments', { customerId })).toEqual([expect.objectContaining({ sequence: 'chăm sóc', leftAt: null, orderId })]);
    expect(await t.engine.call('sequences.list', {})).toEqual([{ name: 'Chăm sóc', flows: [{ id: care.id, name: 'Chăm sóc sau mua', active: true }], enrolled: 1 }]);
    expect(await facts(orderId)).toContainEqual(expect.objectContaining({ kind: 'sequence', change: 'enrolled', sequence: 'chăm sóc', runs: 1, flowName: 'Enrol buyers' }));

    // Enrolled already: the step says so and starts nothing more.
    await runByHand(enrolling.id, orderId);
    const again = (await runsOf(enrolling.id))[0]!;
    expect((await t.engine.call('runs.get', { id: again.id })).steps.find((s) => s.nodeId === 'enrol')).toMatchObject({ status: 'skipped', reason: 'the customer is in the sequence "chăm sóc" already' });
    expect(await runsOf(care.id)).toHaveLength(1);

    // Taken out: the waiting run is cancelled with the reason, on the runs list and the order's timeline.
    await runByHand(leaving.id, orderId);
    const cancelled = await t.engine.call('runs.get', { id: run!.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'the customer left the sequence "chăm sóc"' });
    const said = await facts(orderId);
    expect(said).toContainEqual(expect.objectContaining({ kind: 'run', status: 'cancelled', flowName: 'Chăm sóc sau mua', reasonCode: 'left_sequence', reasonArgs: { sequence: 'chăm sóc' } }));
    expect(said).toContainEqual(expect.objectContaining({ kind: 'sequence', change: 'left', sequence: 'chăm sóc', runs: 1, flowName: 'Stop care' }));
    expect((await t.engine.call('customers.get', { id: customerId })).sequences).toEqual([]);
    expect((await t.engine.call('customers.enrolments', { customerId }))[0]!.leftAt).not.toBeNull();

    // Its wake-up finds nothing to do.
    clock.advance(3 * DAY);
    await t.engine.idle(1_000);
    expect((await t.engine.call('runs.get', { id: run!.id })).status).toBe('cancelled');
    expect(await notes(orderId)).toEqual(['day 0 of chăm sóc']);

    // Leaving again: the customer is not in it.
    await runByHand(leaving.id, orderId);
    const second = (await runsOf(leaving.id))[0]!;
    expect((await t.engine.call('runs.get', { id: second.id })).steps.find((s) => s.nodeId === 'leave')).toMatchObject({ status: 'skipped', reason: 'the customer is not in the sequence "CHĂM SÓC"' });

    // Enrolled anew: a new enrolment, a new run.
    await runByHand(enrolling.id, orderId);
    expect((await runsOf(care.id)).map((r) => r.status)).toEqual(['waiting', 'cancelled']);
    expect(await t.engine.call('customers.enrolments', { customerId })).toHaveLength(2);
  });

  it('cancels, when it wakes, a run of the sequence that was not waiting when the customer left', async () => {
    // The sequence's own run takes the customer out, goes on, and parks: when it wakes, it stops.
    const care = await activate(chain('Nhắc mua lại', trigger('Nhắc'), wait('w1', 1), note('n1', 'reminder'), leave('Nhắc'), wait('w2', 1), note('n2', 'after leaving')));
    await activate(chain('Enrol', node('trigger', 'orders.order_created', {}), enrol('Nhắc')));
    expect((await postOrder(hookUrl, 4002)).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await runsOf(care.id);
    expect(run).toMatchObject({ status: 'waiting' });

    clock.advance(DAY + 60_000);
    await t.engine.idle(1_000);
    const parked = await t.engine.call('runs.get', { id: run!.id });
    expect(parked.status).toBe('waiting');
    expect(parked.steps.find((s) => s.nodeId === 'leave')).toMatchObject({ status: 'done' });

    clock.advance(DAY + 60_000);
    await t.engine.idle(1_000);
    const over = await t.engine.call('runs.get', { id: run!.id });
    expect(over).toMatchObject({ status: 'cancelled', error: 'the customer left the sequence "Nhắc"' });
    expect(over.steps.map((s) => s.nodeId)).toEqual(['trigger', 'w1', 'n1', 'leave', 'w2']);
    expect(await notes(run!.orderId!)).toEqual(['reminder']);
  });

  it('records a dry run’s enrolment as "would do" and enrols no one', async () => {
    const care = await activate(chain('Care', trigger('Care'), note('d0', 'hello')));
    const enrolling = await t.engine.call('flows.save', { document: chain('Enrol', node('trigger', 'orders.order_created', {}), enrol('Care')) });
    expect((await postOrder(hookUrl, 4003)).status).toBe(200);
    await t.engine.idle(1_000);
    const [order] = (await t.engine.call('orders.list', {})).rows;
    const dry = await t.engine.call('runs.dryRun', { flowId: enrolling.id, orderId: order!.id });
    expect(dry.steps.find((s) => s.nodeId === 'enrol')?.intents).toEqual([{ kind: 'customer.enrolSequence', args: { sequence: 'Care' }, outcome: 'would_do' }]);
    await t.engine.idle(1_000);
    expect(await runsOf(care.id)).toEqual([]);
    expect((await t.engine.call('customers.get', { id: order!.customerId! })).sequences).toEqual([]);
  });
});
