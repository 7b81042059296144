import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, Platform } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { cancelledThen, emailNode } from '../harness/message-flows.ts';

/** "Order cancelled on these platforms → email", the address left to the customer's or fixed. */
function emailFlow(platforms: Platform[], to = ''): FlowDocument {
  const doc = cancelledThen(emailNode('acc_x', { to }));
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'trigger' ? { ...n, params: { platforms } } : n)) };
}

function smsFlow(platforms: Platform[]): FlowDocument {
  const sms = { id: 'sms', type: 'sms.send', typeVersion: 1, position: { x: 0, y: 200 }, label: 'Text the buyer', params: { account: 'acc_y', text: 'Đơn {{ order.number }} đã huỷ' } };
  const doc = cancelledThen(sms);
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'trigger' ? { ...n, params: { platforms } } : n)) };
}

describe('design-time warnings from what each platform delivers', () => {
  let t: TempEngine;
  beforeEach(async () => {
    t = await startTempEngine();
  });
  afterEach(() => t.close());

  const warnings = async (doc: FlowDocument) => (await t.engine.call('flows.validate', { document: doc })).filter((p) => p.severity === 'warning');

  it('warns on the email step of a Lazada-only flow: Lazada never gives the buyer\'s email', async () => {
    expect(await warnings(emailFlow(['lazada']))).toEqual([
      expect.objectContaining({
        code: 'platform_lacks_field',
        nodeId: 'email',
        args: expect.objectContaining({ field: 'email', platforms: 'Lazada', availability: 'never' }),
        message: expect.stringMatching(/Lazada never sends the customer's email address/),
      }),
    ]);
  });

  it('names only the platforms that lack it, and says KiotViet has it only through its API', async () => {
    const [lazadaAndShopify] = await warnings(emailFlow(['lazada', 'shopify']));
    expect(lazadaAndShopify?.args?.['platforms']).toBe('Lazada');
    const [kiotviet] = await warnings(emailFlow(['kiotviet']));
    expect(kiotviet?.args).toMatchObject({ platforms: 'KiotViet', availability: 'with_api' });
    expect(kiotviet?.message).toMatch(/only when the connection reads customers through its API/);
  });

  it('says nothing when the email goes to a fixed address, or the flow listens to every platform', async () => {
    expect(await warnings(emailFlow(['lazada'], 'kho@shop.vn'))).toEqual([]);
    expect(await warnings(emailFlow([]))).toEqual([]);
    expect(await warnings(emailFlow(['haravan', 'shopify']))).toEqual([]);
  });

  it('warns when the recipient is written as the customer\'s email in Liquid', async () => {
    expect(await warnings(emailFlow(['lazada'], '{{ order.customer.email }}'))).toHaveLength(1);
  });

  it('an SMS to the order\'s phone on Haravan is fine; on a KiotViet flow the phone is not always there but it is not warned', async () => {
    expect(await warnings(smsFlow(['haravan']))).toEqual([]);
    expect(await warnings(smsFlow(['kiotviet']))).toEqual([]);
  });

  it('a warning does not keep the flow from being saved and turned on', async () => {
    const saved = await t.engine.call('flows.save', { document: emailFlow(['lazada']) });
    const active = await t.engine.call('flows.activate', { id: saved.id });
    expect(active.activeVersion).toBe(saved.latestVersion);
  });
});
