import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GalleryLocale, IntentRecord, RunDetailDto } from '../../engine/contract/index.ts';
import { createTemplateRenderer } from '../../engine/executor/templates.ts';
import { fixtureOrders, receiveFixtureOrders, type FixtureOrder } from '../harness/gallery-orders.ts';
import { makeDataDir, startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

/** What a dry run of each template on its fixture order must reach: per node, the kinds it would do. */
interface Expected {
  order: FixtureOrder;
  would: Record<string, string[]>;
  /** Steps the run must not reach (the other branch). */
  notReached?: string[];
  /** Checks of the rendered inputs, per locale. */
  check?: (run: RunDetailDto, locale: GalleryLocale) => void;
}

const intents = (run: RunDetailDto, nodeId: string): IntentRecord[] => run.steps.find((s) => s.nodeId === nodeId)?.intents ?? [];
const arg = (run: RunDetailDto, nodeId: string, key: string, i = 0) => intents(run, nodeId)[i]?.args[key];
const byLocale = <T,>(locale: GalleryLocale, vi: T, en: T) => (locale === 'vi' ? vi : en);

const expected: Record<string, Expected> = {
  'cancelled-order-tag-message': {
    order: 'cancelled',
    would: { tag: ['order.addTags'], sms: ['sms.send'] },
    notReached: ['no-phone'],
    check: (run, l) => {
      expect(arg(run, 'tag', 'tags')).toEqual([byLocale(l, 'đã hủy', 'cancelled')]);
      expect(arg(run, 'sms', 'text')).toContain(byLocale(l, 'đơn hàng #5002 của bạn đã được hủy. Lý do: customer.', 'your order #5002 has been cancelled. Reason: customer.'));
      expect(arg(run, 'sms', 'phone')).toBe('0912345678');
      expect(arg(run, 'sms', 'account')).toBe('eSMS CSKH');
    },
  },
  'updated-order-email': {
    order: 'plain',
    would: { send: ['email.send'] },
    check: (run, l) => {
      expect(arg(run, 'send', 'to')).toEqual(['jon@example.com']);
      expect(arg(run, 'send', 'subject')).toMatch(byLocale(l, /^Đơn hàng #5001/, /^Your order #5001/));
      expect(arg(run, 'send', 'text')).toContain('- IPod Nano - 8GB × 1');
    },
  },
  'vip-big-order-supplier': {
    order: 'vip',
    would: { 'order-vip': ['order.addTags'], 'customer-vip': ['customer.addTags'] },
    check: (run) => {
      expect(arg(run, 'order-vip', 'tags')).toEqual(['VIP']);
      // The quantifier found the one supplier A line item of two.
      expect(run.steps.find((s) => s.nodeId === 'big')!.output).toMatchObject({ result: true, trace: expect.arrayContaining([{ id: 'items', result: true, tally: { held: 1, of: 2 } }]) });
    },
  },
  'high-risk-order-task': {
    order: 'risky',
    would: { tag: ['order.addTags'], task: ['task.create'] },
    check: (run, l) => {
      expect(arg(run, 'task', 'title')).toBe(byLocale(l, 'Gọi xác nhận đơn #5004 trước khi giao', 'Call to confirm order #5004 before shipping'));
      expect(arg(run, 'task', 'notes')).toContain(byLocale(l, 'gọi xác nhận đơn #5004', 'to confirm order #5004'));
    },
  },
  'pre-order-hold': {
    order: 'preorder',
    would: { tag: ['order.addTags'], hold: ['timeline.note'] },
    check: (run, l) => expect(arg(run, 'tag', 'tags')).toEqual(byLocale(l, ['giữ đơn', 'hàng đặt trước'], ['on hold', 'pre-order'])),
  },
  'lazada-delivery-failed-note': {
    order: 'lazadaFailed',
    would: { note: ['timeline.note'], tag: ['order.addTags'] },
    check: (run, l) => expect(arg(run, 'note', 'text')).toContain(byLocale(l, 'Đơn COD: chưa thu 310.000₫.', 'Cash on delivery not collected: 310.000₫.')),
  },
  'review-request-after-delivery': {
    order: 'delivered',
    would: { wait: ['run.wait'], ask: ['sms.send'], tag: ['order.addTags'] },
    check: (run) => {
      // The dry run does not wait, so "only between 8:00 and 21:00" is judged at the test's own
      // hour: at once inside the window, or a wait recorded for the next one.
      const window = intents(run, 'hours').map((i) => i.kind);
      expect([[], ['run.wait']]).toContainEqual(window);
    },
  },
  'cod-not-delivered-alert': {
    order: 'cod',
    would: { wait: ['run.wait'], alert: ['slack.post'], tag: ['order.addTags'] },
    check: (run, l) => expect(arg(run, 'alert', 'text')).toContain(byLocale(l, 'đơn COD #5007 (2.500.000₫)', 'order #5007 (2.500.000₫)')),
  },
  'welcome-new-customer': {
    order: 'plain',
    would: { tag: ['customer.addTags'], welcome: ['sms.send'] },
    check: (run, l) => expect(arg(run, 'welcome', 'text')).toContain(byLocale(l, 'Chào mừng John Smith', 'Welcome, John Smith!')),
  },
  'thank-you-order-paid': {
    order: 'paid',
    would: { thanks: ['email.send'] },
    check: (run, l) => expect(arg(run, 'thanks', 'text')).toContain(byLocale(l, 'Shop đã nhận $403.00 cho đơn #5008', 'We have received $403.00 for order #5008')),
  },
  'shipping-notice-fulfilled': {
    order: 'delivered',
    would: { notice: ['sms.send'] },
    check: (run) => expect(arg(run, 'notice', 'text')).toContain('123 Shipping Street, Kentucky'),
  },
  'marketplace-status-tag': {
    order: 'lazadaFailed',
    would: { tag: ['order.addTags'] },
    check: (run) => expect(arg(run, 'tag', 'tags')).toEqual(['Hủy giao hàng']),
  },
  'order-row-to-spreadsheet': {
    order: 'vip',
    would: { row: ['http.request'] },
    check: (run) => {
      // Seed 004: commas inside a value would split the sheet's columns, so none are left in one.
      const { row } = JSON.parse(String(arg(run, 'row', 'body'))) as { row: string };
      expect(row.split(',')).toEqual(['#5003', expect.stringMatching(/^\d\d\/11\/2026 \d\d:\d\d$/), 'John Smith', '0912 345 678', 'Nồi chiên không dầu x1; Bộ dao nhà bếp x1', '2500000']);
    },
  },
  'returned-order-restock-reminder': {
    order: 'plain',
    would: { remind: ['task.create'], tag: ['order.addTags'] },
    check: (run) => expect(arg(run, 'remind', 'notes')).toContain('IPod Nano - 8GB × 1, IPod Nano - 8GB × 1.'),
  },
};

describe('the template gallery', () => {
  let t: TempEngine;
  let lazada: { close(): Promise<void> };

  beforeAll(async () => {
    t = await startTempEngine();
    lazada = await receiveFixtureOrders(t);
    // One account per kind a template sends through: "Use this template" picks each for the
    // user (the only one that fits), so the imported flow is ready to turn on.
    await t.engine.call('accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: 'k-0001', secretKey: 's-0002', brandname: 'CUAHANGAN' } });
    await t.engine.call('accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: 'smtp.example.vn', user: 'shop@example.vn', pass: 'app-password', from: 'shop@example.vn' } });
    await t.engine.call('accounts.create', { connector: 'slack', name: 'Team Slack', credentials: { webhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX' } });
  });
  afterAll(async () => {
    await t.close();
    await lazada.close();
  });

  it('offers at least 12 templates, each with vi/en words, a category, its platforms and its trigger', async () => {
    const list = await t.engine.call('gallery.list', {});
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.map((c) => c.id).sort()).toEqual(Object.keys(expected).sort());
    const cancelled = list.find((c) => c.id === 'cancelled-order-tag-message')!;
    expect(cancelled).toMatchObject({ category: 'messages', platforms: [], trigger: { type: 'orders.order_cancelled', events: expect.arrayContaining(['order.cancelled']) }, steps: 5 });
    expect(cancelled.title).toEqual({ vi: 'Đơn bị hủy: gắn thẻ và nhắn khách', en: 'Cancelled order: tag it and text the buyer' });
    expect(list.find((c) => c.id === 'lazada-delivery-failed-note')).toMatchObject({ category: 'marketplace', platforms: ['lazada'] });
  });

  for (const [id, want] of Object.entries(expected)) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${id} (${locale}): imports as an inactive flow with no problems, and a dry run reaches its actions`, async () => {
        const file = await t.engine.call('gallery.get', { id, locale });
        const card = (await t.engine.call('gallery.list', {})).find((c) => c.id === id)!;
        expect(file.flow.name).toBe(card.title[locale]);
        expect(await t.engine.call('flows.validate', { document: file.flow })).toEqual([]);
        const flow = await t.engine.call('flows.import', { file });
        expect(flow).toMatchObject({ activeVersion: null, latestVersion: 1, name: card.title[locale] });

        const run = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: fixtureOrders[want.order] });
        expect(run, run.error ?? '').toMatchObject({ status: 'succeeded', dryRun: true, eventType: card.trigger.events[0] });
        expect(run.steps.every((s) => s.status === 'done'), JSON.stringify(run.steps.map((s) => [s.nodeId, s.status, s.reason]))).toBe(true);
        for (const [nodeId, kinds] of Object.entries(want.would)) {
          expect(intents(run, nodeId).map((i) => [i.kind, i.outcome]), nodeId).toEqual(kinds.map((k) => [k, 'would_do']));
        }
        for (const nodeId of want.notReached ?? []) expect(run.steps.map((s) => s.nodeId)).not.toContain(nodeId);
        want.check?.(run, locale);
      });
    }
  }

  it('writes every text field as Liquid that renders over a Shopify order, a Lazada order and an order with no customer', async () => {
    const renderer = createTemplateRenderer();
    const shapes = [];
    for (const ref of [fixtureOrders.plain, fixtureOrders.lazadaFailed]) {
      const d = await t.engine.call('orders.get', { ref });
      const data = { event: { type: 'order.created', platform: d.order.platform, occurredAt: d.order.updatedAt, connectionId: d.summary.connectionId }, order: { ...d.order, id: d.summary.id }, customer: d.customer, previous: null };
      shapes.push(data, { ...data, order: { ...data.order, customer: null, shippingAddress: null, billingAddress: null, lineItems: [] }, customer: null });
    }
    for (const { id } of await t.engine.call('gallery.list', {})) {
      for (const locale of ['vi', 'en'] as const) {
        const { flow } = await t.engine.call('gallery.get', { id, locale });
        const texts = flow.nodes.flatMap((n) => [n.params['text'], n.params['body'], n.params['url'], ...((n.params['tags'] as unknown[]) ?? [])]).filter((v): v is string => typeof v === 'string');
        for (const text of texts) for (const data of shapes) await expect(renderer.render(text, data), `${id} (${locale}): ${text}`).resolves.toEqual(expect.any(String));
      }
    }
  });

  it('refuses a template it does not have', async () => {
    await expect(t.engine.call('gallery.get', { id: 'no-such-template' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a gallery with a bad file', () => {
  it('leaves the bad file out and starts with the others', async () => {
    const dir = join(makeDataDir(), 'gallery');
    mkdirSync(dir);
    const good = readFileSync(new URL('../../assets/gallery/marketplace-status-tag.flow.json', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'marketplace-status-tag.flow.json'), good);
    writeFileSync(join(dir, 'renamed.flow.json'), good);
    writeFileSync(join(dir, 'broken.flow.json'), '{ "format": ');
    const unknownNode = JSON.parse(good);
    unknownNode.gallery.id = 'unknown-node';
    unknownNode.flow.nodes[1].type = 'fax.send';
    writeFileSync(join(dir, 'unknown-node.flow.json'), JSON.stringify(unknownNode));
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => void warnings.push(m), error() {} };
    const t = await startTempEngine({ galleryDir: dir, logger });
    try {
      expect((await t.engine.call('gallery.list', {})).map((c) => c.id)).toEqual(['marketplace-status-tag']);
      expect(warnings).toEqual([
        expect.stringMatching(/^gallery: left out broken\.flow\.json: not JSON/),
        expect.stringMatching(/^gallery: left out renamed\.flow\.json: its gallery id is "marketplace-status-tag"/),
        expect.stringMatching(/^gallery: left out unknown-node\.flow\.json: its flow \(vi\) has problems: .*unknown type fax\.send/),
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('a template that sends messages, and the accounts it needs', () => {
  let t: TempEngine;
  beforeAll(async () => {
    t = await startTempEngine();
  });
  afterAll(() => t.close());

  const smsAccount = async () => (await t.engine.call('gallery.get', { id: 'welcome-new-customer', locale: 'en' })).flow.nodes.find((n) => n.id === 'welcome')!.params['account'];

  it('leaves the account to choose when the user has none, or several that fit, and takes the only one', async () => {
    expect(await smsAccount()).toBe('');
    const problems = await t.engine.call('flows.validate', { document: (await t.engine.call('gallery.get', { id: 'welcome-new-customer', locale: 'en' })).flow });
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_params', nodeId: 'welcome', path: 'account' })]);

    const twilio = await t.engine.call('accounts.create', { connector: 'twilio', name: 'Twilio', credentials: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'a'.repeat(32), from: '+15017122661' } });
    expect(await smsAccount()).toBe(twilio.id);
    await t.engine.call('accounts.create', { connector: 'esms', name: 'eSMS', credentials: { apiKey: 'k', secretKey: 's', brandname: 'SHOP' } });
    expect(await smsAccount()).toBe('');
  });
});
