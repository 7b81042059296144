import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { callEngine } from './pages/engine-api.ts';
import { openApp } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { ConnectionsPage } from './pages/connections-page.ts';

test.use({ locale: 'en-US' });

const shots = '/tmp/fd/shots/connection-settings';

/** The store status mapping as the table shows it, row by row. */
async function tableRows(table: Locator): Promise<{ lazada: string; statuses: string[]; storeStatus: string }[]> {
  const rows = table.getByRole('row');
  const out = [];
  for (let i = 1; i < (await rows.count()); i++) {
    const boxes = rows.nth(i).getByRole('textbox');
    const [lazada, codes, storeStatus] = await Promise.all([0, 1, 2].map((n) => boxes.nth(n).inputValue()));
    out.push({ lazada: lazada!, statuses: codes!.split(',').map((s: string) => s.trim()), storeStatus: storeStatus! });
  }
  return out;
}

async function shoot(page: Page, target: Locator, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
}

test('Lazada’s app key is asked for up front with its help, the status mapping is a table with a reset, and the connection keeps what the form showed', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'en');
  const connections = new ConnectionsPage(page);
  await connections.open();
  const form = await connections.openForm();
  await form.getByLabel('Platform', { exact: true }).selectOption({ label: 'Lazada' });

  // The app key, outside any "advanced" section, with what it is for.
  const upFront = form.getByRole('group', { name: 'From your Lazada account' });
  const appKey = upFront.getByRole('textbox', { name: 'App key' });
  await expect(appKey).toBeVisible();
  await expect(appKey).toHaveAccessibleDescription(/Lazada Open Platform app key: part of every push signature/);
  await expect(form.getByText('Advanced settings (JSON)')).toHaveCount(0);

  await form.getByLabel(/seller id/i).fill('VN1234567');
  await form.getByLabel(/app secret/i).fill('lazada-app-secret');
  await form.getByLabel(/seller access token/i).fill('lazada-access-token');
  await appKey.fill('123456');

  // The mapping, with seed 002's rows; an edit and a removal, then back to the defaults.
  await form.getByText('More settings').click();
  const table = form.getByRole('table', { name: 'Lazada → store status' });
  await expect(table.getByRole('row')).toHaveCount(6);
  const firstStatus = table.getByRole('textbox', { name: 'Store status 1' });
  await expect(firstStatus).toHaveValue('Chưa giao hàng');
  await firstStatus.fill('Chờ xác nhận');
  await table.getByRole('textbox', { name: 'Lazada status codes 1' }).fill('pending, packed');
  await form.getByRole('button', { name: 'Remove row 5' }).click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await form.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(firstStatus).toHaveValue('Chưa giao hàng');
  await expect(table.getByRole('textbox', { name: 'Lazada status codes 1' })).toHaveValue('pending, packed, repacked, topack');

  // One edit kept, and a row added: what is saved is what the table shows.
  await table.getByRole('textbox', { name: 'Store status 2' }).fill('Chờ lấy hàng');
  await form.getByRole('button', { name: 'Add row' }).click();
  await table.getByRole('textbox', { name: 'Lazada status 6' }).fill('Returned');
  await table.getByRole('textbox', { name: 'Lazada status codes 6' }).fill('returned, returning');
  await table.getByRole('textbox', { name: 'Store status 6' }).fill('Hoàn hàng');
  const shown = await tableRows(table);
  expect(shown[1]).toEqual({ lazada: 'Ready to ship', statuses: ['ready_to_ship', 'ready_to_ship_pending', 'toship'], storeStatus: 'Chờ lấy hàng' });
  await shoot(page, form, 'lazada-en');

  await form.getByRole('button', { name: 'Add connection' }).click();
  await connections.createdWebhookUrl();

  const saved = ((await callEngine(flowdesk, 'connections.list')) as { platform: string; settings: Record<string, unknown> }[]).find((c) => c.platform === 'lazada');
  expect(saved?.settings).toMatchObject({ appKey: '123456', apiBaseUrl: 'https://api.lazada.vn/rest', salesChannel: 'Lazada', storeStatuses: shown });
});

test('in Vietnamese the Lazada settings read in Vietnamese, and KiotViet’s signature lock is a list to pick from', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'vi');
  await page.getByRole('navigation').getByRole('link', { name: 'Kết nối' }).click();
  const form = page.getByRole('form', { name: 'Kết nối mới' });
  const add = page.getByRole('button', { name: 'Thêm kết nối' }).first();
  await expect(form.or(add).first()).toBeVisible();
  if (!(await form.isVisible())) await add.click();
  await form.getByLabel('Nền tảng', { exact: true }).selectOption({ label: 'Lazada' });

  const appKey = form.getByRole('group', { name: 'Thông tin từ tài khoản Lazada của bạn' }).getByRole('textbox', { name: 'App key (khóa ứng dụng)' });
  await expect(appKey).toHaveAccessibleDescription(/Thiếu nó, Flowdesk sẽ từ chối mọi thông báo từ Lazada/);
  await form.getByText('Cài đặt khác').click();
  const table = form.getByRole('table', { name: 'Trạng thái Lazada → trạng thái cửa hàng' });
  await expect(table.getByRole('columnheader', { name: 'Trạng thái cửa hàng' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Khôi phục mặc định' })).toBeVisible();
  await shoot(page, form, 'lazada-vi');

  await form.getByLabel('Nền tảng', { exact: true }).selectOption({ label: 'KiotViet' });
  await form.getByText('Cài đặt khác').click();
  const lock = form.getByRole('combobox', { name: 'Khóa kiểu chữ ký' });
  await expect(lock).toHaveValue('');
  await expect(lock.getByRole('option')).toHaveCount(9);
  await shoot(page, form, 'kiotviet-vi');
});
