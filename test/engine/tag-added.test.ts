import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';

const LATER = '2026-11-21T10:15:00-05:00';
const note = (text: string) => node('note', 'flowdesk.add_timeline_note', { text });

describe('tag added: order.tag_added and customer.tag_added', () => {
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
  const notes = async (orderId: string) => (await t.engine.call('orders.get', { ref: orderId })).timeline.flatMap((e) => (e.data?.kind === 'note' ? [e.data.text] : []));

  it('fires when a delivery brings platform tags the order did not have, with only the new ones in event.tags', async () => {
    const vip = await activate(chain('VIP tagged', node('trigger', 'orders.order_tag_added', { tags: ['vip'] }), note('new tags: {{ event.tags | join: ", " }}')));
    const other = await activate(chain('Gift tagged', node('trigger', 'orders.order_tag_added', { tags: ['gift'] }), note('gift')));
    const any = await activate(chain('Any tag', node('trigger', 'orders.order_tag_added', {}), note('any: {{ event.tags | size }}')));

    // The sample order arrives tagged "tag1, tag2": order.created says so, not a tag event.
    expect((await postOrder(hookUrl, 2001)).status).toBe(200);
    await t.engine.idle(1_000);
    expect(await runsOf(any.id)).toEqual([]);

    // Then the shop adds "VIP" (and re-sends "TAG1" in capitals: not new).
    expect((await postOrder(hookUrl, 2001, { updated_at: LATER, tags: 'TAG1, tag2, VIP' }, 'orders/updated')).status).toBe(200);
    await t.engine.idle(1_000);
    const [run] = await runsOf(vip.id);
    expect(run).toMatchObject({ status: 'succeeded', eventType: 'order.tag_added' });
    expect(await runsOf(other.id)).toEqual([]);
    expect(await runsOf(any.id)).toHaveLength(1);
    expect(await notes(run!.orderId!)).toEqual(expect.arrayContaining(['new tags: VIP', 'any: 1']));
    expect((await t.engine.call('runs.get', { id: run!.id })).steps[0]!.output).toMatchObject({ tags: ['VIP'] });
  });

  it('fires when a flow adds tags, starting the flows that listen, and a customer tag too', async () => {
    await activate(chain('Welcome', node('trigger', 'orders.order_created', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['welcome', 'tag1'] })));
    const greet = await activate(chain('Greet', node('trigger', 'orders.order_tag_added', { tags: ['Welcome'] }), node('ctag', 'flowdesk.add_customer_tag', { tags: ['greeted'] })));
    const told = await activate(chain('Tell', node('trigger', 'orders.customer_tag_added', {}), note('customer got {{ event.tags | first }}; order tags {{ order.tags | join: "," }}')));

    expect((await postOrder(hookUrl, 2002)).status).toBe(200);
    await t.engine.idle(1_000);
    const [greetRun] = await runsOf(greet.id);
    expect(greetRun).toMatchObject({ status: 'succeeded', eventType: 'order.tag_added' });
    // Only "welcome" was new: the order came with tag1.
    expect((await t.engine.call('runs.get', { id: greetRun!.id })).steps[0]!.output).toMatchObject({ tags: ['welcome'] });
    const [toldRun] = await runsOf(told.id);
    expect(toldRun).toMatchObject({ status: 'succeeded', eventType: 'customer.tag_added' });
    expect(await notes(toldRun!.orderId!)).toEqual(['customer got greeted; order tags tag1,tag2,welcome']);

    // The same order again, re-created by a replayed delivery: nothing is new, nothing fires twice.
    expect((await postOrder(hookUrl, 2002, { updated_at: LATER }, 'orders/updated')).status).toBe(200);
    await t.engine.idle(1_000);
    expect(await runsOf(greet.id)).toHaveLength(1);
  });

  it('never starts a flow from its own tags, so "on tag added → add a tag" runs once', async () => {
    const echo = await activate(chain('Echo', node('trigger', 'orders.order_tag_added', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['{{ event.tags | first }}!'] })));
    expect((await postOrder(hookUrl, 2003)).status).toBe(200);
    expect((await postOrder(hookUrl, 2003, { updated_at: LATER, tags: 'tag1, tag2, seed' }, 'orders/updated')).status).toBe(200);
    await t.engine.idle(1_000);
    const runs = await runsOf(echo.id);
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect((await t.engine.call('orders.get', { ref: runs[0]!.orderId! })).summary.localTags).toEqual(['seed!']);
  });

  it('stops two flows that tag each other after three rounds, and says so on the order', async () => {
    const ping = await activate(chain('Ping', node('trigger', 'orders.order_tag_added', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['{{ event.tags | first }}+'] })));
    const pong = await activate(chain('Pong', node('trigger', 'orders.order_tag_added', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['{{ event.tags | first }}-'] })));
    expect((await postOrder(hookUrl, 2004)).status).toBe(200);
    expect((await postOrder(hookUrl, 2004, { updated_at: LATER, tags: 'tag1, tag2, seed' }, 'orders/updated')).status).toBe(200);
    await t.engine.idle(2_000);

    // The platform's tag (depth 0) starts both; each one's tag starts the other, up to depth 3.
    for (const flow of [ping, pong]) {
      const statuses = (await runsOf(flow.id)).map((r) => r.status).sort();
      expect(statuses).toEqual(['skipped', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    }
    const [stopped] = (await runsOf(ping.id)).filter((r) => r.status === 'skipped');
    expect(stopped!.error).toMatch(/4 flows in a row started each other by adding tags/);
    const order = await t.engine.call('orders.get', { ref: stopped!.orderId! });
    expect(order.timeline.map((e) => e.data).filter((d) => d?.kind === 'run' && d.status === 'skipped')).toHaveLength(2);
    expect(order.summary.localTags).toHaveLength(8);
  });
});
