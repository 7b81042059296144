import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { vipFlow } from '../harness/flows.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = 'test-results/customer-page';
const EMAIL = 'lan.nguyen@example.vn';

/** The timeline's entries, and the filter bar above it. */
const timelineItems = (page: Page) => page.getByRole('list', { name: /Order timeline|Lịch sử đơn hàng/ }).getByRole('listitem').filter({ has: page.locator('.timeline-marker') });
const filterBar = (page: Page) => page.getByRole('group', { name: /Show on the timeline|Hiển thị trên dòng thời gian/ });

let esms: FakeEsms | undefined;
test.afterEach(async () => {
  await esms?.close();
  esms = undefined;
});

/**
 * Seeds 000/001: one customer across platforms. The same email orders on Shopify and on
 * Haravan; the customers list finds them once, their page lists both orders and joins both
 * timelines, and the filter bar narrows the timeline to one kind.
 */
test('one customer for the same email on two platforms, with both orders and a timeline filtered by kind', async ({ page, flowdesk }) => {
  mkdirSync(shots, { recursive: true });
  const api = engineApi(flowdesk);
  const shopifyHook = (await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl as string;
  const haravanHook = (await api('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET })).webhookUrl as string;
  const flow = await api('flows.save', { document: vipFlow() });
  await api('flows.activate', { id: flow.id });
  // Seed 000: a cancelled order texts the customer; the customer page lists the message.
  esms = await startFakeEsms();
  const account = await api('accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl } });
  const sms = await api('flows.save', { document: cancelledThen(smsNode(account.id)) });
  await api('flows.activate', { id: sms.id });
  expect((await postShopify(shopifyHook, { body: JSON.stringify(sampleOrder({ email: EMAIL })) })).status).toBe(200);
  expect(await postHaravanCancelled(haravanHook, cancelledOrder({ id: 8101, number: '#HRV8101', phone: '0912345678', email: EMAIL }))).toBe(200);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'en'));
  const shell = new AppShell(page);
  await shell.open(flowdesk.editorUrl);
  await shell.nav('Customers').click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill('lan.nguyen');
  const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and one customer
  await expect(rows.nth(1)).toContainText(EMAIL);
  await page.screenshot({ path: `${shots}/list-en-1920x1080.png` });
  await rows.nth(1).getByRole('link').click();

  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem')).toHaveText([/SMS.*Done.*0912345678.*#HRV8101/]);
  await expect(orders.getByRole('row')).toHaveCount(3);
  await expect(orders.getByRole('row', { name: /#9999/ })).toContainText('Shopify');
  await expect(orders.getByRole('row', { name: /#HRV8101/ })).toContainText('Haravan');

  // Both orders' timelines, joined: each entry names its order.
  const all = timelineItems(page);
  await expect(all.filter({ hasText: '#HRV8101' }).first()).toBeVisible();
  await expect(all.filter({ hasText: '#9999' }).first()).toBeVisible();
  const total = await all.count();
  const deliveriesButton = filterBar(page).getByRole('button', { name: /^Deliveries/ });
  await expect(deliveriesButton).toContainText('2');
  await page.screenshot({ path: `${shots}/customer-en-1920x1080.png`, fullPage: true });

  await deliveriesButton.click();
  await expect(deliveriesButton).toHaveAttribute('aria-pressed', 'true');
  await expect(all).toHaveCount(2);
  expect(total).toBeGreaterThan(2);
  for (const kind of await all.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))) expect(kind).toBe('delivery');
  await filterBar(page).getByRole('button', { name: /^Runs & steps/ }).click();
  await expect(all.first()).toHaveAttribute('data-kind', /^(run|step)$/);
  for (const kind of await all.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))) expect(['run', 'step']).toContain(kind);

  // The order page has the same filter bar, and its customer card leads back to this page.
  await orders.getByRole('link', { name: '#9999' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Order #9999' })).toBeVisible();
  await expect(filterBar(page).getByRole('button', { name: /^All/ })).toHaveAttribute('aria-pressed', 'true');
  await filterBar(page).getByRole('button', { name: /^Deliveries/ }).click();
  await expect(timelineItems(page)).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/order-en-1280x800.png` });
  await page.getByRole('link', { name: "Open the customer's page" }).click();
  await expect(orders.getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/customer-en-1280x800.png`, fullPage: true });

  // The same in Vietnamese.
  await page.evaluate(() => localStorage.setItem('flowdesk.language', 'vi'));
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
  await page.reload();
  const ordersVi = page.getByRole('table', { name: 'Đơn hàng' });
  await expect(ordersVi.getByRole('row')).toHaveCount(3);
  await expect(filterBar(page).getByRole('button', { name: /^Webhook nhận được/ })).toContainText('2');
  await page.screenshot({ path: `${shots}/customer-vi-1280x800.png`, fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await filterBar(page).getByRole('button', { name: /^Webhook nhận được/ }).click();
  await expect(timelineItems(page)).toHaveCount(2);
  await page.screenshot({ path: `${shots}/customer-vi-1920x1080.png`, fullPage: true });
  await page.getByRole('link', { name: 'Tất cả khách hàng' }).click();
  await expect(page.getByRole('table', { name: 'Khách hàng' }).getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/list-vi-1920x1080.png` });
});
