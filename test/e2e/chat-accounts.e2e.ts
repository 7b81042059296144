import type { Locator, Page } from '@playwright/test';
import { startFakeTelegram, type FakeTelegram } from '../harness/fake-telegram.ts';
import { startFakeSlack, type FakeSlack } from '../harness/fake-slack.ts';
import { createdThen, telegramNode } from '../harness/chat-flows.ts';
import { callEngine } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/chat-accounts';

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

test.describe('Telegram and Slack accounts', () => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  test.beforeEach(async () => {
    telegram = await startFakeTelegram();
    slack = await startFakeSlack();
  });
  test.afterEach(async () => {
    await telegram.close();
    await slack.close();
  });

  test("a Telegram bot's Test shows its name; a Slack webhook's Test says plainly it was not tested", async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);

    const tg = await newAccount(accounts, 'Telegram bot', 'Shop bot', { add: 'Add Telegram bot account', form: 'New Telegram bot account', name: 'Account name' });
    await tg.getByLabel('Bot token').fill(telegram.token);
    await tg.getByText('Advanced settings').click();
    await tg.getByLabel('API address').fill(telegram.baseUrl);
    await tg.getByRole('button', { name: 'Add account' }).click();
    await expect(tg).toBeHidden();
    await expect(accounts.row('Shop bot')).toContainText(`••••${telegram.token.slice(-4)}`);
    const bot = await accounts.test('Shop bot');
    await expect(bot).toContainText('It works: signed in');
    await expect(bot).toContainText('Bot: Cửa hàng An');
    await expect(bot).toContainText('@cuahangan_bot');

    const hook = await newAccount(accounts, 'Slack', 'Team channel', { add: 'Add Slack account', form: 'New Slack account', name: 'Account name' });
    await hook.getByLabel('Incoming webhook URL').fill(slack.webhookUrl);
    await hook.getByRole('button', { name: 'Add account' }).click();
    await expect(hook).toBeHidden();
    const unchecked = await accounts.test('Team channel');
    await expect(unchecked).toContainText('Slack offers no way to test an incoming webhook without posting a message');
    expect(slack.posted).toEqual([]);
    await shoot(page, accounts.connector('Slack'), 'accounts-en');
  });

  test('the forms and answers in Vietnamese', async ({ page, flowdesk }) => {
    await api(flowdesk, 'accounts.create', { connector: 'slack', name: 'Kênh đơn hàng', credentials: { webhookUrl: slack.webhookUrl, botToken: slack.token }, settings: { baseUrl: slack.apiUrl } });
    await openApp(page, flowdesk, 'vi');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);
    const row = accounts.row('Kênh đơn hàng');
    await row.getByRole('button', { name: 'Kiểm tra Kênh đơn hàng' }).click();
    const answer = row.getByRole('status');
    await expect(answer).toContainText('Hoạt động tốt: đã đăng nhập');
    await expect(answer).toContainText('Không gian làm việc: Cửa hàng An');
    await expect(answer).toContainText('chỉ kiểm tra địa chỉ');
    await shoot(page, accounts.connector('Slack'), 'accounts-slack-vi');

    const form = await newAccount(accounts, 'Bot Telegram', 'Bot cửa hàng', { add: 'Thêm tài khoản Bot Telegram', form: 'Tài khoản Bot Telegram mới', name: 'Tên tài khoản' });
    await expect(form.getByLabel('Token của bot')).toBeVisible();
    await shoot(page, form, 'accounts-vi');
  });

  test("a Telegram step's form, in both languages", async ({ page, flowdesk }) => {
    const acc = await api(flowdesk, 'accounts.create', { connector: 'telegram', name: 'Bot cửa hàng', credentials: { botToken: telegram.token }, settings: { baseUrl: telegram.baseUrl } });
    const flow = await api(flowdesk, 'flows.save', { document: createdThen(telegramNode(acc.id, { parseMode: 'HTML', text: '<b>Đơn mới</b> {{ order.number }}: {{ order.totalPrice | money }}' })) });
    for (const language of ['en', 'vi'] as const) {
      await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
      await page.goto('about:blank');
      await new AppShell(page).open(flowdesk.editorUrl);
      await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
      await page.locator('.react-flow__node[data-id="telegram"]').click();
      const picker = page.getByRole('combobox', { name: language === 'en' ? 'Telegram bot' : 'Bot Telegram' });
      await expect(picker).toHaveValue(acc.id);
      const formatting = page.getByRole('combobox', { name: language === 'en' ? 'Formatting' : 'Định dạng' });
      await expect(formatting).toHaveValue('HTML');
      await expect(formatting.locator('option:checked')).toHaveText('HTML');
      await shoot(page, formatting, `telegram-form-${language}`);
    }
  });
});
