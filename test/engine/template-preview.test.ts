import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

/** A Shopify order in dong: 2,000,000 ₫, as a Vietnamese shop receives it. */
function vndOrder(): string {
  const base = sampleOrder();
  return JSON.stringify({ ...base, currency: 'VND', presentment_currency: 'VND', total_price: '2000000', current_total_price: '2000000', name: '#2001', order_number: 2001 });
}

describe('template preview: the editor renders a node’s templates over a past order', () => {
  let t: TempEngine;
  let orderId: string;
  let inboxId: number;

  beforeAll(async () => {
    t = await startTempEngine();
    const { webhookUrl } = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    expect((await postShopify(webhookUrl, { body: vndOrder() })).status).toBe(200);
    await t.engine.idle(2_000);
    const [order] = (await t.engine.call('orders.list', {})).rows;
    orderId = order!.id;
    const [delivery] = await t.engine.call('inbox.list', {});
    inboxId = delivery!.id;
  });
  afterAll(() => t.close());

  it('renders a note over the chosen order, its customer and the trigger event, money in Vietnamese format', async () => {
    const preview = await t.engine.call('templates.preview', {
      nodeType: 'flowdesk.add_timeline_note',
      params: { text: 'Đơn {{ order.number }} của {{ customer.email }}: {{ order.totalPrice | money }} ({{ event.type }})' },
      orderId,
      event: 'order.created',
    });
    expect(preview.source).toMatchObject({ kind: 'order', orderId, orderNumber: '#2001', event: 'order.created' });
    expect(preview.fields).toEqual([{ key: 'text', index: null, template: expect.any(String), ok: true, output: 'Đơn #2001 của jon@example.com: 2.000.000₫ (order.created)' }]);
  });

  it('answers an unknown variable with its line, column and the path', async () => {
    const preview = await t.engine.call('templates.preview', {
      nodeType: 'flowdesk.add_timeline_note',
      params: { text: 'Xin chào\nTổng: {{ order.totl }}' },
      orderId: '#2001',
    });
    expect(preview.fields).toEqual([
      expect.objectContaining({ key: 'text', ok: false, problem: { kind: 'unknown_variable', message: 'unknown variable "order.totl" at line 2, column 10', line: 2, col: 10, token: 'order.totl' } }),
    ]);
  });

  it('catches a misspelled root even inside an if, where a run would read it as false', async () => {
    const preview = await t.engine.call('templates.preview', { nodeType: 'flowdesk.add_timeline_note', params: { text: '{% if ordr.note %}x{% endif %}ok' }, orderId });
    expect(preview.fields[0]).toMatchObject({ ok: false, problem: { kind: 'unknown_variable', line: 1, col: 7, token: 'ordr' } });
  });

  it('renders each entry of a tag list and each template field of an HTTP request, and leaves other params alone', async () => {
    const tags = await t.engine.call('templates.preview', { nodeType: 'flowdesk.add_order_tag', params: { tags: ['VIP-{{ order.currency }}', '{{ order.nope }}'] }, orderId });
    expect(tags.fields.map((f) => [f.key, f.index, f.ok ? f.output : f.problem.token])).toEqual([['tags', 0, 'VIP-VND'], ['tags', 1, 'order.nope']]);
    const http = await t.engine.call('templates.preview', {
      nodeType: 'http.request',
      params: { method: 'POST', url: 'https://example.com/o/{{ order.platformOrderId }}', headers: ['X-Order: {{ order.number }}'], body: '{"total":{{ order.totalPrice }}}', timeoutSeconds: 5 },
      orderId,
    });
    expect(http.fields.map((f) => [f.key, f.index, f.ok && f.output])).toEqual([
      ['url', null, 'https://example.com/o/820982911946154508'],
      ['headers', 0, 'X-Order: #2001'],
      ['body', null, '{"total":2000000}'],
    ]);
  });

  it('previews against the built-in sample order when none is chosen, and against a past delivery', async () => {
    const sample = await t.engine.call('templates.preview', { nodeType: 'flowdesk.add_timeline_note', params: { text: '{{ customer.name }}: {{ order.totalPrice | money }}' } });
    expect(sample.source.kind).toBe('sample');
    expect(sample.fields[0]).toMatchObject({ ok: true, output: 'Nguyễn Thị Lan: 2.000.000₫' });
    const delivery = await t.engine.call('templates.preview', { nodeType: 'flowdesk.add_timeline_note', params: { text: '{{ event.type }} {{ order.number }}' }, inboxId });
    expect(delivery.source).toMatchObject({ kind: 'delivery', inboxId, orderId, event: 'order.created' });
    expect(delivery.fields[0]).toMatchObject({ ok: true, output: 'order.created #2001' });
  });

  it('refuses an order or a node type that does not exist, with the API’s error codes', async () => {
    await expect(t.engine.call('templates.preview', { nodeType: 'flowdesk.add_timeline_note', params: { text: 'x' }, orderId: 'ord_missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.engine.call('templates.preview', { nodeType: 'nope.nothing', params: {} })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('checks a template without data: syntax and filter names, with positions', async () => {
    expect(await t.engine.call('templates.check', { template: 'Hi {{ order.anything | upcase }}' })).toEqual({ problem: null });
    const bad = await t.engine.call('templates.check', { template: 'Hi\n  {{ order.number | shout }}' });
    expect(bad.problem).toMatchObject({ kind: 'unknown_filter', line: 2, token: 'shout' });
    const unclosed = await t.engine.call('templates.check', { template: 'Hi {{ order.number' });
    expect(unclosed.problem).toMatchObject({ kind: 'syntax', line: 1, col: 4 });
  });

  it('lists the variables a template can name, with sample values from the chosen order', async () => {
    const { source, variables } = await t.engine.call('templates.variables', { orderId });
    expect(source).toMatchObject({ kind: 'order', orderNumber: '#2001' });
    const byPath = new Map(variables.map((v) => [v.path, v]));
    expect(byPath.get('order.number')).toEqual({ path: 'order.number', type: 'text', sample: '#2001' });
    expect(byPath.get('order.totalPrice')).toEqual({ path: 'order.totalPrice', type: 'money', sample: '2000000' });
    expect(byPath.get('order.lineItems')).toMatchObject({ type: 'list', count: 2 });
    expect(byPath.get('order.lineItems[0].title')).toMatchObject({ type: 'text', sample: expect.any(String) });
    expect(byPath.get('order.lineItems[0].quantity')).toMatchObject({ type: 'number', sample: expect.any(Number) });
    expect(byPath.get('customer.email')).toMatchObject({ type: 'text', sample: 'jon@example.com' });
    expect(byPath.get('order.createdAt')).toMatchObject({ type: 'date' });
    expect(byPath.get('event.type')).toMatchObject({ type: 'text', sample: 'order.updated' });
    expect(byPath.get('order.tags')).toMatchObject({ type: 'list', count: 2, sample: 'tag1, tag2' });
    // Every path renders in Liquid as written: the picker never offers one a run would refuse.
    for (const v of variables.filter((x) => x.sample !== null && x.type !== 'list')) {
      const [field] = (await t.engine.call('templates.preview', { nodeType: 'flowdesk.add_timeline_note', params: { text: `{{ ${v.path} }}` }, orderId })).fields;
      expect(field, v.path).toMatchObject({ ok: true });
      if (v.path !== 'event.occurredAt' && !String(v.sample).endsWith('…')) expect(field, v.path).toMatchObject({ output: String(v.sample) });
    }
  });

  it('offers the sample order’s values when no order is chosen', async () => {
    const { source, variables } = await t.engine.call('templates.variables', {});
    expect(source.kind).toBe('sample');
    expect(variables.find((v) => v.path === 'customer.name')).toMatchObject({ sample: 'Nguyễn Thị Lan' });
    expect(variables.find((v) => v.path === 'order.lineItems[0].properties[0].name')).toMatchObject({ type: 'text', sample: 'Thêu tên' });
  });
});
