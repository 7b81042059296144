import { mkdirSync } from 'node:fs';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../harness/smtp-receiver.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConditionBuilder } from './pages/condition-builder.ts';
import { engineApi } from './pages/engine-api.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { OrderPage } from './pages/order-page.ts';
import { OrdersPage } from './pages/orders-page.ts';

test.use({ locale: 'en-US' });

const shots = '/tmp/fd/shots/seed-000';
const sizes = [[1280, 800], [1920, 1080]] as const;

/**
 * Seed 000's first promise, drawn in the editor as a shop owner would: order cancelled on
 * Haravan → has a phone? → SMS, else email. Two signed cancelled orders, one with a phone and
 * one without; each order's timeline says what was sent, and the fakes received exactly that.
 */
test.describe("seed 000: order cancelled → SMS if there is a phone, else email", () => {
  let esms: FakeEsms;
  let smtp: SmtpReceiver;
  test.beforeEach(async () => {
    esms = await startFakeEsms();
    smtp = await startSmtpReceiver();
  });
  test.afterEach(async () => {
    await esms.close();
    await smtp.close();
  });

  test('draw the flow, send a cancelled order with a phone and one without, and read each timeline', async ({ page, flowdesk }) => {
    mkdirSync(shots, { recursive: true });
    const api = engineApi(flowdesk);
    const hookUrl = (await api('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl as string;
    await api('accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl } });
    await api('accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user, pass: smtp.pass, from: 'shop@example.vn' } });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'en'));
    await new AppShell(page).open(flowdesk.editorUrl);
    const flows = new FlowsPage(page);
    await flows.open();
    await flows.create();
    const editor = new FlowEditor(page);
    await editor.name.fill('Order cancelled: SMS, else email');

    // Trigger, then the condition "the shipping address has a phone".
    await editor.dragToCanvas('Order cancelled', { x: 380, y: 70 });
    await editor.dragToCanvas('Conditions', { x: 380, y: 230 });
    const builder = new ConditionBuilder(page);
    await builder.addRuleButton.click();
    await builder.pickFieldWithKeyboard('shipping phone', 'Shipping address: phone');
    await builder.operator(builder.rule(/^Shipping address: phone/)).selectOption({ label: 'is not empty' });

    // Yes: the SMS; No: the email. Each picks its account by name.
    await editor.dragToCanvas('Send SMS', { x: 200, y: 450 });
    await editor.field('SMS account').selectOption({ label: 'eSMS CSKH (CUAHANGAN)' });
    await editor.sidePanel.getByRole('textbox', { name: 'Message', exact: true }).fill('Don {{ order.number }} da huy. Cam on ban!');
    await editor.dragToCanvas('Send email', { x: 560, y: 450 });
    await editor.field('Email account').selectOption({ index: 1 });
    await expect(editor.field('Email account').locator('option:checked')).toHaveText(/^Shop mail/);
    await editor.sidePanel.getByRole('textbox', { name: 'Subject', exact: true }).fill('Đơn hàng {{ order.number }} đã được huỷ');
    await editor.sidePanel.getByRole('textbox', { name: 'Text', exact: true }).fill('Đơn {{ order.number }} đã được huỷ.');

    const trigger = editor.node('Trigger: Order cancelled');
    const condition = editor.node('Condition: Conditions');
    const sms = editor.node('Action: Send SMS');
    const email = editor.node('Action: Send email');
    await editor.connect(editor.handle(trigger, 'Next output of Order cancelled'), editor.handle(condition, 'Input of Conditions'));
    await editor.connect(editor.handle(condition, 'Yes output of Conditions'), editor.handle(sms, 'Input of Send SMS'));
    await editor.connect(editor.handle(condition, 'No output of Conditions'), editor.handle(email, 'Input of Send email'));
    await expect(editor.edges).toHaveCount(3);
    await editor.saveButton.click();
    await expect(editor.version(1)).toBeVisible();
    await editor.activeSwitch.click();
    await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${shots}/flow-en-${w}.png` });
    }

    // Two signed cancelled orders: one with a phone (and an email), one with only an email.
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5001, number: '#5001', phone: '0912345678', email: 'lan@example.vn' }))).toBe(200);
    expect(await postHaravanCancelled(hookUrl, cancelledOrder({ id: 5002, number: '#5002', phone: null, email: 'minh@example.vn' }))).toBe(200);

    const orders = new OrdersPage(page);
    const order = new OrderPage(page);
    await orders.open();
    await orders.openOrder('#5001');
    await expect(order.entries('Flow run').filter({ hasText: 'finished' })).toHaveCount(1);
    await expect(order.timeline()).toContainText('Send SMS: sent to 0912345678');
    await expect.poll(() => esms.sent.size).toBe(1);
    expect([...esms.sent.values()][0]).toMatchObject({ phone: '0912345678', content: 'Don #5001 da huy. Cam on ban!' });
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${shots}/order-sms-en-${w}.png`, fullPage: true });
    }

    await orders.open();
    await orders.openOrder('#5002');
    await expect(order.entries('Flow run').filter({ hasText: 'finished' })).toHaveCount(1);
    await expect(order.timeline()).toContainText('Send email: sent to minh@example.vn');
    await expect(order.timeline()).toContainText('Conditions: done → No');
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]).toMatchObject({ to: 'minh@example.vn', subject: 'Đơn hàng #5002 đã được huỷ' });
    expect(esms.sent.size).toBe(1);
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${shots}/order-email-en-${w}.png`, fullPage: true });
    }
  });
});
