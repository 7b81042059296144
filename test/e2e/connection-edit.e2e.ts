import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = 'test-results/connection-edit';

/**
 * Issue 16, "every setting as a form": a saved connection's settings are edited in the same form
 * as a new one's (the Lazada status table, the stock location), its name changed and a secret
 * replaced, without the command line; a secret left blank stays as it was.
 */
test('a saved Lazada connection: its stock location, status table, name and one secret edited in the form (vi)', async ({ page, flowdesk }) => {
  mkdirSync(shots, { recursive: true });
  const api = engineApi(flowdesk);
  const created = await api('connections.create', {
    platform: 'lazada', storeId: 'VN1234567', name: 'Gian hàng Lazada',
    secrets: { appSecret: 'lazada-app-secret', accessToken: 'lazada-access-token-1' }, settings: { appKey: '123456' },
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Kết nối' }).click();
  await page.getByRole('button', { name: 'Sửa kết nối Gian hàng Lazada' }).click();
  const form = page.getByRole('form', { name: /^Sửa kết nối / });
  await expect(form.getByRole('textbox', { name: 'App key (khóa ứng dụng)' })).toHaveValue('123456');

  await form.getByRole('textbox', { name: 'Tên' }).fill('Lazada — kho Hà Nội');
  await form.getByText('Cài đặt khác').click();
  await form.getByRole('textbox', { name: 'Kho lấy hàng' }).fill('Kho Hà Nội');
  const table = form.getByRole('table', { name: 'Trạng thái Lazada → trạng thái cửa hàng' });
  await table.getByRole('textbox', { name: /2$/ }).last().fill('Chờ lấy hàng');
  // One secret replaced; the other left blank is kept.
  const secrets = form.getByRole('group', { name: 'Khóa bí mật' });
  await secrets.locator('input[type="password"]').nth(1).fill('lazada-access-token-2');
  await page.screenshot({ path: `${shots}/lazada-vi-1280x800.png`, fullPage: true });
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã lưu.');

  const saved = (await api('connections.list', {})).find((c: { id: string }) => c.id === created.id);
  expect(saved.name).toBe('Lazada — kho Hà Nội');
  expect(saved.settings).toMatchObject({ appKey: '123456', stockLocation: 'Kho Hà Nội' });
  expect(saved.settings.storeStatuses[1]).toMatchObject({ lazada: 'Ready to ship', storeStatus: 'Chờ lấy hàng' });
  expect(saved.secretHints.appSecret).toBe(created.secretHints.appSecret);
  expect(saved.secretHints.accessToken).not.toBe(created.secretHints.accessToken);
  // The list shows the new name at once.
  await expect(page.getByRole('button', { name: 'Sửa kết nối Lazada — kho Hà Nội' })).toBeVisible();

  // Saving again unchanged says so and sends nothing.
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(form.getByRole('status')).toHaveText('Không có gì thay đổi.');
});
