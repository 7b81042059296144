import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { startDroppingSmtpServer, startSmtpReceiver, type SmtpReceiver } from '../harness/smtp-receiver.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, emailNode } from '../harness/message-flows.ts';

describe('email over SMTP, against a real SMTP server', () => {
  let t: TempEngine;
  let smtp: SmtpReceiver;
  let hookUrl: string;

  const account = (over: Record<string, unknown> = {}) =>
    t.engine.call('accounts.create', {
      connector: 'smtp',
      name: 'Shop mail',
      credentials: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user, pass: smtp.pass, from: 'Cửa hàng An <shop@example.vn>', ...over },
    });
  async function activate(doc: ReturnType<typeof cancelledThen>) {
    const flow = await t.engine.call('flows.save', { document: doc });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  async function onlyRun() {
    await t.engine.idle(2_000);
    const runs = await t.engine.call('runs.list', {});
    expect(runs).toHaveLength(1);
    return t.engine.call('runs.get', { id: runs[0]!.id });
  }

  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps the password to itself and signs in when asked to test', async () => {
    const acc = await account();
    expect(acc).toMatchObject({ connector: 'smtp', name: 'Shop mail', fields: { host: '127.0.0.1', user: 'shop@example.vn', security: 'none' }, secretHints: { pass: '••••1234' } });
    expect(JSON.stringify(await t.engine.call('accounts.list', {}))).not.toContain(smtp.pass);
    // At rest, the credentials are sealed with the engine's key, like connection secrets.
    const raw = new Database(join(t.dataDir, 'flowdesk.db'), { readonly: true });
    const stored = (raw.prepare('SELECT credentials FROM connector_accounts').get() as { credentials: string }).credentials;
    raw.close();
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(smtp.pass);
    const test = await t.engine.call('accounts.test', { id: acc.id });
    expect(test).toMatchObject({ ok: true, code: 'ok', message: `Connected to 127.0.0.1:${smtp.port} and signed in as shop@example.vn` });
    expect(smtp.logins).toEqual([{ user: 'shop@example.vn', ok: true }]);
    expect(smtp.received).toEqual([]);
    expect((await t.engine.call('accounts.list', { connector: 'smtp' }))[0]!.lastTest).toMatchObject({ ok: true });

    // A new password, then a wrong one: the test says what the server said.
    const wrong = await t.engine.call('accounts.update', { id: acc.id, credentials: { pass: 'not-the-password' } });
    expect(wrong.secretHints).toEqual({ pass: '••••word' });
    expect(wrong.lastTest).toBeNull();
    const refused = await t.engine.call('accounts.test', { id: acc.id });
    expect(refused).toMatchObject({ ok: false, code: 'auth_failed', answer: expect.stringMatching(/^535 .*Authentication credentials invalid/) });
    // An empty secret in an update keeps the stored one.
    expect((await t.engine.call('accounts.update', { id: acc.id, name: 'Renamed', credentials: { pass: '' } })).secretHints).toEqual({ pass: '••••word' });
  });

  it('refuses credentials its connector does not take, and unknown connectors', async () => {
    await expect(account({ port: 'twenty-five' })).rejects.toThrow(/invalid Email \(SMTP\) credentials: "port"/);
    await expect(account({ token: 'x' })).rejects.toThrow(/unknown Email \(SMTP\) credentials "token"/);
    await expect(t.engine.call('accounts.create', { connector: 'pigeon', name: 'x', credentials: {} })).rejects.toThrow(/unknown connector "pigeon"/);
  });

  it('sends the rendered email on a cancelled order, with a Message-ID a retry would repeat', async () => {
    const acc = await account();
    await activate(cancelledThen(emailNode(acc.id, { replyTo: 'cskh@example.vn', html: '<p>Đơn <b>{{ order.number }}</b> đã được huỷ.</p>' })));
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5001, number: '#5001', email: 'an@example.vn' }))).toBe(200);
    const run = await onlyRun();
    expect(run.status).toBe('succeeded');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail).toMatchObject({
      envelopeFrom: 'shop@example.vn',
      envelopeTo: ['an@example.vn'],
      from: '"Cửa hàng An" <shop@example.vn>',
      to: 'an@example.vn',
      replyTo: 'cskh@example.vn',
      subject: 'Đơn hàng #5001 đã được huỷ',
    });
    expect(mail.text.trim()).toMatch(/^Chào bạn, đơn #5001 \(.+\) đã được huỷ\.$/);
    expect(mail.html).toContain('<p>Đơn <b>#5001</b> đã được huỷ.</p>');
    expect(mail.messageId).toMatch(/^<flowdesk\.[0-9a-f]{32}@example\.vn>$/);
    const step = run.steps.find((s) => s.nodeId === 'email')!;
    expect(step.status).toBe('done');
    expect(step.intents[0]).toMatchObject({
      kind: 'email.send',
      outcome: 'done',
      args: { account: 'Shop mail', to: ['an@example.vn'], subject: 'Đơn hàng #5001 đã được huỷ', replyTo: 'cskh@example.vn' },
      result: { messageId: mail.messageId, accepted: ['an@example.vn'], rejected: [] },
    });
    expect(JSON.stringify(run)).not.toContain(smtp.pass);
  });

  it('fails the step with the server\'s answer when the sign-in is refused', async () => {
    const acc = await account({ pass: 'wrong-password' });
    await activate(cancelledThen(emailNode(acc.id)));
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5002, number: '#5002', email: 'an@example.vn' }));
    const run = await onlyRun();
    expect(run.status).toBe('failed');
    const step = run.steps.find((s) => s.nodeId === 'email')!;
    expect(step.status).toBe('failed');
    expect(step.reason).toMatch(/^the mail server refused the sign-in: 535 5\.7\.8 Authentication credentials invalid/);
    expect(smtp.received).toEqual([]);
    // Not retried: a wrong password stays wrong.
    expect(smtp.logins).toHaveLength(1);
  });

  it('sends to the recipients the server takes and says which one it refused', async () => {
    smtp.rejects.add('gone@example.vn');
    const acc = await account();
    await activate(cancelledThen(emailNode(acc.id, { to: '{{ order.customer.email }}, gone@example.vn' })));
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5003, number: '#5003', email: 'an@example.vn' }));
    const run = await onlyRun();
    expect(run.status).toBe('succeeded');
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['an@example.vn']]);
    expect(run.steps.find((s) => s.nodeId === 'email')!.intents[0]!.result).toMatchObject({ accepted: ['an@example.vn'], rejected: ['gone@example.vn'] });
  });

  it('skips, with the server\'s reason, when the only recipient is refused; and when there is no address', async () => {
    smtp.rejects.add('an@example.vn');
    const acc = await account();
    await activate(cancelledThen(emailNode(acc.id)));
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5004, number: '#5004', email: 'an@example.vn' }));
    const run = await onlyRun();
    expect(run.status).toBe('succeeded');
    const step = run.steps.find((s) => s.nodeId === 'email')!;
    expect(step).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^the mail server refused the recipient: 550 5\.1\.1 <an@example\.vn>: Recipient address rejected/) });

    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5005, number: '#5005', email: null }));
    await t.engine.idle(2_000);
    const order = await t.engine.call('orders.get', { ref: '#5005' });
    const skipped = order.timeline.find((e) => e.data?.kind === 'step' && e.data.nodeId === 'email');
    expect(skipped?.data).toMatchObject({ kind: 'step', status: 'skipped', reason: 'no email address: the order and its customer have none' });
    expect(smtp.received).toEqual([]);
  });

  it('a dry run shows the rendered email it would send and sends nothing', async () => {
    const acc = await account();
    const flow = await activate(cancelledThen(emailNode(acc.id)));
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5006, number: '#5006', email: 'an@example.vn' }));
    await t.engine.idle(2_000);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#5006' });
    const step = dry.steps.find((s) => s.nodeId === 'email')!;
    expect(step.intents).toEqual([
      {
        kind: 'email.send',
        outcome: 'would_do',
        args: { account: 'Shop mail', to: ['an@example.vn'], subject: 'Đơn hàng #5006 đã được huỷ', text: expect.stringContaining('đơn #5006') },
      },
    ]);
    expect(JSON.stringify(dry)).not.toContain(smtp.pass);
    expect(smtp.received).toEqual([]);
    expect(smtp.logins).toEqual([]);
  });

  it('records "outcome unknown" and does not resend when the connection drops after the message went', async () => {
    const dropping = await startDroppingSmtpServer();
    try {
      const acc = await t.engine.call('accounts.create', { connector: 'smtp', name: 'Flaky relay', credentials: { host: '127.0.0.1', port: dropping.port, security: 'none', from: 'shop@example.vn' } });
      await activate(cancelledThen(emailNode(acc.id)));
      await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5007, number: '#5007', email: 'an@example.vn' }));
      const run = await onlyRun();
      expect(run.status).toBe('failed');
      expect(run.steps.find((s) => s.nodeId === 'email')!.reason).toMatch(/^outcome unknown: the connection to the mail server was lost after the message was sent/);
      expect(dropping.messages).toBe(1);
    } finally {
      await dropping.close();
    }
  });
});
