import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';
import { chain, node } from '../harness/trigger-flows.ts';

const HOUR = 3_600_000;

/** A clock the test moves forward, as hours pass (or pass while the app is closed). */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

/** Every hour on the hour → POST what the firing says (a run with no order). */
function hourlyPing(url: string, at = '00:00'): FlowDocument {
  return chain(
    'Hourly report',
    node('trigger', 'schedule.repeat', { every: 'hour', at, timeZone: 'Asia/Ho_Chi_Minh' }),
    node('post', 'http.request', { method: 'POST', url: `${url}/report`, body: '{"late":{{ event.late }},"missed":{{ event.missed }},"for":"{{ event.scheduledFor }}"}' }),
  );
}

describe('the schedule trigger: durable firings, missed ones fired once, re-planned on every change', () => {
  let t: TempEngine;
  let receiver: Receiver;
  let clock: ReturnType<typeof movableClock>;

  beforeEach(async () => {
    clock = movableClock();
    receiver = await startReceiver();
    t = await startTempEngine({ clock });
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  const planned = async () => (await t.engine.call('jobs.list', { state: 'queued', limit: 100 })).filter((j) => j.kind === 'schedule.fire');
  const nextHour = () => Math.floor(clock.now() / HOUR) * HOUR + HOUR;
  const bodies = () => [...receiver.applied.values()].map((b) => JSON.parse(b) as { late: boolean; missed: number; for: string });

  it('plans the next firing when the flow is turned on, fires on time with no order, and plans the one after', async () => {
    const flow = await t.engine.call('flows.save', { document: hourlyPing(receiver.url) });
    expect(await planned()).toEqual([]);
    await t.engine.call('flows.activate', { id: flow.id });
    const first = nextHour();
    expect((await planned()).map((j) => j.runAt)).toEqual([new Date(first).toISOString()]);

    clock.advance(first - clock.now() + 1_000);
    await t.engine.idle(1_000);
    const [run] = await t.engine.call('runs.list', { flowId: flow.id });
    expect(run).toMatchObject({ status: 'succeeded', eventType: 'schedule.fired', orderId: null });
    expect(bodies()).toEqual([{ late: false, missed: 0, for: new Date(first).toISOString() }]);
    expect((await planned()).map((j) => j.runAt)).toEqual([new Date(first + HOUR).toISOString()]);
  });

  it('after the app was closed across 3 firings, fires once, late, saying 3 were missed, then goes on as planned', async () => {
    const flow = await t.engine.call('flows.save', { document: hourlyPing(receiver.url) });
    await t.engine.call('flows.activate', { id: flow.id });
    const first = nextHour();

    // Closed from just before the first firing until half past the third.
    await t.engine.stop();
    clock.advance(first - clock.now() + 2 * HOUR + HOUR / 2);
    t = await startTempEngine({ clock }, t.dataDir);
    await t.engine.idle(1_000);

    const runs = await t.engine.call('runs.list', { flowId: flow.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', eventType: 'schedule.fired' });
    expect(bodies()).toEqual([{ late: true, missed: 3, for: new Date(first).toISOString() }]);
    expect((await t.engine.call('runs.get', { id: runs[0]!.id })).steps[0]!.output).toMatchObject({ late: true, missed: 3 });
    // The next one is the next on the clock, not a make-up of the missed ones.
    expect((await planned()).map((j) => j.runAt)).toEqual([new Date(first + 3 * HOUR).toISOString()]);

    clock.advance(HOUR / 2 + 1_000);
    await t.engine.idle(1_000);
    expect(bodies().at(-1)).toEqual({ late: false, missed: 0, for: new Date(first + 3 * HOUR).toISOString() });
  });

  it('drops the planned firing when the flow is turned off or deleted, and re-plans for another version', async () => {
    const flow = await t.engine.call('flows.save', { document: hourlyPing(receiver.url) });
    await t.engine.call('flows.activate', { id: flow.id });
    await t.engine.call('flows.deactivate', { id: flow.id });
    expect(await planned()).toEqual([]);
    clock.advance(2 * HOUR);
    await t.engine.idle(1_000);
    expect(await t.engine.call('runs.list', { flowId: flow.id })).toEqual([]);

    // On again, then version 2 fires at a quarter past instead: one planned firing, v2's.
    await t.engine.call('flows.activate', { id: flow.id });
    const v2 = await t.engine.call('flows.save', { id: flow.id, document: hourlyPing(receiver.url, '00:15') });
    await t.engine.call('flows.activate', { id: flow.id, version: v2.version });
    const quarterPast = Math.floor(clock.now() / HOUR) * HOUR + HOUR / 4;
    const expected = quarterPast > clock.now() ? quarterPast : quarterPast + HOUR;
    expect((await planned()).map((j) => j.runAt)).toEqual([new Date(expected).toISOString()]);

    // Activating the same version again keeps the plan as it is.
    await t.engine.call('flows.activate', { id: flow.id, version: v2.version });
    expect(await planned()).toHaveLength(1);

    await t.engine.call('flows.delete', { id: flow.id });
    expect(await planned()).toEqual([]);
  });

  it('applies its activation conditions to a firing', async () => {
    const doc = hourlyPing(receiver.url);
    doc.nodes[0]!.params['when'] = { id: 'root', join: 'all', rules: [{ id: 'r1', type: 'boolean', field: 'event.late', operator: 'is_true' }] };
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    clock.advance(nextHour() - clock.now() + 1_000);
    await t.engine.idle(1_000);
    const [run] = await t.engine.call('runs.list', { flowId: flow.id });
    expect(run).toMatchObject({ status: 'skipped' });
    expect(run!.error).toBe('did not meet the activation conditions: event.late is true (it is false)');
    expect(receiver.seen.size).toBe(0);
  });

  it('cannot be run by hand on an order', async () => {
    const flow = await t.engine.call('flows.save', { document: hourlyPing(receiver.url) });
    await expect(t.engine.call('runs.manual', { flowId: flow.id, orderIds: ['#1'] })).rejects.toThrow(/cannot be run on an order/);
  });
});
