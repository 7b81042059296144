import type { Page } from '@playwright/test';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { OrdersPage } from './pages/orders-page.ts';

/** Five Shopify orders a shop owner would tell apart: waiting, paid, shipped, and two cancelled. */
async function seedOrders(flowdesk: Flowdesk): Promise<void> {
  const api = engineApi(flowdesk);
  const connection = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET, name: 'Cửa hàng Hà Nội — chi nhánh Cầu Giấy' });
  const post = (id: number, o: Record<string, unknown>) =>
    postShopify(connection.webhookUrl, { body: JSON.stringify(sampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}`, order_number: id, ...o })) });
  const day = (d: number) => `2026-03-0${d}T09:00:00+07:00`;
  for (const [id, o] of [
    [7001, { financial_status: 'pending', created_at: day(1), tags: 'cod' }],
    [7002, { financial_status: 'paid', created_at: day(2), tags: 'VIP, khách quen lâu năm' }],
    [7003, { financial_status: 'paid', fulfillment_status: 'fulfilled', created_at: day(3) }],
    [7004, { financial_status: 'refunded', created_at: day(4), cancelled_at: day(5), cancel_reason: 'customer' }],
    [7005, { financial_status: 'pending', created_at: day(5), cancelled_at: day(6), cancel_reason: 'inventory' }],
  ] as const) {
    expect((await post(id, o)).status).toBe(200);
  }
  await expect.poll(async () => (await api('orders.list', {})).total).toBe(5);
}

async function openOrders(page: Page, flowdesk: Flowdesk, lang: 'en' | 'vi'): Promise<OrdersPage> {
  await page.addInitScript((l) => localStorage.setItem('flowdesk.language', l), lang);
  await new AppShell(page).open(flowdesk.editorUrl);
  const orders = new OrdersPage(page);
  await orders.open();
  return orders;
}

/** Nothing on the page scrolls sideways: every column fits, long values wrap or elide. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    type Box = { scrollWidth: number; clientWidth: number };
    const doc = (globalThis as unknown as { document: { scrollingElement: Box; querySelector(s: string): Box } }).document;
    const wrap = doc.querySelector('.orders-list-wrap');
    return { page: doc.scrollingElement.scrollWidth - doc.scrollingElement.clientWidth, table: wrap.scrollWidth - wrap.clientWidth };
  });
  expect(overflow).toEqual({ page: 0, table: 0 });
}

test('the orders list in English: statuses as columns, a cancelled order reads Cancelled, filters with counts', async ({ page, flowdesk }) => {
  await seedOrders(flowdesk);
  await page.setViewportSize({ width: 1280, height: 800 });
  const orders = await openOrders(page, flowdesk, 'en');

  await expect(page.getByRole('status').filter({ hasText: 'Showing 5 of 5 orders' })).toBeVisible();
  await expect(orders.row('#7001')).toContainText('Pending');
  await expect(orders.row('#7001')).toContainText('Unfulfilled');
  await expect(orders.row('#7003')).toContainText('Fulfilled');
  // Cancelled: the status says so, with the refund beside; nothing reads as if it were still to do.
  const refunded = orders.row('#7004');
  await expect(refunded).toContainText('Cancelled');
  await expect(refunded).toContainText('Refunded');
  for (const word of ['Pending', 'Unfulfilled', 'Not shipped']) await expect(refunded).not.toContainText(word);
  const unpaid = orders.row('#7005');
  await expect(unpaid).toContainText('Cancelled');
  for (const word of ['Pending', 'Unfulfilled', 'Not shipped']) await expect(unpaid).not.toContainText(word);
  // The store by its connection's name; elided at this width, whole on hover.
  await expect(refunded.getByTitle('Cửa hàng Hà Nội — chi nhánh Cầu Giấy')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/orders-list-en-1280x800.png', fullPage: true });

  // Counts beside each option, given the other filters.
  const payment = page.getByRole('combobox', { name: 'Payment' });
  await expect(payment.getByRole('option', { name: 'Paid (2)' })).toHaveCount(1);
  await expect(payment.getByRole('option', { name: 'Pending (2)' })).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Cancelled' }).selectOption({ label: 'Cancelled only (2)' });
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2 of 2 orders' })).toBeVisible();
  await expect(orders.table().locator('tbody tr')).toHaveCount(2);
  await expect(payment.getByRole('option', { name: 'Refunded (1)' })).toHaveCount(1);
  await expect(payment.getByRole('option', { name: 'Paid (2)' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Clear 1 filter' }).click();
  await page.getByRole('searchbox', { name: 'Tag' }).fill('vip');
  await expect(orders.table().locator('tbody tr')).toHaveCount(1);
  await expect(orders.row('#7002')).toContainText('khách quen lâu năm');
  await page.getByRole('button', { name: 'Clear 1 filter' }).click();

  await page.getByLabel('Placed from').fill('2026-03-02');
  await page.getByLabel('Placed to').fill('2026-03-03');
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2 of 2 orders' })).toBeVisible();
  await expect(orders.row('#7002')).toBeVisible();
  await expect(orders.row('#7003')).toBeVisible();
  await page.getByRole('button', { name: 'Clear 2 filters' }).click();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByRole('status').filter({ hasText: 'Showing 5 of 5 orders' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/orders-list-en-1920x1080.png', fullPage: true });
});

test.describe('in Vietnamese', () => {
  // A Vietnamese machine: the date inputs read dd/MM/yyyy as the browser's locale says.
  test.use({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

test('the orders list in Vietnamese: Đã hủy, never Chưa thanh toán on a cancelled order', async ({ page, flowdesk }) => {
  await seedOrders(flowdesk);
  await page.setViewportSize({ width: 1280, height: 800 });
  const orders = await openOrders(page, flowdesk, 'vi');
  const table = page.getByRole('table', { name: 'Đơn hàng' });
  const row = (n: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name: `Mở đơn hàng ${n}` }) });

  await expect(page.getByRole('status').filter({ hasText: 'Đang hiện 5 / 5 đơn hàng' })).toBeVisible();
  await expect(row('#7001')).toContainText('Chưa thanh toán');
  await expect(row('#7001')).toContainText('Chưa xử lý');
  await expect(row('#7002')).toContainText('Đã thanh toán');
  await expect(row('#7003')).toContainText('Đã xử lý');
  await expect(row('#7004')).toContainText('Đã hủy');
  await expect(row('#7004')).toContainText('Đã hoàn tiền');
  // Placed times in 24-hour dd/MM/yyyy, in the shop's time zone.
  await expect(row('#7004')).toContainText('04/03/2026 09:00');
  for (const n of ['#7004', '#7005']) {
    for (const word of ['Chưa thanh toán', 'Chưa xử lý', 'Chưa giao']) await expect(row(n)).not.toContainText(word);
  }
  await expect(page.getByRole('columnheader', { name: 'Trạng thái cửa hàng' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Thanh toán' }).getByRole('option', { name: 'Đã thanh toán (2)' })).toHaveCount(1);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/orders-list-vi-1280x800.png', fullPage: true });

  // Days typed as dd/MM/yyyy; the last day is included.
  await page.getByLabel('Đặt từ ngày').fill('02/03/2026');
  await page.getByLabel('Đến ngày').fill('3/3/2026');
  await expect(page.getByRole('status').filter({ hasText: 'Đang hiện 2 / 2 đơn hàng' })).toBeVisible();
  await expect(row('#7002')).toBeVisible();
  await expect(row('#7003')).toBeVisible();
  await page.getByRole('button', { name: 'Bỏ 2 bộ lọc' }).click();
  await expect(page.getByLabel('Đặt từ ngày')).toHaveValue('');

  await page.getByRole('combobox', { name: 'Đã hủy' }).selectOption({ label: 'Chỉ đơn đã hủy (2)' });
  await expect(page.getByRole('status').filter({ hasText: 'Đang hiện 2 / 2 đơn hàng' })).toBeVisible();
  void orders;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/orders-list-vi-1920x1080.png', fullPage: true });
});
});
