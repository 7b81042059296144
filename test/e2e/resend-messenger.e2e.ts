import type { Locator, Page } from '@playwright/test';
import { startFakeResend, type FakeResend } from '../harness/fake-resend.ts';
import { MESSENGER_PAGE, messengerNode, startFakeMessenger, type FakeMessenger } from '../harness/fake-messenger.ts';
import { cancelledThen, emailNode } from '../harness/message-flows.ts';
import { callEngine } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/resend-messenger';

const api = callEngine;

const shoot = (page: Page, target: Locator, name: string) => shootAt(page, target, shots, name);

/** Opens a connector's "add account" form and fills the name, as a user does. */
async function newAccount(accounts: AccountsSection, connector: string, name: string, words: { add: string; form: string; name: string }): Promise<Locator> {
  const section = accounts.connector(connector);
  await section.getByRole('button', { name: words.add }).click();
  const form = section.getByRole('form', { name: words.form });
  await expect(form).toBeVisible();
  await form.getByLabel(words.name).fill(name);
  return form;
}

test.describe('Resend and Messenger accounts and steps', () => {
  let resend: FakeResend;
  let messenger: FakeMessenger;
  test.beforeEach(async () => {
    resend = await startFakeResend();
    messenger = await startFakeMessenger();
  });
  test.afterEach(async () => {
    await resend.close();
    await messenger.close();
  });

  test("a Resend account's Test names its verified domains and warns about the sender's; a Facebook page's names the page", async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);

    const rs = await newAccount(accounts, 'Email (Resend)', 'Shop Resend', { add: 'Add Email (Resend) account', form: 'New Email (Resend) account', name: 'Account name' });
    await rs.getByLabel('API key').fill(resend.apiKey);
    await rs.getByLabel('Default sender').fill('An’s shop <shop@news.example.vn>');
    await rs.getByText('Advanced settings').click();
    await rs.getByLabel('API address').fill(resend.baseUrl);
    await rs.getByRole('button', { name: 'Add account' }).click();
    await expect(rs).toBeHidden();
    await expect(accounts.row('Shop Resend')).toContainText(`••••${resend.apiKey.slice(-4)}`);
    const domains = await accounts.test('Shop Resend');
    await expect(domains).toContainText('It works: signed in');
    await expect(domains).toContainText('Verified domains: example.vn');
    await expect(domains).toContainText('The default sender’s domain news.example.vn is not verified');
    await shoot(page, accounts.connector('Email (Resend)'), 'accounts-resend-en');

    const fb = await newAccount(accounts, 'Facebook Messenger', 'Shop page', { add: 'Add Facebook Messenger account', form: 'New Facebook Messenger account', name: 'Account name' });
    await fb.getByLabel('Page ID').fill(MESSENGER_PAGE.id);
    await fb.getByLabel('Page access token').fill(messenger.token);
    await fb.getByText('Advanced settings').click();
    await expect(fb.getByLabel('Graph API version')).toHaveValue('v21.0');
    await fb.getByLabel('Graph API address').fill(messenger.baseUrl);
    await shoot(page, fb, 'accounts-messenger-form-en');
    await fb.getByRole('button', { name: 'Add account' }).click();
    await expect(fb).toBeHidden();
    const pageTest = await accounts.test('Shop page');
    await expect(pageTest).toContainText('It works: signed in');
    await expect(pageTest).toContainText('Page: Cửa hàng An');
    await shoot(page, accounts.connector('Facebook Messenger'), 'accounts-messenger-en');
    expect(resend.sent).toEqual([]);
    expect(messenger.sent).toEqual([]);
  });

  test('the accounts and their answers in Vietnamese', async ({ page, flowdesk }) => {
    await api(flowdesk, 'accounts.create', { connector: 'resend', name: 'Resend cửa hàng', credentials: { apiKey: resend.apiKey, from: 'Cửa hàng An <shop@example.vn>' }, settings: { baseUrl: resend.baseUrl } });
    await api(flowdesk, 'accounts.create', { connector: 'messenger', name: 'Trang Cửa hàng An', credentials: { pageId: MESSENGER_PAGE.id, pageAccessToken: messenger.userToken }, settings: { baseUrl: messenger.baseUrl } });
    await openApp(page, flowdesk, 'vi');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);

    const rsRow = accounts.row('Resend cửa hàng');
    await rsRow.getByRole('button', { name: 'Kiểm tra Resend cửa hàng' }).click();
    await expect(rsRow.getByRole('status')).toContainText('Hoạt động tốt: đã đăng nhập');
    await expect(rsRow.getByRole('status')).toContainText('Tên miền đã xác minh: example.vn');
    await expect(rsRow.getByRole('status')).toContainText('Chưa xác minh: news.example.vn (pending)');
    await shoot(page, accounts.connector('Email (Resend)'), 'accounts-resend-vi');

    // A person's token, not the page's: the Test says so.
    const fbRow = accounts.row('Trang Cửa hàng An');
    await fbRow.getByRole('button', { name: 'Kiểm tra Trang Cửa hàng An' }).click();
    await expect(fbRow.getByRole('status')).toContainText('Nhà cung cấp từ chối');
    await expect(fbRow.getByRole('status')).toContainText('Trang: Nguyễn Văn An');
    await expect(fbRow.getByRole('status')).toContainText(`Mã truy cập này không phải của trang ${MESSENGER_PAGE.id}`);
    await shoot(page, accounts.connector('Facebook Messenger'), 'accounts-messenger-vi');

    const form = await newAccount(accounts, 'Facebook Messenger', 'Trang mới', { add: 'Thêm tài khoản Facebook Messenger', form: 'Tài khoản Facebook Messenger mới', name: 'Tên tài khoản' });
    await expect(form.getByLabel('ID trang')).toBeVisible();
    await expect(form.getByLabel('Mã truy cập trang')).toBeVisible();
    await shoot(page, form, 'accounts-messenger-form-vi');
  });

  for (const language of ['en', 'vi'] as const) {
    test(`the email step lists SMTP and Resend accounts together; the Messenger step's form (${language})`, async ({ page, flowdesk }) => {
      const en = language === 'en';
      const smtp = await api(flowdesk, 'accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: '127.0.0.1', port: 2525, security: 'none', from: 'shop@example.vn' } });
      const rs = await api(flowdesk, 'accounts.create', { connector: 'resend', name: 'Resend cửa hàng', credentials: { apiKey: resend.apiKey, from: 'shop@example.vn' }, settings: { baseUrl: resend.baseUrl } });
      const fb = await api(flowdesk, 'accounts.create', { connector: 'messenger', name: 'Trang Cửa hàng An', credentials: { pageId: MESSENGER_PAGE.id, pageAccessToken: messenger.token }, settings: { baseUrl: messenger.baseUrl } });
      const email = await api(flowdesk, 'flows.save', { document: cancelledThen(emailNode(rs.id), 'Cancelled: email') });
      const chat = await api(flowdesk, 'flows.save', { document: cancelledThen(messengerNode(fb.id, { messagingType: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' }), 'Cancelled: Messenger') });
      await openApp(page, flowdesk, language);
      await page.evaluate(`window.location.hash = '#/flows/${email.id}'`);
      await page.locator('.react-flow__node[data-id="email"]').click();
      const picker = page.getByRole('combobox', { name: en ? 'Email account' : 'Tài khoản email' });
      await expect(picker).toHaveValue(rs.id);
      await expect(picker.locator('optgroup').nth(0)).toHaveAttribute('label', 'Email (SMTP)');
      await expect(picker.locator('optgroup').nth(1)).toHaveAttribute('label', 'Email (Resend)');
      await expect(picker.locator('option', { hasText: 'Shop mail' })).toHaveAttribute('value', smtp.id);
      await shoot(page, picker, `email-form-${language}`);

      await page.evaluate(`window.location.hash = '#/flows/${chat.id}'`);
      await page.locator('.react-flow__node[data-id="messenger"]').click();
      await expect(page.getByRole('combobox', { name: en ? 'Facebook page' : 'Trang Facebook' })).toHaveValue(fb.id);
      const when = page.getByRole('combobox', { name: en ? 'When it may be sent' : 'Khi nào được gửi' });
      await expect(when).toHaveValue('MESSAGE_TAG');
      await expect(when.locator('option:checked')).toHaveText(en ? 'Any time, with a message tag (no promotions)' : 'Bất cứ lúc nào, kèm thẻ tin nhắn (không quảng cáo)');
      const tag = page.getByRole('combobox', { name: en ? 'Message tag' : 'Thẻ tin nhắn' });
      await expect(tag.locator('option:checked')).toHaveText(en ? 'Order update (confirmation, shipping, delivery)' : 'Cập nhật đơn hàng (xác nhận, vận chuyển, giao hàng)');
      await shoot(page, when, `messenger-form-${language}`);
    });
  }
});
