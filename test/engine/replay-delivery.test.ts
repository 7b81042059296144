import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { startReceiver, type Receiver } from '../harness/receiver.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../harness/smtp-receiver.ts';
import { emailNode } from '../harness/message-flows.ts';
import { node, postOrder } from '../harness/trigger-flows.ts';

/** Order created → total above `limit`? yes: tag "big", no: tag "small". */
function bigOrSmall(limit: number): FlowDocument {
  return {
    name: 'Big or small',
    nodes: [
      node('trigger', 'orders.order_created', {}),
      node('check', 'logic.compare', { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: String(limit) }, 120),
      node('big', 'flowdesk.add_order_tag', { tags: ['big'] }, 240),
      node('small', 'flowdesk.add_order_tag', { tags: ['small'] }, 240),
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'check', targetPort: 'in' },
      { id: 'e2', source: 'check', sourcePort: 'yes', target: 'big', targetPort: 'in' },
      { id: 'e3', source: 'check', sourcePort: 'no', target: 'small', targetPort: 'in' },
    ],
  };
}

describe('replaying a stored delivery', () => {
  let t: TempEngine;
  let hook: string;
  let connectionId: string;
  beforeEach(async () => {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    hook = c.webhookUrl;
    connectionId = c.id;
  });
  afterEach(() => t.close());

  async function onlyDelivery() {
    const [entry] = await t.engine.call('inbox.list', {});
    return entry!;
  }

  it('as it ran and on the current version take different paths after a change, and the diff shows it', async () => {
    const flow = await t.engine.call('flows.save', { document: bigOrSmall(100) });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postOrder(hook, 8100)).status).toBe(200); // total 403.00
    await t.engine.idle(5_000);
    const delivery = await onlyDelivery();
    const [original] = await t.engine.call('runs.list', { flowId: flow.id });
    expect((await t.engine.call('orders.get', { ref: '#8100' })).summary.localTags).toEqual(['big']);
    await t.engine.call('flows.save', { id: flow.id, document: bigOrSmall(1000) });
    await t.engine.call('flows.activate', { id: flow.id });

    const asRan = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'as_ran', dryRun: true });
    const current = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'current', dryRun: true });
    expect(asRan).toMatchObject({ payload: 'original', verification: { verdict: 'accepted' }, runs: [{ flowVersion: 1, replay: true, replayOf: original!.id, status: 'succeeded' }] });
    expect(current.runs).toMatchObject([{ flowVersion: 2, replay: true, replayOf: original!.id, status: 'succeeded' }]);
    const pathOf = async (id: string) => (await t.engine.call('runs.get', { id })).steps.map((s) => s.nodeId);
    expect(await pathOf(asRan.runs[0]!.id)).toEqual(['trigger', 'check', 'big']);
    expect(await pathOf(current.runs[0]!.id)).toEqual(['trigger', 'check', 'small']);

    const diff = await t.engine.call('deliveries.diff', { inboxId: delivery.id, flowId: flow.id });
    expect(diff.path).toEqual({ original: ['trigger', 'check', 'big'], replay: ['trigger', 'check', 'small'] });
    expect(diff.samePath).toBe(false);
    expect(diff.original?.id).toBe(original!.id);
    expect(diff.replay).toMatchObject({ dryRun: true, flowVersion: 2 });
    const byId = new Map(diff.nodes.map((n) => [n.nodeId, n]));
    expect(byId.get('trigger')).toMatchObject({ same: true });
    expect(byId.get('check')).toMatchObject({ same: false, original: { port: 'yes' }, replay: { port: 'no' } });
    expect(byId.get('big')).toMatchObject({ original: { status: 'done' }, replay: null, inputs: expect.arrayContaining([{ kind: 'order.addTags', field: 'tags.0', original: 'big', replay: null }]) });
    expect(byId.get('small')).toMatchObject({ original: null, replay: { status: 'done' } });

    // Dry replays changed nothing: one delivery, the order's tags as the live run left them, replays marked on the timeline.
    expect(await t.engine.call('inbox.list', {})).toHaveLength(1);
    const order = await t.engine.call('orders.get', { ref: '#8100' });
    expect(order.summary.localTags).toEqual(['big']);
    const replayEntries = order.timeline.filter((e) => e.data?.kind === 'run' && e.runId !== original!.id);
    expect(replayEntries.length).toBeGreaterThan(0);
    expect(replayEntries.every((e) => e.data?.kind === 'run' && e.data?.replay === true && e.data?.dryRun === true)).toBe(true);
  });

  it('a dry replay sends no email and makes no HTTP request: it records what it would do, rendered', async () => {
    const receiver: Receiver = await startReceiver();
    const smtp: SmtpReceiver = await startSmtpReceiver();
    try {
      expect((await postOrder(hook, 8200)).status).toBe(200);
      await t.engine.idle(5_000);
      const account = await t.engine.call('accounts.create', {
        connector: 'smtp', name: 'Shop mail', credentials: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user, pass: smtp.pass, from: 'Shop <shop@example.vn>' },
      });
      const doc: FlowDocument = {
        name: 'Tell everyone',
        nodes: [
          node('trigger', 'orders.order_created', {}),
          node('post', 'http.request', { method: 'POST', url: `${receiver.url}/orders`, headers: [], body: '{"order":"{{ order.number }}","total":"{{ order.totalPrice }}"}' }, 120),
          { ...emailNode(account.id, { subject: 'Đơn {{ order.number }}' }), position: { x: 0, y: 240 } },
        ],
        edges: [
          { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'post', targetPort: 'in' },
          { id: 'e2', source: 'post', sourcePort: 'out', target: 'email', targetPort: 'in' },
        ],
      };
      const flow = await t.engine.call('flows.save', { document: doc });
      await t.engine.call('flows.activate', { id: flow.id });
      const delivery = await onlyDelivery();

      const result = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'current', dryRun: true });
      expect(result.runs).toMatchObject([{ flowId: flow.id, status: 'succeeded', dryRun: true, replay: true, replayOf: null }]);
      await t.engine.idle(2_000);
      expect(receiver.seen.size).toBe(0);
      expect(smtp.received).toEqual([]);
      const steps = (await t.engine.call('runs.get', { id: result.runs[0]!.id })).steps;
      expect(steps.find((s) => s.nodeId === 'post')!.intents).toEqual([
        { kind: 'http.request', outcome: 'would_do', args: expect.objectContaining({ method: 'POST', url: `${receiver.url}/orders`, body: '{"order":"#8200","total":"403.00"}' }) },
      ]);
      expect(steps.find((s) => s.nodeId === 'email')!.intents).toEqual([
        { kind: 'email.send', outcome: 'would_do', args: expect.objectContaining({ to: ['jon@example.com'], subject: 'Đơn #8200' }) },
      ]);
    } finally {
      await receiver.close();
      await smtp.close();
    }
  });

  it('an edited body is replayed unsigned or re-signed, and the stored order and inbox stay as they were', async () => {
    const flow = await t.engine.call('flows.save', { document: bigOrSmall(100) });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postOrder(hook, 8300)).status).toBe(200);
    await t.engine.idle(5_000);
    const delivery = await onlyDelivery();
    const before = await t.engine.call('orders.get', { ref: '#8300' });
    const stored = await t.engine.call('inbox.get', { id: delivery.id });
    const edited = JSON.stringify(sampleOrder({ id: 8300, admin_graphql_api_id: 'gid://shopify/Order/8300', name: '#8300', order_number: 8300, total_price: '12.00' }));

    const unsigned = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'current', dryRun: true, body: edited, sign: false });
    const resigned = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'as_ran', dryRun: true, body: edited });
    expect(unsigned.payload).toBe('unsigned');
    expect(resigned.payload).toBe('resigned');
    // Signed again with the connection's secret, the edited bytes verify as a real delivery would.
    expect(resigned.signedVerification).toMatchObject({ verdict: 'accepted', reason: expect.stringContaining('signed again') });
    expect(unsigned.signedVerification).toBeNull();
    // The edited total (12.00) takes the other branch; the stored bytes still verify.
    for (const r of [unsigned, resigned]) {
      expect(r.verification.verdict).toBe('accepted');
      expect((await t.engine.call('runs.get', { id: r.runs[0]!.id })).steps.map((s) => s.nodeId)).toEqual(['trigger', 'check', 'small']);
    }
    const after = await t.engine.call('orders.get', { ref: '#8300' });
    expect(after.order).toEqual(before.order);
    expect(after.summary.localTags).toEqual(['big']);
    expect((await t.engine.call('inbox.list', {})).map((e) => e.id)).toEqual([delivery.id]);
    expect((await t.engine.call('inbox.get', { id: delivery.id })).body).toBe(stored.body);
  });

  it('a live replay runs the actions for real, still without a new delivery; the stored bytes are verified with the secret as it is now', async () => {
    const flow = await t.engine.call('flows.save', { document: bigOrSmall(100) });
    expect((await postOrder(hook, 8400)).status).toBe(200);
    await t.engine.idle(5_000);
    const delivery = await onlyDelivery();
    await t.engine.call('flows.activate', { id: flow.id });
    const live = await t.engine.call('deliveries.replay', { inboxId: delivery.id, mode: 'current', dryRun: false });
    expect(live.runs).toMatchObject([{ status: 'succeeded', dryRun: false, replay: true }]);
    expect((await t.engine.call('orders.get', { ref: '#8400' })).summary.localTags).toEqual(['big']);
    expect(await t.engine.call('inbox.list', {})).toHaveLength(1);

    expect(await t.engine.call('inbox.verify', { id: delivery.id })).toMatchObject({ verdict: 'accepted' });
    await t.engine.call('connections.update', { id: connectionId, secrets: { webhookSecret: 'shpss_another_secret_000000000000000000' } });
    expect(await t.engine.call('inbox.verify', { id: delivery.id })).toMatchObject({ verdict: 'bad_signature' });
  });

  it('refuses a run that succeeded or is still going', async () => {
    const flow = await t.engine.call('flows.save', { document: bigOrSmall(100) });
    await t.engine.call('flows.activate', { id: flow.id });
    expect((await postOrder(hook, 8500)).status).toBe(200);
    await t.engine.idle(5_000);
    const [run] = await t.engine.call('runs.list', { flowId: flow.id });
    await expect(t.engine.call('runs.rerun', { runId: run!.id })).rejects.toThrow(/succeeded/);
    await expect(t.engine.call('runs.rerun', { runId: 'run_nope' })).rejects.toThrow(/does not exist/);
  });
});
