import { mkdirSync } from 'node:fs';
import { startSmtpReceiver, type SmtpReceiver } from '../harness/smtp-receiver.ts';
import { callEngine } from './pages/engine-api.ts';
import { openApp } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';
import { cancelledSmsElseEmail } from '../harness/message-flows.ts';

test.use({ locale: 'en-US' });

const shots = 'test-results/shots/accounts';

const api = callEngine;

test.describe('connector accounts', () => {
  let smtp: SmtpReceiver;
  test.beforeEach(async () => {
    smtp = await startSmtpReceiver();
  });
  test.afterEach(async () => {
    await smtp.close();
  });

  test('adding an SMTP account and pressing Test signs in to a real SMTP server; a wrong password shows its answer', async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);
    await expect(accounts.region()).toBeVisible();
    await expect(accounts.connector('Email (SMTP)').getByText('No account yet.')).toBeVisible();

    await accounts.addSmtp({ name: 'Shop mail', host: '127.0.0.1', port: smtp.port, security: 'None (local relay only)', user: smtp.user, pass: smtp.pass, from: 'Cửa hàng An <shop@example.vn>' });
    const row = accounts.row('Shop mail');
    await expect(row).toContainText(`127.0.0.1:${smtp.port} · ${smtp.user}`);
    await expect(row).toContainText('••••1234');
    await expect(row).not.toContainText(smtp.pass);
    await expect(row).toContainText('Not tested yet');

    const answer = await accounts.test('Shop mail');
    await expect(answer).toContainText('It works: signed in');
    expect(smtp.logins).toEqual([{ user: smtp.user, ok: true }]);

    // Edit: a wrong password; the test then shows what the server said.
    await row.getByRole('button', { name: 'Edit Shop mail' }).click();
    const form = accounts.connector('Email (SMTP)').getByRole('form', { name: 'Edit Shop mail' });
    await expect(form.getByLabel('Password')).toHaveAttribute('placeholder', '••••1234 — leave empty to keep');
    await form.getByLabel('Password').fill('wrong-password');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    const refused = await accounts.test('Shop mail');
    await expect(refused).toContainText('Sign-in refused');
    await expect(refused).toContainText('535 5.7.8 Authentication credentials invalid');

    mkdirSync(shots, { recursive: true });
    for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await accounts.region().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/accounts-en-${w}.png`, fullPage: true });
    }

    // Removing names what uses it (nothing here), after asking.
    await row.getByRole('button', { name: 'Remove Shop mail' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Shop mail?' });
    await expect(dialog).toContainText('No flow uses it.');
    await dialog.getByRole('button', { name: 'Remove account' }).click();
    await expect(accounts.region().getByRole('status').filter({ hasText: 'Removed Shop mail.' })).toBeVisible();
    await expect(accounts.connector('Email (SMTP)').getByText('No account yet.')).toBeVisible();
  });

  test('the section in Vietnamese', async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'vi');
    await new ConnectionsPage(page).open();
    const region = page.getByRole('region', { name: 'Tài khoản kết nối' });
    await region.getByRole('button', { name: 'Thêm tài khoản Email (SMTP)' }).click();
    await expect(region.getByRole('form', { name: 'Tài khoản Email (SMTP) mới' })).toBeVisible();
    mkdirSync(shots, { recursive: true });
    for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await region.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/accounts-vi-${w}.png`, fullPage: true });
    }
  });

  test("an SMS step's form picks its account by name and links to the accounts", async ({ page, flowdesk }) => {
    const sms = await api(flowdesk, 'accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: 'k-0001', secretKey: 's-0002', brandname: 'CUAHANGAN' } });
    const mail = await api(flowdesk, 'accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: '127.0.0.1', port: smtp.port, security: 'none' } });
    const flow = await api(flowdesk, 'flows.save', { document: cancelledSmsElseEmail(sms.id, mail.id) });
    for (const language of ['en', 'vi'] as const) {
      await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
      // A fresh load, so that the language chosen applies (the editor's URL differs from this page's by its hash only).
      await page.goto('about:blank');
      await new AppShell(page).open(flowdesk.editorUrl);
      await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
      // The step by its id: its accessible name is in the page's language.
      await page.locator('.react-flow__node[data-id="sms"]').click();
      const picker = page.getByRole('combobox', { name: language === 'en' ? 'eSMS account' : /eSMS/ });
      await expect(picker).toHaveValue(sms.id);
      await expect(picker.locator('option:checked')).toHaveText('eSMS CSKH (CUAHANGAN)');
      await expect(page.getByRole('link', { name: language === 'en' ? 'Manage accounts in Connections' : 'Quản lý tài khoản trong trang Kết nối' })).toBeVisible();
      mkdirSync(shots, { recursive: true });
      for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: `${shots}/sms-form-${language}-${w}.png` });
      }
    }
  });
});
