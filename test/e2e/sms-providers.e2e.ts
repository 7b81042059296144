import { mkdirSync } from 'node:fs';
import { startFakeSpeedsms, type FakeSpeedsms } from '../harness/fake-speedsms.ts';
import { startFakeTwilio, type FakeTwilio } from '../harness/fake-twilio.ts';
import { cancelledThen } from '../harness/message-flows.ts';
import { openApp } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { AccountsSection } from './pages/accounts-section.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { engineApi } from './pages/engine-api.ts';
import { SmsStep } from './pages/sms-step.ts';

test.use({ locale: 'en-US' });

const shots = '/tmp/fd/shots/sms-providers';
const sizes = [[1280, 800], [1920, 1080]] as const;

test.describe('SMS through SpeedSMS and Twilio', () => {
  let speedsms: FakeSpeedsms;
  let twilio: FakeTwilio;
  test.beforeEach(async () => {
    speedsms = await startFakeSpeedsms();
    twilio = await startFakeTwilio();
  });
  test.afterEach(async () => {
    await speedsms.close();
    await twilio.close();
  });

  test('adding a Twilio and a SpeedSMS account through their forms, and testing each against its fake', async ({ page, flowdesk }) => {
    mkdirSync(shots, { recursive: true });
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);

    const tw = accounts.connector('SMS (Twilio)');
    await tw.getByRole('button', { name: 'Add SMS (Twilio) account' }).click();
    const twForm = tw.getByRole('form', { name: 'New SMS (Twilio) account' });
    await twForm.getByLabel('Account name').fill('Twilio US');
    await twForm.getByLabel('Account SID').fill(twilio.accountSid);
    await twForm.getByLabel('Auth Token').fill(twilio.authToken);
    await twForm.getByLabel('From', { exact: true }).fill('+15017122661');
    await twForm.getByText('Advanced settings').click();
    await twForm.getByLabel('API address').fill(twilio.baseUrl);
    await twForm.getByRole('button', { name: 'Add account' }).click();
    await expect(twForm).toBeHidden();
    await expect(accounts.row('Twilio US')).toContainText('••••0004');
    const twAnswer = await accounts.test('Twilio US');
    await expect(twAnswer).toContainText('It works: signed in');
    await expect(twAnswer).toContainText('Account: Cửa hàng An');

    const ss = accounts.connector('SMS (SpeedSMS.vn)');
    await ss.getByRole('button', { name: 'Add SMS (SpeedSMS.vn) account' }).click();
    const ssForm = ss.getByRole('form', { name: 'New SMS (SpeedSMS.vn) account' });
    await ssForm.getByLabel('Account name').fill('SpeedSMS brandname');
    await ssForm.getByLabel('Access token').fill(speedsms.token);
    await ssForm.getByLabel('Brandname').fill('CUAHANGAN');
    await ssForm.getByText('Advanced settings').click();
    await ssForm.getByLabel('Message type').selectOption({ label: 'Your brandname (type 3)' });
    await ssForm.getByLabel('API address').fill(speedsms.baseUrl);
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await ss.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/speedsms-form-en-${w}.png` });
    }
    await ssForm.getByRole('button', { name: 'Add account' }).click();
    await expect(ssForm).toBeHidden();
    await expect(accounts.row('SpeedSMS brandname')).toContainText('CUAHANGAN');
    const ssAnswer = await accounts.test('SpeedSMS brandname');
    await expect(ssAnswer).toContainText('It works: signed in');
    await expect(ssAnswer).toContainText('Balance: 125,000 ₫');
    expect(speedsms.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /index.php/user/info']);
    expect(twilio.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /2010-04-01/Accounts/${twilio.accountSid}.json`]);
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await tw.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/accounts-en-${w}.png`, fullPage: true });
    }
  });

  test("the SMS step: one account list for every provider, its count under the text, and the account's name on the card", async ({ page, flowdesk }) => {
    mkdirSync(shots, { recursive: true });
    const api = engineApi(flowdesk);
    const ss = await api('accounts.create', { connector: 'speedsms', name: 'SpeedSMS brandname', credentials: { accessToken: speedsms.token, brandname: 'CUAHANGAN' }, settings: { baseUrl: speedsms.baseUrl, smsType: '3' } });
    const tw = await api('accounts.create', { connector: 'twilio', name: 'Twilio US', credentials: { accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+15017122661' }, settings: { baseUrl: twilio.baseUrl } });
    await api('accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: 'k-0001', secretKey: 's-0002', brandname: 'CUAHANGAN' } });
    const text = 'Đơn hàng DH1024 của bạn đã được huỷ. Cảm ơn bạn đã mua sắm tại Cửa hàng An!';
    const flow = await api('flows.save', {
      document: cancelledThen({ id: 'sms', type: 'sms.send', typeVersion: 1, position: { x: 0, y: 200 }, params: { account: ss.id, text } }, 'Order cancelled: SMS'),
    });
    const step = new SmsStep(page);

    await openApp(page, flowdesk, 'en');
    await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
    await expect(step.card()).toContainText('SpeedSMS brandname');
    await expect(step.card()).not.toContainText('acc_');
    await step.card().click();
    const picker = step.account('SMS account');
    await expect(picker).toHaveValue(ss.id);
    expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.textContent)]))).toEqual([
      ['SMS (eSMS.vn)', ['eSMS CSKH (CUAHANGAN)']],
      ['SMS (SpeedSMS.vn)', ['SpeedSMS brandname (CUAHANGAN)']],
      ['SMS (Twilio)', ['Twilio US']],
    ]);
    await expect(step.count).toContainText('2 SMS · 75/134 characters · Unicode (has Vietnamese accents)');
    await expect(step.count).toContainText('Without accents it would be 1 SMS');
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await step.count.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/sms-step-en-${w}.png` });
    }

    await step.form.getByLabel(/Remove Vietnamese accents/).check();
    await expect(step.count).toContainText('1 SMS · 75/160 characters · GSM-7 (no accents)');
    await expect(step.count).toContainText('Counted without accents, as it will be sent.');

    await step.text('Message').fill('Don {{ order.number }} da huy 🎉');
    await expect(step.count).toContainText(/1 SMS · \d+\/70 characters · Unicode \(because of “🎉”\)/);
    await expect(step.count).toContainText('Counted as it renders for');
    await step.count.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/sms-step-liquid-en-1920.png` });

    await picker.selectOption(tw.id);
    await expect(step.card()).toContainText('Twilio US');

    // Vietnamese, in a page of its own: the English one has unsaved changes.
    const vi = await page.context().newPage();
    const viStep = new SmsStep(vi);
    await openApp(vi, flowdesk, 'vi');
    await vi.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
    await expect(viStep.card()).toContainText('SpeedSMS brandname');
    await viStep.card().click();
    await expect(viStep.count).toContainText('2 tin SMS · 75/134 ký tự · Unicode (có dấu tiếng Việt)');
    for (const [w, h] of sizes) {
      await vi.setViewportSize({ width: w, height: h });
      await viStep.count.scrollIntoViewIfNeeded();
      await vi.screenshot({ path: `${shots}/sms-step-vi-${w}.png` });
    }
    await vi.getByRole('navigation').getByRole('link', { name: /^kết nối$/i }).click();
    const region = vi.getByRole('region', { name: 'Tài khoản kết nối' });
    await region.getByRole('button', { name: 'Thêm tài khoản SMS (Twilio)' }).click();
    const viForm = region.getByRole('form', { name: 'Tài khoản SMS (Twilio) mới' });
    await expect(viForm).toBeVisible();
    for (const [w, h] of sizes) {
      await vi.setViewportSize({ width: w, height: h });
      await viForm.scrollIntoViewIfNeeded();
      await vi.screenshot({ path: `${shots}/twilio-form-vi-${w}.png` });
    }
  });
});
