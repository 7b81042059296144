import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test } from './fixtures.ts';
import { EditorLayout } from './pages/editor-layout.ts';
import { engineApi } from './pages/engine-api.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { openApp } from './pages/open-app.ts';

const shots = 'test-results';
const sizes = [
  [1280, 800],
  [1920, 1080],
] as const;

/** A flow whose steps have long names and a long message, as a shop owner writes them. */
const longFlow: FlowDocument = {
  name: 'Đơn COD chưa giao sau bảy ngày thì nhắc khách và báo cho nhóm chăm sóc khách hàng',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, label: 'Khi có đơn hàng mới từ bất kỳ cửa hàng nào của chúng tôi trên mọi nền tảng', params: { platforms: [] } },
    { id: 'cond', type: 'logic.condition', typeVersion: 1, position: { x: 0, y: 170 }, params: {} },
    {
      id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: -160, y: 340 },
      label: 'Ghi chú vào lịch sử đơn hàng để nhân viên kho biết phải gọi lại cho khách trước khi giao',
      params: { text: 'Khách {{ order.customer.name }} đặt {{ order.lineItems.size }} sản phẩm, tổng {{ order.totalPrice | money }}, giao tới {{ order.shippingAddress.address1 }}, {{ order.shippingAddress.province }}' },
    },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 160, y: 340 }, params: { tags: ['cod-chua-giao', 'can-goi-lai', 'uu-tien-cao', 'kho-ha-noi'] } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'cond', targetPort: 'in' },
    { id: 'e2', source: 'cond', sourcePort: 'yes', target: 'note', targetPort: 'in' },
    { id: 'e3', source: 'cond', sourcePort: 'no', target: 'tag', targetPort: 'in' },
  ],
};

async function shoot(page: Page, name: string, [width, height]: readonly [number, number]) {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: `${shots}/small-screen-${name}-${width}x${height}.png` });
}

/** Whether the page, the content area or a table scrolls sideways (the tests' tsconfig has no DOM types: a string). */
async function hasSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const wide = (el) => el.scrollWidth > el.clientWidth + 1;
    return wide(document.documentElement) || [...document.querySelectorAll('.content, .table-wrap')].some(wide);
  })()`);
}

test('at 1280×800 the canvas has room, the panels fold and stay folded, the mini map waits to be asked for (vi)', async ({ page, flowdesk }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const api = engineApi(flowdesk);
  const saved = await api('flows.save', { document: longFlow });
  await openApp(page, flowdesk, 'vi');
  const editor = new FlowEditor(page);
  const layout = new EditorLayout(page);
  await page.evaluate(`window.location.hash = '#/flows/${saved.id}'`);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // Below 1400 px the mini map starts off; its button turns it on.
  await expect(layout.minimap).toHaveCount(0);
  await expect(layout.minimapToggle('Bản đồ thu nhỏ')).toHaveAttribute('aria-pressed', 'false');

  // A long name is cut to two lines on its card, whole in its tooltip, and cards do not run into each other.
  const title = page.locator('.react-flow__node[data-id="note"] .fn-title');
  await expect(title).toHaveAttribute('title', longFlow.nodes[2]!.label!);
  const box = await title.boundingBox();
  expect(box!.height).toBeLessThan(44);
  for (const size of sizes) await shoot(page, 'editor-open', size);
  await page.setViewportSize({ width: 1280, height: 800 });

  await layout.toggle('Các bước').click();
  await layout.toggle('Chi tiết').click();
  await expect(layout.toggle('Các bước')).toHaveAttribute('aria-expanded', 'false');
  expect(await layout.canvasWidth()).toBeGreaterThanOrEqual(800);

  // Remembered: a reload keeps them folded.
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(layout.toggle('Chi tiết')).toHaveAttribute('aria-expanded', 'false');
  expect(await layout.canvasWidth()).toBeGreaterThanOrEqual(800);
  await layout.minimapToggle('Bản đồ thu nhỏ').click();
  await expect(layout.minimap).toBeVisible();
  expect(await hasSidewaysScroll(page)).toBe(false);
  for (const size of sizes) await shoot(page, 'editor-folded', size);

  // The keyboard opens what it needs: / unfolds the palette into its search.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.react-flow__node[data-id="tag"]').click();
  await page.keyboard.press('/');
  await expect(editor.page.getByRole('searchbox', { name: 'Tìm bước' })).toBeFocused();
  await expect(layout.toggle('Các bước')).toHaveAttribute('aria-expanded', 'true');
});

test('at 1280×800 the inbox fits: long topics and reasons wrap or are cut, whole on hover, no sideways scroll (vi)', async ({ page, flowdesk }) => {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET, name: 'Cửa hàng thời trang Hà Nội – chi nhánh Cầu Giấy' });
  await postShopify(webhookUrl, {});
  await postShopify(webhookUrl, { topic: 'fulfillment_orders/cancellation_request_accepted' });
  await postShopify(webhookUrl, { topic: 'orders/updated', secret: 'a-wrong-secret' });
  await postShopify(webhookUrl, { topic: 'customers/data_request_with_a_very_long_custom_topic_name_from_an_app' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, flowdesk, 'vi');
  await page.evaluate(`window.location.hash = '#/inbox'`);
  const table = page.getByRole('table', { name: 'Webhook đã nhận' });
  await expect(table.getByRole('row')).toHaveCount(5);

  expect(await hasSidewaysScroll(page)).toBe(false);
  const longTopic = table.getByRole('cell', { name: 'customers/data_request_with_a_very_long_custom_topic_name_from_an_app', exact: true });
  await expect(longTopic).toHaveAttribute('title', 'customers/data_request_with_a_very_long_custom_topic_name_from_an_app');
  await expect(table.locator('td.reason').filter({ hasText: /./ }).first()).toHaveAttribute('title', /./);
  for (const size of sizes) {
    await shoot(page, 'inbox', size);
    expect(await hasSidewaysScroll(page), `${size[0]}×${size[1]}`).toBe(false);
  }
});
