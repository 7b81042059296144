import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../harness/smtp-receiver.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledSmsElseEmail } from '../harness/message-flows.ts';

/** Seed 000's first promise, through a real engine: order cancelled → has a phone? → SMS, else email. */
describe('order cancelled → SMS if there is a phone, else email', () => {
  let t: TempEngine;
  let esms: FakeEsms;
  let smtp: SmtpReceiver;
  let hookUrl: string;
  let smsAccount: string;
  let emailAccount: string;

  beforeEach(async () => {
    esms = await startFakeEsms();
    smtp = await startSmtpReceiver();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
    smsAccount = (await t.engine.call('accounts.create', {
      connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl },
    })).id;
    emailAccount = (await t.engine.call('accounts.create', {
      connector: 'smtp', name: 'Shop mail', credentials: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user, pass: smtp.pass, from: 'shop@example.vn' },
    })).id;
  });
  afterEach(async () => {
    await t.close();
    await esms.close();
    await smtp.close();
  });

  const stepsOf = async (number: string) =>
    (await t.engine.call('orders.get', { ref: number })).timeline.flatMap((e) => (e.data?.kind === 'step' ? [e.data] : []));

  it('texts the order with a phone, emails the one without, and each timeline shows the branch taken', async () => {
    const flow = await t.engine.call('flows.save', { document: cancelledSmsElseEmail(smsAccount, emailAccount) });
    await t.engine.call('flows.activate', { id: flow.id });

    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 7001, number: '#7001', phone: '0912 345 678', email: 'an@example.vn' }))).toBe(200);
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 7002, number: '#7002', phone: null, email: 'binh@example.vn' }))).toBe(200);
    // A redelivery of the first (Haravan retries until it gets a 2xx in time) sends nothing more.
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 7001, number: '#7001', phone: '0912 345 678', email: 'an@example.vn' }));
    await t.engine.idle(2_000);

    expect([...esms.sent.values()]).toEqual([{ phone: '0912345678', content: 'Don hang #7001 da duoc huy. Lien he shop neu can ho tro.', brandname: 'CUAHANGAN', isUnicode: '0' }]);
    expect(smtp.received.map((m) => [m.envelopeTo, m.subject])).toEqual([[['binh@example.vn'], 'Đơn hàng #7002 đã được huỷ']]);

    const first = await stepsOf('#7001');
    expect(first.map((s) => [s.nodeId, s.status, s.port])).toEqual([['trigger', 'done', 'out'], ['has-phone', 'done', 'yes'], ['sms', 'done', 'out']]);
    const second = await stepsOf('#7002');
    expect(second.map((s) => [s.nodeId, s.status, s.port])).toEqual([['trigger', 'done', 'out'], ['has-phone', 'done', 'no'], ['email', 'done', 'out']]);
    const runs = await t.engine.call('runs.list', {});
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('removing an account names the flows using it, asks first, and turns them off', async () => {
    const flow = await t.engine.call('flows.save', { document: cancelledSmsElseEmail(smsAccount, emailAccount) });
    await t.engine.call('flows.activate', { id: flow.id });
    const asked = await t.engine.call('accounts.remove', { id: smsAccount, dryRun: true });
    expect(asked).toEqual({ id: smsAccount, removed: false, usedBy: [{ id: flow.id, name: 'Order cancelled: SMS, else email', active: true }], deactivatedFlows: [{ id: flow.id, name: 'Order cancelled: SMS, else email', active: true }] });
    expect(await t.engine.call('accounts.list', {})).toHaveLength(2);
    const removed = await t.engine.call('accounts.remove', { id: smsAccount });
    expect(removed).toMatchObject({ removed: true, deactivatedFlows: [{ id: flow.id, active: false }] });
    expect((await t.engine.call('flows.list', {}))[0]).toMatchObject({ id: flow.id, activeVersion: null });
    expect((await t.engine.call('accounts.list', {})).map((a) => a.connector)).toEqual(['smtp']);
    // The exported flow names the account by id and carries none of its credentials.
    const file = JSON.stringify(await t.engine.call('flows.export', { id: flow.id }));
    expect(file).toContain(emailAccount);
    expect(file).not.toContain(smtp.pass);
  });
});
