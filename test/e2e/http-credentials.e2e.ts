import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = 'test-results/http-credentials';

/**
 * Issue 16, "secrets in plain sight": the HTTP step takes its credentials from an account made
 * on the Connections page (a bearer token kept encrypted) instead of a raw header; the account
 * form and the step's picker in Vietnamese at 1280×800; the token never shows again.
 */
test('an HTTP credentials account is made in the form and chosen in the HTTP step (vi)', async ({ page, flowdesk }) => {
  mkdirSync(shots, { recursive: true });
  const api = engineApi(flowdesk);
  const flow = await api('flows.save', {
    document: {
      name: 'Báo kho',
      nodes: [
        { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
        { id: 'post', type: 'http.request', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Gửi sang kho', params: { method: 'POST', url: 'https://kho.example.vn/api/orders', headers: [], body: '{}' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'post', targetPort: 'in' }],
    },
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
  const shell = new AppShell(page);
  await shell.open(flowdesk.editorUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Kết nối' }).click();
  const region = page.getByRole('region', { name: 'Tài khoản kết nối' });
  await region.getByRole('button', { name: 'Thêm tài khoản Thông tin xác thực HTTP' }).click();
  const form = region.getByRole('form', { name: 'Tài khoản Thông tin xác thực HTTP mới' });
  await form.getByLabel('Tên tài khoản').fill('API kho');
  await form.getByLabel('Kiểu xác thực').selectOption({ label: 'Bearer token' });
  await form.getByLabel('Token', { exact: true }).fill('sk_live_kho_0123456789');
  await form.getByText('Cài đặt nâng cao').click();
  await form.getByLabel('Chỉ cho địa chỉ bắt đầu bằng').fill('https://kho.example.vn/');
  await page.screenshot({ path: `${shots}/account-form-vi-1280x800.png`, fullPage: true });
  await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await expect(form).toBeHidden();
  await expect(region.getByRole('row').filter({ hasText: 'API kho' })).toBeVisible();
  await expect(region).not.toContainText('sk_live_kho_0123456789');

  const account = (await api('accounts.list', { connector: 'http_auth' }))[0] as { id: string };
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, `#/flows/${encodeURIComponent(flow.id)}`);
  await page.getByRole('application').getByRole('group', { name: /: Gửi sang kho$/ }).click();
  const picker = page.getByRole('combobox', { name: 'Thông tin xác thực' });
  await expect(picker.getByRole('option', { name: 'Không dùng' })).toHaveCount(1);
  await picker.selectOption({ label: 'API kho' });
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await api('flows.get', { id: flow.id })).document.nodes.find((n: { id: string }) => n.id === 'post').params.account).toBe(account.id);
  await page.screenshot({ path: `${shots}/http-step-vi-1280x800.png`, fullPage: true });
  // The token is nowhere on the page, nor in the saved flow.
  await expect(page.locator('body')).not.toContainText('sk_live_kho_0123456789');
  expect(JSON.stringify(await api('flows.export', { id: flow.id }))).not.toContain('sk_live_kho_0123456789');
});
