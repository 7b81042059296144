import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

/** Order created → POST it → POST the note (whose template may be broken) → tag it. */
function twoPosts(url: string, noteBody: string): FlowDocument {
  return chain('Tell the warehouse',
    node('trigger', 'orders.order_created', {}),
    node('post', 'http.request', { method: 'POST', url: `${url}/orders`, headers: [], body: '{"order":"{{ order.number }}"}' }),
    node('note', 'http.request', { method: 'POST', url: `${url}/notes`, headers: [], body: noteBody }),
    node('tag', 'flowdesk.add_order_tag', { tags: ['told'] }));
}

describe('re-running a failed run after the flow was fixed', () => {
  let t: TempEngine;
  let receiver: Receiver;
  let hook: string;
  let flowId: string;
  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTempEngine();
    hook = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    // A typo in a variable: the run fails at the note, after the first POST was made.
    const flow = await t.engine.call('flows.save', { document: twoPosts(receiver.url, '{"note":"{{ order.numbr }}"}') });
    flowId = flow.id;
    await t.engine.call('flows.activate', { id: flowId });
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  async function failedRuns(n: number) {
    for (let i = 0; i < n; i++) expect((await postOrder(hook, 7000 + i)).status).toBe(200);
    await t.engine.idle(5_000);
    const runs = await t.engine.call('runs.list', { flowId });
    expect(runs.map((r) => r.status)).toEqual(Array(n).fill('failed'));
    return runs;
  }
  async function fix() {
    const fixed = await t.engine.call('flows.save', { id: flowId, document: twoPosts(receiver.url, '{"note":"{{ order.number }}"}') });
    await t.engine.call('flows.activate', { id: flowId });
    return fixed.version;
  }

  it('the failed step says which field and which variable, as facts the editor words in the user\'s language', async () => {
    const [failed] = await failedRuns(1);
    const timeline = (await t.engine.call('orders.get', { ref: '#7000' })).timeline;
    const step = timeline.find((e) => e.kind === 'step' && e.data?.kind === 'step' && e.data.status === 'failed');
    expect(step?.data).toMatchObject({
      nodeId: 'note', reason: 'Body: unknown variable "order.numbr" at line 1, column 13', reasonCode: 'template_failed',
      reasonArgs: { field: 'body', fieldTitle: 'Body', problem: 'unknown_variable', token: 'order.numbr', line: '1', col: '13' },
    });
    expect(failed!.error).toContain('Body: unknown variable "order.numbr"');
    // The run view reads the same facts from the run's own steps.
    const noteStep = (await t.engine.call('runs.get', { id: failed!.id })).steps.find((s) => s.nodeId === 'note');
    expect(noteStep).toMatchObject({ status: 'failed', reasonCode: 'template_failed', reasonArgs: { field: 'body', token: 'order.numbr' } });
  });

  it('from the failed step: the steps before are kept, not done again, and the run succeeds on the fixed version', async () => {
    const [failed] = await failedRuns(1);
    expect(failed!.error).toMatch(/numbr/);
    expect(receiver.seen.get(`${failed!.id}:post`)).toBe(1);
    const version = await fix();

    const rerun = await t.engine.call('runs.rerun', { runId: failed!.id, from: 'failed_step' });
    expect(rerun).toMatchObject({ status: 'succeeded', replay: true, replayOf: failed!.id, flowVersion: version, dryRun: false, orderNumber: '#7000' });
    // The first POST was made once, by the original run; the re-run only sent the note.
    expect([...receiver.seen.keys()].sort()).toEqual([`${failed!.id}:post`, `${rerun.id}:note`].sort());
    expect(receiver.applied.get(`${rerun.id}:note`)).toBe('{"note":"#7000"}');
    const steps = (await t.engine.call('runs.get', { id: rerun.id })).steps;
    expect(steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'done'], ['post', 'done'], ['note', 'done'], ['tag', 'done']]);
    const order = await t.engine.call('orders.get', { ref: '#7000' });
    expect(order.summary.localTags).toEqual(['told']);
    // On the order's timeline the re-run is a replay, not a new delivery.
    const entries = order.timeline.filter((e) => e.runId === rerun.id && e.data?.kind === 'run');
    expect(entries.map((e) => e.data)).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'succeeded', replay: true })]));
    expect(order.timeline.filter((e) => e.data?.kind === 'delivery')).toHaveLength(1);
    // Done once is done: a succeeded run is not run again.
    await expect(t.engine.call('runs.rerun', { runId: rerun.id })).rejects.toThrow(/succeeded: only a failed or skipped run can be run again/);
  });

  it('from the start: every step is done again on the current version', async () => {
    const [failed] = await failedRuns(1);
    await fix();
    const rerun = await t.engine.call('runs.rerun', { runId: failed!.id, from: 'start' });
    expect(rerun.status).toBe('succeeded');
    expect(receiver.seen.get(`${rerun.id}:post`)).toBe(1);
    expect(receiver.seen.get(`${failed!.id}:post`)).toBe(1);
  });

  it('falls back to the start, saying so, when the failed step is gone from the current version', async () => {
    const [failed] = await failedRuns(1);
    const without = chain('Tell the warehouse', node('trigger', 'orders.order_created', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['told'] }));
    await t.engine.call('flows.save', { id: flowId, document: without });
    await t.engine.call('flows.activate', { id: flowId });
    const rerun = await t.engine.call('runs.rerun', { runId: failed!.id, from: 'failed_step', dryRun: true });
    expect(rerun).toMatchObject({ status: 'succeeded', dryRun: true, replayNote: expect.stringMatching(/failed step \(note\) is no longer in version 2: run from the start/) });
    expect((await t.engine.call('orders.get', { ref: '#7000' })).summary.localTags).toEqual([]);
  });

  it('every run one error failed, as a batch, and none of them twice', async () => {
    const runs = await failedRuns(3);
    await fix();
    const batch = await t.engine.call('runs.rerunFailed', { flowId, error: runs[0]!.error!, from: 'failed_step' });
    expect(batch.total).toBe(3);
    await t.engine.idle(5_000);
    expect(await t.engine.call('runs.batch', { id: batch.id })).toMatchObject({ total: 3, done: 3, finished: true });
    for (const run of runs) expect(receiver.seen.get(`${run.id}:post`)).toBe(1);
    expect([...receiver.seen.keys()].filter((k) => k.endsWith(':note'))).toHaveLength(3);
    // Those runs now have their re-runs: asking again finds none left.
    await expect(t.engine.call('runs.rerunFailed', { flowId, error: runs[0]!.error! })).rejects.toThrow(/no failed run of this flow has the error/);
  });
});
