import type { Page } from '@playwright/test';
import { vipFlow } from '../harness/flows.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { callEngine } from './pages/engine-api.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { InboxPage } from './pages/inbox-page.ts';
import { OrderPage } from './pages/order-page.ts';
import { OrdersPage } from './pages/orders-page.ts';
import { SettingsPage } from './pages/settings-page.ts';

test.use({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });

/** Opens the app in English, whatever the machine's language. */
async function openApp(page: Page, flowdesk: Flowdesk): Promise<void> {
  await page.addInitScript(() => {
    if (!localStorage.getItem('flowdesk.language')) localStorage.setItem('flowdesk.language', 'en');
  });
  await new AppShell(page).open(flowdesk.editorUrl);
}

const api = callEngine;

test('adding a Shopify connection shows the webhook URL to paste, with Copy and the setup steps', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const connections = new ConnectionsPage(page);
  await connections.open();

  const url = await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);
  expect(url).toMatch(new RegExp(`^${flowdesk.webhookBaseUrl}/hooks/con_\\w+$`));
  await expect(connections.setupSteps().getByRole('listitem').first()).toContainText(/Shopify/);

  await connections.copyWebhookUrl().click();
  await expect(connections.created().getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText() as Promise<string>)).toBe(url);

  // Listed under its store, with the secret masked and the same URL.
  const store = connections.store(SHOP_DOMAIN);
  await expect(store.getByRole('cell', { name: url })).toBeVisible();
  await expect(store).toContainText(`••••${SHOPIFY_SECRET.slice(-4)}`);
  await expect(store).not.toContainText(SHOPIFY_SECRET);
});

test('a signed Shopify order appears live in Orders, and its page shows each delivery and its verified signature as they arrive', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const connections = new ConnectionsPage(page);
  await connections.open();
  const url = await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);
  const flow = await api(flowdesk, 'flows.save', { document: vipFlow('100', 'VIP') });
  await api(flowdesk, 'flows.activate', { id: flow.id });

  const orders = new OrdersPage(page);
  await orders.open();
  // Set on this page load only: it is still there at the end if nothing reloaded the page.
  await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));

  const order = sampleOrder();
  const number = String(order['name']);
  expect((await postShopify(url, { topic: 'orders/create', body: JSON.stringify(order) })).status).toBe(200);
  await expect(orders.row(number)).toContainText('jon@example.com');
  await expect(orders.row(number)).toContainText('Pending');

  await orders.openOrder(number);
  const orderPage = new OrderPage(page);
  await expect(orderPage.heading(number)).toBeVisible();
  await expect(orderPage.summary()).toContainText('Shopify');
  await expect(orderPage.summary()).toContainText(SHOP_DOMAIN);
  const created = orderPage.delivery('orders/create');
  await expect(created).toContainText('Signature verified');
  await expect(created).toContainText('X-Shopify-Hmac-Sha256 verified');
  await expect(orderPage.entries('Order recorded')).toHaveCount(1);

  // The flow's run, its steps and the tag it added, live too.
  await expect(orderPage.entries('Tag added')).toContainText('Tag VIP added');
  await expect(orderPage.summary().getByRole('listitem').filter({ hasText: 'VIP' })).toContainText('added by Flowdesk');
  const finished = orderPage.entries('Flow run').filter({ hasText: 'Succeeded' });
  await expect(finished.getByRole('link', { name: 'Open run' })).toHaveAttribute('href', /^#\/runs\/run_\w+$/);
  await expect(orderPage.entries('Step').filter({ hasText: 'Total over threshold' })).toContainText('Done');

  // The raw request, as received.
  await created.getByRole('button', { name: 'Show raw request' }).click();
  await expect(created.getByRole('region', { name: /^Raw request of delivery/ })).toContainText('x-shopify-hmac-sha256');

  const paid = { ...order, financial_status: 'paid', updated_at: new Date(Date.now() + 60_000).toISOString() };
  expect((await postShopify(url, { topic: 'orders/paid', body: JSON.stringify(paid) })).status).toBe(200);
  await expect(orderPage.delivery('orders/paid')).toContainText('Signature verified');
  await expect(orderPage.entries('Status changed')).toContainText('Payment: Pending → Paid');
  await expect(orderPage.summary().getByRole('definition').filter({ hasText: /^Paid$/ })).toBeVisible();

  expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('choosing Tiếng Việt in Settings switches the navigation to Vietnamese', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.engine()).toContainText(flowdesk.webhookBaseUrl);

  await settings.language('Tiếng Việt').check();
  const shell = new AppShell(page);
  for (const name of ['Đơn hàng', 'Hộp thư webhook', 'Luồng tự động', 'Kết nối', 'Cài đặt']) {
    await expect(shell.nav(name)).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await expect(settings.language('Tiếng Việt')).toBeChecked();
});

test('a delivery with a bad signature shows in the Inbox with its reason and raw request', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const connections = new ConnectionsPage(page);
  await connections.open();
  const url = await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);

  const inbox = new InboxPage(page);
  await inbox.open();
  const answer = await postShopify(url, { secret: 'not-the-secret' });
  expect(answer.status).toBe(401);

  const row = inbox.rows('Bad signature');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(String(answer.json['reason']));
  const panel = await inbox.openDelivery(row);
  await expect(panel.getByRole('definition').filter({ hasText: String(answer.json['reason']) })).toBeVisible();
  await expect(panel).toContainText('HTTP 401');
  await expect(panel.getByRole('table', { name: 'Headers' })).toContainText('x-shopify-hmac-sha256');
});

test('removing a connection names the flows it turns off, before and after', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);
  const flow = await api(flowdesk, 'flows.save', {
    document: {
      name: 'Shopify orders only',
      nodes: [{ id: 't', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } }],
      edges: [],
    },
  });
  await api(flowdesk, 'flows.activate', { id: flow.id });

  await connections.removeButton(SHOP_DOMAIN).click();
  const dialog = connections.removeDialog();
  await expect(dialog).toContainText('This active flow needs it and will be turned off');
  await expect(dialog.getByRole('listitem')).toHaveText('Shopify orders only');
  await dialog.getByRole('button', { name: 'Remove connection' }).click();

  await expect(dialog).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: `Removed ${SHOP_DOMAIN}` });
  await expect(notice).toContainText('Turned off this flow');
  await expect(notice.getByRole('link', { name: 'Shopify orders only' })).toBeVisible();
  await expect(connections.store(SHOP_DOMAIN)).toBeHidden();
});

test('Settings shows the data folder against its budget, backs up, and restores with the engine restarting in place', async ({ page, flowdesk }) => {
  const shell = new AppShell(page);
  await shell.open(flowdesk.editorUrl);
  await shell.nav(/settings|cài đặt/i).click();
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage).toContainText(/used of a 2\.00 GB budget/);
  await storage.getByRole('button', { name: 'Back up now' }).click();
  await expect(storage.getByRole('status')).toContainText(/Backed up to flowdesk-\d{8}-\d{6}\.db/);
  const backups = storage.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);

  page.once('dialog', (dialog) => void dialog.accept());
  await backups.getByRole('button', { name: /^Restore flowdesk-/ }).click();
  await expect(storage.getByRole('status')).toContainText('the engine restarts on the backup');
  // The engine comes back on the same address: the page keeps working without a reload.
  await expect.poll(() => flowdesk.output()).toContain('Restarted on the restored database');
  await expect(page.locator('html[data-engine-link="open"]')).toHaveCount(1, { timeout: 15_000 });
  await storage.getByRole('button', { name: 'Refresh' }).click();
  await expect(backups.getByRole('row').filter({ hasText: 'before-restore-' })).toHaveCount(1);
});
