import type { Locator, Page } from '@playwright/test';
import type { FlowNode } from '../../engine/contract/index.ts';
import { startFakeZalo, type FakeZalo } from '../harness/fake-zalo.ts';
import { createdThen } from '../harness/chat-flows.ts';
import { callEngine } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/zalo';

const api = callEngine;

const shoot = (page: Page, target: Locator, name: string) => shootAt(page, target, shots, name);

const zns = (account: string, sms: string): FlowNode => ({
  id: 'zns',
  type: 'zalo.send_zns',
  typeVersion: 1,
  position: { x: 0, y: 160 },
  params: {
    account,
    templateId: '231785',
    templateData: ['customer_name: {{ order.customer.firstName }}', 'order_code: {{ order.number }}'],
    smsFallback: true,
    fallbackAccount: sms,
    fallbackText: 'Don hang {{ order.number }} da duoc xac nhan',
  },
});
const oa = (account: string): FlowNode => ({
  id: 'oa',
  type: 'zalo.send_oa_message',
  typeVersion: 1,
  position: { x: 0, y: 160 },
  params: { account, kind: 'transaction', header: 'Xác nhận đơn {{ order.number }}', text: 'Đơn {{ order.number }} đã được xác nhận.', table: ['Mã đơn: {{ order.number }}'] },
});

test.describe('Zalo OA account and steps', () => {
  let zalo: FakeZalo;
  test.beforeEach(async () => {
    zalo = await startFakeZalo();
  });
  test.afterEach(async () => {
    await zalo.close();
  });

  test("adding a Zalo OA account; its Test renews the token and names the OA", async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);
    const section = accounts.connector('Zalo OA');
    await section.getByRole('button', { name: 'Add Zalo OA account' }).click();
    const form = section.getByRole('form', { name: 'New Zalo OA account' });
    await form.getByLabel('Account name').fill('OA Cửa hàng An');
    await form.getByLabel('App ID').fill(zalo.appId);
    await form.getByLabel('App secret key').fill(zalo.appSecret);
    await form.getByLabel('OA access token').fill(zalo.tokens.accessToken);
    await form.getByLabel('Refresh token').fill(zalo.tokens.refreshToken);
    await form.getByText('Advanced settings').click();
    await form.getByLabel('Sign-in address (tokens)').fill(zalo.baseUrl);
    await form.getByLabel('OA API address').fill(zalo.baseUrl);
    await form.getByLabel('ZNS API address').fill(zalo.baseUrl);
    await shoot(page, form, 'account-form-en');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(form).toBeHidden();

    const answer = await accounts.test('OA Cửa hàng An');
    await expect(answer).toContainText('It works: signed in');
    await expect(answer).toContainText('OA: Cửa hàng An');
    await expect(answer).toContainText('token renewed, valid until');
    expect(zalo.refreshes()).toHaveLength(1);
    await shoot(page, section, 'account-tested-en');
    // The new pair was stored: opened again, the row shows the renewed refresh token's last characters.
    await page.reload();
    await expect(accounts.row('OA Cửa hàng An')).toContainText('Refresh token ••••0001');
  });

  test('the account form and its Test in Vietnamese', async ({ page, flowdesk }) => {
    await api(flowdesk, 'accounts.create', {
      connector: 'zalo', name: 'OA Cửa hàng An',
      credentials: { appId: zalo.appId, appSecret: zalo.appSecret, accessToken: zalo.tokens.accessToken, refreshToken: zalo.tokens.refreshToken },
      settings: { oauthBaseUrl: zalo.baseUrl, openApiBaseUrl: zalo.baseUrl, businessBaseUrl: zalo.baseUrl },
    });
    await openApp(page, flowdesk, 'vi');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);
    const row = accounts.row('OA Cửa hàng An');
    await row.getByRole('button', { name: 'Kiểm tra OA Cửa hàng An' }).click();
    const answer = row.getByRole('status');
    await expect(answer).toContainText('OA: Cửa hàng An');
    await expect(answer).toContainText('đã gia hạn token');
    const section = accounts.connector('Zalo OA');
    await shoot(page, section, 'account-tested-vi');
    await section.getByRole('button', { name: 'Thêm tài khoản Zalo OA' }).click();
    const form = section.getByRole('form', { name: 'Tài khoản Zalo OA mới' });
    await expect(form.getByLabel('Khóa bí mật của ứng dụng')).toBeVisible();
    await form.getByText('Cài đặt nâng cao').click();
    await shoot(page, form, 'account-form-vi');
  });

  test('the ZNS step (with its SMS fallback) and the OA step, in both languages', async ({ page, flowdesk }) => {
    // Eight screenshots on a shared machine.
    test.setTimeout(180_000);
    const acc = await api(flowdesk, 'accounts.create', {
      connector: 'zalo', name: 'OA Cửa hàng An',
      credentials: { appId: zalo.appId, appSecret: zalo.appSecret, accessToken: zalo.tokens.accessToken, refreshToken: zalo.tokens.refreshToken },
      settings: { oauthBaseUrl: zalo.baseUrl, openApiBaseUrl: zalo.baseUrl, businessBaseUrl: zalo.baseUrl },
    });
    const sms = await api(flowdesk, 'accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: 'k'.repeat(12), secretKey: 's'.repeat(12), brandname: 'CUAHANGAN' } });
    const znsFlow = await api(flowdesk, 'flows.save', { document: createdThen(zns(acc.id, sms.id), 'Zalo ZNS') });
    const oaFlow = await api(flowdesk, 'flows.save', { document: createdThen(oa(acc.id), 'Zalo OA') });
    for (const language of ['en', 'vi'] as const) {
      await openApp(page, flowdesk, language);
      await page.evaluate(`window.location.hash = '#/flows/${znsFlow.id}'`);
      await page.locator('.react-flow__node[data-id="zns"]').click();
      await expect(page.getByRole('combobox', { name: 'Zalo OA' })).toHaveValue(acc.id);
      const fallback = page.getByRole('combobox', { name: language === 'en' ? 'SMS account for the fallback' : 'Tài khoản SMS gửi thay thế' });
      await expect(fallback).toHaveValue(sms.id);
      await shoot(page, page.getByLabel(language === 'en' ? 'ZNS template' : 'Mẫu ZNS'), `zns-form-${language}`);
      await shoot(page, fallback, `zns-fallback-${language}`);

      await page.evaluate(`window.location.hash = '#/flows/${oaFlow.id}'`);
      await page.locator('.react-flow__node[data-id="oa"]').click();
      const kind = page.getByRole('combobox', { name: language === 'en' ? 'Message type' : 'Loại tin' });
      await expect(kind).toHaveValue('transaction');
      await expect(kind.locator('option:checked')).toHaveText(language === 'en' ? 'Transaction (order update)' : 'Tin giao dịch (cập nhật đơn hàng)');
      await shoot(page, kind, `oa-form-${language}`);
    }
  });
});
