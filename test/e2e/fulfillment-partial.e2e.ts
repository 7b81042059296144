import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { FulfillmentPanel } from './pages/fulfillment-panel.ts';

/** Screenshots the brief asks for: 1280×800, Vietnamese, test-results/fo-*.png. */
const SHOTS = process.env['FLOWDESK_FO_SHOTS'] ?? 'test-results';
const KHO_HN = { id: 655441491, name: 'Kho Hà Nội', service: null };
const SHIPBOB = { id: 7001, name: 'ShipBob', service: 'shipbob' };
const LINES = [{ quantity: 2, title: 'Áo thun', sku: 'AT-1' }, { quantity: 1, title: 'Mũ lưỡi trai', sku: 'M-1' }];

async function shoot(page: Page, target: Locator, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/**
 * A real `flowdesk serve` with a Shopify connection acting on the local Shopify, and one order
 * Shopify announced whose one FO is at `location`, with two lines (2 + 1 items).
 */
async function arrange(flowdesk: Flowdesk, fake: ShopifyFake, location: { id: number; name: string; service: string | null; legacy?: boolean }, options: Record<string, string> = {}) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', {
    platform: 'shopify',
    storeId: SHOP_DOMAIN,
    secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
    api: { writeBack: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10`, options },
  });
  const order = fake.addOrder();
  const [fo] = fake.fo.seed(order.id, [{ location, lines: LINES }]);
  const created = await postShopify(webhookUrl, { topic: 'orders/create', body: JSON.stringify(fake.order(order.id)) });
  expect(created.json['verdict']).toBe('accepted');
  let orderId = '';
  await expect.poll(async () => (orderId = (await api('orders.get', { ref: String(order.name) }).catch(() => null))?.summary.id ?? '')).not.toBe('');
  return { orderId, shopifyOrderId: Number(order.id), foId: fo!.id };
}

async function openOrder(page: Page, flowdesk: Flowdesk, orderId: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${orderId}`);
  await page.locator('html[data-engine-link="open"]').waitFor();
}

test('fulfilment (vi): mark part of the items as fulfilled, the order reads partially fulfilled, then fulfilled after the rest', async ({ page, flowdesk }) => {
  const fake = await startShopifyFake();
  try {
    const { orderId, shopifyOrderId, foId } = await arrange(flowdesk, fake, KHO_HN);
    await openOrder(page, flowdesk, orderId);
    const panel = new FulfillmentPanel(page, 'vi');
    const fo = panel.fo('Kho Hà Nội');
    const shipped = panel.card.getByTestId('fo-order-shipped');
    await expect(shipped).toHaveText('Chưa xử lý');

    await panel.action(fo, 'Đánh dấu đã xử lý').click();
    const form = panel.form(fo, 'Đánh dấu đã xử lý');
    // Everything left is chosen by default; the merchant ships one shirt now.
    const shirts = form.getByLabel('Số lượng Áo thun (còn 2)');
    const caps = form.getByLabel('Số lượng Mũ lưỡi trai (còn 1)');
    await expect(shirts).toHaveValue('2');
    await expect(caps).toHaveValue('1');
    await shirts.fill('1');
    await caps.fill('0');
    await form.getByLabel('Mã vận đơn').fill('VN0001');
    await shoot(page, panel.card, 'fo-partial-form-vi');
    await form.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();

    await expect(shipped).toHaveText('Đã xử lý một phần');
    await expect(panel.state(fo)).toHaveText('Đang xử lý');
    // The FO's items: one of two shirts shipped, the cap not yet.
    const items = fo.getByRole('table', { name: /^Sản phẩm của / });
    await expect(items.getByRole('row', { name: /Áo thun/ })).toContainText('1/2');
    await expect(items.getByRole('row', { name: /Mũ lưỡi trai/ })).toContainText('0/1');
    expect(fake.fo.state(foId).lines.map((l) => l.remaining)).toEqual([1, 1]);
    expect(fake.order(shopifyOrderId)['fulfillment_status']).toBe('partial');
    await shoot(page, panel.card, 'fo-partial-vi');

    // The rest: the form offers only what is left, all of it.
    await panel.action(fo, 'Đánh dấu đã xử lý').click();
    const rest = panel.form(fo, 'Đánh dấu đã xử lý');
    await expect(rest.getByLabel('Số lượng Áo thun (còn 1)')).toHaveValue('1');
    await expect(rest.getByLabel('Số lượng Mũ lưỡi trai (còn 1)')).toHaveValue('1');
    await rest.getByLabel('Mã vận đơn').fill('VN0002');
    await rest.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await expect(shipped).toHaveText('Đã xử lý');
    await expect(panel.state(fo)).toHaveText('Đã xử lý');
    expect(fake.order(shopifyOrderId)['fulfillment_status']).toBe('fulfilled');
    await expect(panel.card.getByRole('list', { name: 'Vận đơn' })).toContainText('VN0001');
    await expect(panel.card.getByRole('list', { name: 'Vận đơn' })).toContainText('VN0002');
    await shoot(page, panel.card, 'fo-fulfilled-after-partial-vi');
  } finally {
    await fake.close();
  }
});

test('fulfilment (vi): change location by choosing from the shop\'s locations; the reason is on the timeline; a manual note stays after reload', async ({ page, flowdesk }) => {
  const fake = await startShopifyFake();
  try {
    fake.fo.location(80002, 'Kho Sài Gòn');
    fake.fo.location(80003, 'Kho Đà Nẵng', null, { unstocked: true });
    const { orderId, foId } = await arrange(flowdesk, fake, SHIPBOB);
    await openOrder(page, flowdesk, orderId);
    const panel = new FulfillmentPanel(page, 'vi');
    await panel.refresh().click();
    const fo = panel.fo('ShipBob');
    await expect(panel.state(fo)).toHaveText('Chưa xử lý');

    await panel.action(fo, 'Đổi kho').click();
    const form = panel.form(fo, 'Đổi kho');
    const where = form.getByLabel('Kho mới');
    await expect(where.locator('option', { hasText: 'Kho Sài Gòn' })).toBeEnabled();
    // A location without the items is listed, but cannot be chosen.
    await expect(where.locator('option', { hasText: 'Kho Đà Nẵng' })).toBeDisabled();
    await where.selectOption({ label: 'Kho Sài Gòn' });
    await expect(form).toContainText('Kho bạn tự quản lý');
    await form.getByLabel('Lý do (hiện trên lịch sử đơn)').fill('Tự giao từ kho mình');
    await shoot(page, panel.card, 'fo-move-form-vi');
    await form.getByRole('button', { name: 'Chuyển kho' }).click();

    const moved = panel.fo('Kho Sài Gòn');
    await expect(moved).toBeVisible();
    await expect(moved).toContainText('Bạn tự giao');
    expect(fake.fo.state(foId).locationId).toBe(80002);
    const timeline = page.getByRole('list', { name: 'Lịch sử đơn hàng' });
    await expect(timeline).toContainText('đã chuyển sang Kho Sài Gòn (do bạn)');
    await expect(timeline).toContainText('lý do: “Tự giao từ kho mình”');
    await shoot(page, panel.card, 'fo-moved-vi');
    await shoot(page, timeline.getByRole('listitem').filter({ hasText: 'đã chuyển sang Kho Sài Gòn' }), 'fo-move-timeline-vi');

    // A manual note: refused blank, saved, on the timeline by "you", and still there after a reload.
    const note = page.getByRole('form', { name: 'Thêm ghi chú' });
    await note.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect(note.getByRole('alert')).toHaveText('Viết ghi chú trước đã.');
    await note.getByLabel('Thêm ghi chú').fill('Khách hẹn giao sau 18h, gọi trước khi tới');
    await note.getByRole('button', { name: 'Lưu ghi chú' }).click();
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Khách hẹn giao sau 18h, gọi trước khi tới' });
    await expect(entry).toContainText('do bạn ghi');
    await expect(note.getByLabel('Thêm ghi chú')).toHaveValue('');
    await shoot(page, entry, 'fo-note-vi');
    await page.reload();
    await page.locator('html[data-engine-link="open"]').waitFor();
    await expect(page.getByRole('list', { name: 'Lịch sử đơn hàng' }).getByRole('listitem').filter({ hasText: 'Khách hẹn giao sau 18h, gọi trước khi tới' })).toContainText('do bạn ghi');
  } finally {
    await fake.close();
  }
});

test('fulfilment (vi): a service on the legacy workflow takes the request, and its cancellation stays disabled with the reason', async ({ page, flowdesk }) => {
  const fake = await startShopifyFake();
  try {
    const { orderId, foId } = await arrange(flowdesk, fake, { ...SHIPBOB, legacy: true }, { legacyFulfillmentServices: 'shipbob' });
    await openOrder(page, flowdesk, orderId);
    const panel = new FulfillmentPanel(page, 'vi');
    await panel.refresh().click();
    const fo = panel.fo('ShipBob');
    await expect(fo).toContainText('Dịch vụ này dùng quy trình cũ');

    await panel.action(fo, 'Yêu cầu xử lý').click();
    await panel.form(fo, 'Yêu cầu xử lý').getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(panel.state(fo)).toHaveText('Đang xử lý — Đã yêu cầu');
    expect(fake.fo.state(foId).requestStatus).toBe('SUBMITTED');

    const cancel = panel.action(fo, 'Rút yêu cầu');
    await expect(cancel).toBeDisabled();
    // The state machine's reason, in Vietnamese (by its code).
    await expect(cancel).toHaveAttribute('title', 'đơn vị xử lý dùng quy trình cũ: đã gửi yêu cầu thì không hủy được từ ứng dụng; hãy liên hệ đơn vị xử lý để hủy');
    await cancel.focus();
    await expect(fo.locator('.fo-hint')).toContainText('hãy liên hệ đơn vị xử lý để hủy');
    const calls = fake.graphqlCalls().length;
    await cancel.click({ force: true });
    expect(fake.graphqlCalls().length).toBe(calls);
    expect(fake.fo.state(foId).requestStatus).toBe('SUBMITTED');
    await shoot(page, panel.card, 'fo-legacy-vi');
  } finally {
    await fake.close();
  }
});
