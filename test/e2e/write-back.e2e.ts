import { callEngine } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { ApiAccess, StepPalette } from './pages/api-access.ts';
import { ConnectionsPage } from './pages/connections-page.ts';

const shots = '/tmp/shots13';
const SHOP = 'wb-test.myshopify.com';

test('Shopify’s admin token is asked for only with write-back on, and what was saved is what the panel shows after a reload', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'en');
  const connections = new ConnectionsPage(page);
  const api = new ApiAccess(page, 'en');
  await connections.open();
  const form = await connections.openForm();
  await form.getByLabel('Platform', { exact: true }).selectOption({ label: 'Shopify' });
  await form.getByLabel(/shop domain/i).fill(SHOP);
  await form.getByLabel(/client secret/i).fill('shopify-webhook-secret');

  const section = await api.openInForm(form);
  const writeBack = api.writeBack(section, 'Shopify');
  await expect(writeBack).not.toBeChecked();
  await expect(api.shopifyToken(section)).toHaveCount(0);
  // What Shopify can do, before anything is on.
  await expect(section.getByRole('list', { name: 'Shopify write-back actions' })).toContainText('Cancel the order');

  await writeBack.check();
  const token = api.shopifyToken(section);
  await expect(token).toBeVisible();
  await expect(token).toHaveAttribute('required', '');
  await token.fill('shpat_e2e_secret_token');
  await shootAt(page, section, shots, 'api-access-form-en');

  await form.getByRole('button', { name: 'Add connection' }).click();
  await connections.createdWebhookUrl();
  const saved = ((await callEngine(flowdesk, 'connections.list')) as { storeId: string; api: { writeBack: boolean }; secretHints: Record<string, string> }[]).find((c) => c.storeId === SHOP);
  expect(saved?.api.writeBack).toBe(true);
  expect(saved?.secretHints['adminToken']).toMatch(/••••/);

  // Kept after a reload; the stored token is not asked for again, and it can be reconciled.
  await page.reload();
  await connections.open();
  await expect(connections.store(SHOP)).toContainText('write-back');
  const panel = await api.openFor(SHOP);
  await expect(api.writeBack(panel, 'Shopify')).toBeChecked();
  await expect(api.shopifyToken(panel)).not.toHaveAttribute('required', '');
  await expect(api.shopifyToken(panel)).toHaveAttribute('placeholder', /Stored \(••••/);
  await expect(panel).not.toContainText('shpat_e2e_secret_token');
  await expect(api.reconcileNow(panel)).toBeVisible();
  await shootAt(page, panel, shots, 'api-access-panel-en');

  // Turning reconciliation on from the panel is saved with the connection.
  await panel.getByRole('checkbox', { name: 'Reconcile missed orders' }).check();
  await expect(panel.getByRole('spinbutton', { name: 'Reconcile every (minutes)' })).toHaveAttribute('placeholder', '60');
  await api.save(panel).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const updated = ((await callEngine(flowdesk, 'connections.get', { id: (await callEngine(flowdesk, 'connections.list'))[0].id })) as { api: { reconcile: boolean; writeBack: boolean } }).api;
  expect(updated).toMatchObject({ reconcile: true, writeBack: true });
});

test('LadiSales says it has no API, with no toggles; the same in Vietnamese', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'en');
  const connections = new ConnectionsPage(page);
  const api = new ApiAccess(page, 'en');
  await connections.open();
  const form = await connections.openForm();
  await form.getByLabel('Platform', { exact: true }).selectOption({ label: 'LadiSales' });
  const section = await api.openInForm(form);
  await expect(api.note(section)).toContainText('LadiSales has no public API to change or list orders');
  await expect(api.toggles(section)).toHaveCount(0);
  await shootAt(page, section, shots, 'api-access-ladisales-en');

  await openApp(page, flowdesk, 'vi');
  const vi = new ApiAccess(page, 'vi');
  await connections.open();
  const viForm = page.getByRole('form', { name: 'Kết nối mới' });
  await expect(viForm).toBeVisible();
  await viForm.getByLabel('Nền tảng', { exact: true }).selectOption({ label: 'LadiSales' });
  const viSection = await vi.openInForm(viForm);
  await expect(vi.note(viSection)).toContainText('LadiSales không có API công khai');
  await expect(vi.toggles(viSection)).toHaveCount(0);
  await shootAt(page, viSection, shots, 'api-access-ladisales-vi');

  await viForm.getByLabel('Nền tảng', { exact: true }).selectOption({ label: 'Shopify' });
  const shopify = await vi.openInForm(viForm);
  await vi.writeBack(shopify, 'Shopify').check();
  await shopify.getByRole('checkbox', { name: 'Đối soát đơn bị lỡ' }).check();
  await shopify.getByRole('radio', { name: /^Thăm dò/ }).check();
  await expect(vi.shopifyToken(shopify)).toBeVisible();
  await expect(shopify.getByRole('list', { name: 'Các thao tác ghi ngược trên Shopify' })).toContainText('Hủy đơn hàng');
  await shootAt(page, shopify, shots, 'api-access-form-vi');
});

test('a saved connection’s API access panel in Vietnamese, with “Đối soát ngay”', async ({ page, flowdesk }) => {
  await callEngine(flowdesk, 'connections.create', {
    platform: 'shopify',
    storeId: SHOP,
    secrets: { webhookSecret: 'w', adminToken: 'shpat_e2e_secret_token' },
    api: { writeBack: true, reconcile: true, reconcileEveryMinutes: 30 },
  });
  await openApp(page, flowdesk, 'vi');
  await new ConnectionsPage(page).open();
  const vi = new ApiAccess(page, 'vi');
  await expect(page.getByRole('table')).toContainText('ghi ngược · đối soát mỗi 30 phút');
  const panel = await vi.openFor(SHOP);
  await expect(vi.writeBack(panel, 'Shopify')).toBeChecked();
  await expect(vi.reconcileNow(panel)).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Đối soát' })).toBeVisible();
  await shootAt(page, panel, shots, 'api-access-panel-vi');
});

test('the palette says which platforms each store step works on, in Vietnamese', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'vi');
  const palette = new StepPalette(page, 'vi');
  await palette.openNewFlow();
  const cancel = palette.item('Hủy đơn hàng');
  await expect(cancel).toHaveAccessibleDescription(/Làm được trên Shopify, Haravan, WooCommerce, KiotViet, Lazada \(cách khác\)/);
  await expect(cancel).toHaveAttribute('title', /Sapo GO, LadiSales: không có API ghi/);
  await expect(palette.item('Gắn thẻ đơn hàng')).toHaveAccessibleDescription(/Ghi cả lên Shopify, Haravan, Sapo \(cách khác\), WooCommerce \(cách khác\) khi bật ghi ngược/);
  await palette.search('tag');
  await shootAt(page, palette.root, shots, 'palette-vi');
});
