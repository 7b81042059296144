import type { Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startFakeStoreApi } from '../harness/fake-haravan-sapo-api.ts';
import { startShopifyFake, type ShopifyFake } from '../harness/fake-shopify-api.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { FulfillmentPanel } from './pages/fulfillment-panel.ts';
import { shootAt } from './pages/open-app.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/fulfillment';
/** A location a fulfillment service (3PL) manages, as the fake Shopify knows it. */
const SHIPBOB = { id: 7001, name: 'ShipBob', service: 'shipbob' };
/** The merchant's own warehouse. */
const KHO_HN = { id: 655441491, name: 'Kho Hà Nội', service: null };

/**
 * A real `flowdesk serve` with a Shopify connection that may act on the store (API access,
 * write-back on) pointed at the local Shopify; an order Shopify announced with a signed
 * orders/create, whose one fulfillment order sits at ShipBob, unrequested.
 */
async function arrange(flowdesk: Flowdesk, fake: ShopifyFake, location: { id: number; name: string; service: string | null } = SHIPBOB) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', {
    platform: 'shopify',
    storeId: SHOP_DOMAIN,
    secrets: { webhookSecret: SHOPIFY_SECRET, adminToken: fake.token },
    api: { writeBack: true, baseUrl: `${fake.baseUrl}/admin/api/2025-10` },
  });
  const order = fake.addOrder();
  const [fo] = fake.fo.seed(order.id, [{ location }]);
  const created = await postShopify(webhookUrl, { topic: 'orders/create', body: JSON.stringify(fake.order(order.id)) });
  expect(created.json['verdict']).toBe('accepted');
  let orderId = '';
  await expect.poll(async () => (orderId = (await api('orders.get', { ref: String(order.name) }).catch(() => null))?.summary.id ?? '')).not.toBe('');
  return { api, webhookUrl, orderId, shopifyOrderId: Number(order.id), foGid: `gid://shopify/FulfillmentOrder/${fo!.id}`, foId: fo!.id };
}

/** What Shopify posts when the service answers (reference/platform-webhooks.md §1.5): the FO by GID, lowercase statuses, the message. */
async function serviceSays(webhookUrl: string, topic: string, foGid: string, status: string, requestStatus: string, message: string) {
  const body = JSON.stringify({ fulfillment_order: { id: foGid, status, request_status: requestStatus }, message });
  const res = await postShopify(webhookUrl, { topic: `fulfillment_orders/${topic}`, body });
  expect(res.status).toBe(200);
  expect(res.json['verdict']).toBe('accepted');
}

async function openOrder(page: Page, flowdesk: Flowdesk, orderId: string, language: 'en' | 'vi') {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${orderId}`);
  await page.locator('html[data-engine-link="open"]').waitFor();
}

for (const language of ['en', 'vi'] as const) {
  test(`fulfillment panel (${language}): request, the 3PL accepts, ask to cancel, it refuses with a message; panel and timeline follow`, async ({ page, flowdesk }) => {
    const fake = await startShopifyFake();
    try {
      const { webhookUrl, orderId, foGid, foId } = await arrange(flowdesk, fake);
      await page.setViewportSize({ width: 1280, height: 800 });
      await openOrder(page, flowdesk, orderId, language);
      const panel = new FulfillmentPanel(page, language);
      const w = panel.w;
      await expect(panel.card).toBeVisible();

      // Read from Shopify, as a user would when the FOs are not there yet.
      await panel.refresh().click();
      const fo = panel.fo('ShipBob');
      await expect(panel.state(fo)).toHaveText(w.unfulfilled);

      // A refused action stays, disabled, its reason in the tooltip and read with it; pressing it sends nothing.
      const cancel = panel.action(fo, w.requestCancellation);
      await expect(cancel).toBeVisible();
      await expect(cancel).toBeDisabled();
      const why = await cancel.getAttribute('title');
      expect(why).toMatch(/\S/);
      await expect(cancel).toHaveAccessibleDescription(why!);
      await cancel.focus();
      await expect(fo.locator('.fo-hint')).toContainText(why!);
      const sentBefore = fake.graphqlCalls().length;
      await cancel.click({ force: true });
      await expect(panel.form(fo, w.requestCancellation)).toHaveCount(0);
      expect(fake.graphqlCalls().length).toBe(sentBefore);
      await shootAt(page, panel.card, shots, `fo-unfulfilled-${language}`);

      // Request fulfillment, with a message for the service.
      await panel.action(fo, w.request).click();
      const request = panel.form(fo, w.request);
      await request.getByLabel(w.message).fill('Gói quà giúp mình');
      await shootAt(page, panel.card, shots, `fo-request-form-${language}`);
      await request.getByRole('button', { name: w.send }).click();
      await expect(panel.state(fo)).toHaveText(w.requested);
      expect(fake.fo.state(foId)).toMatchObject({ status: 'OPEN', requestStatus: 'SUBMITTED' });

      // The 3PL accepts: Shopify's signed webhook moves the panel on by itself.
      fake.fo.accept(foId, 'Will ship tomorrow');
      await serviceSays(webhookUrl, 'fulfillment_request_accepted', foGid, 'in_progress', 'accepted', 'Will ship tomorrow');
      await expect(panel.state(fo)).toHaveText(w.accepted);

      // Ask to cancel, with a note the customer never sees.
      await panel.action(fo, w.requestCancellation).click();
      const cancellation = panel.form(fo, w.requestCancellation);
      await expect(cancellation).toContainText(w.neverCustomer);
      await cancellation.getByLabel(w.note).fill('Khách đổi ý');
      await cancellation.getByRole('button', { name: w.sendCancellation }).click();
      await expect(panel.state(fo)).toHaveText(w.cancellationRequested);
      expect(fake.fo.state(foId).requestStatus).toBe('CANCELLATION_REQUESTED');

      // The 3PL refuses: already packed. Fulfillment goes on, and the panel quotes it.
      fake.fo.rejectCancellation(foId, 'Already packed');
      await serviceSays(webhookUrl, 'cancellation_request_rejected', foGid, 'in_progress', 'cancellation_rejected', 'Already packed');
      await expect(panel.state(fo)).toHaveText(w.cancellationRejected);
      await expect(fo.locator('blockquote')).toHaveText('Already packed');
      await expect(fo).toContainText(w.goesOn);
      await shootAt(page, panel.card, shots, `fo-cancellation-rejected-${language}`);

      // The timeline tells each step, in order.
      const timeline = page.getByRole('list', { name: w.timeline });
      for (const said of w.steps) await expect(timeline).toContainText(said);
      await expect(timeline.getByRole('listitem').filter({ has: page.getByText(w.kind, { exact: true }) })).toHaveCount(w.steps.length);
      const text = (await timeline.textContent()) ?? '';
      const at = w.steps.map((said) => text.indexOf(said));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      await shootAt(page, timeline, shots, `fo-timeline-${language}`);
    } finally {
      await fake.close();
    }
  });
}

test('fulfillment panel (en): an action the store refuses says why inline, and nothing changes', async ({ page, flowdesk }) => {
  const fake = await startShopifyFake();
  try {
    const { orderId, shopifyOrderId, foId } = await arrange(flowdesk, fake);
    await openOrder(page, flowdesk, orderId, 'en');
    const panel = new FulfillmentPanel(page, 'en');
    await panel.refresh().click();
    const fo = panel.fo('ShipBob');
    await expect(panel.state(fo)).toHaveText(panel.w.unfulfilled);

    // Shopify's FO moved on behind Flowdesk's back (accepted already): the panel still offers the
    // request, the engine or Shopify refuses it, and the panel says so in the user's words.
    fake.fo.seed(shopifyOrderId, [{ id: foId, location: SHIPBOB, status: 'IN_PROGRESS', requestStatus: 'ACCEPTED' }]);
    await panel.action(fo, panel.w.request).click();
    await panel.form(fo, panel.w.request).getByRole('button', { name: panel.w.send }).click();
    const alert = fo.getByRole('alert');
    await expect(alert).toContainText('Not allowed now:');
    await expect(alert.locator('q')).toContainText('cannot request fulfillment');
    expect(fake.fo.state(foId).requestStatus).toBe('ACCEPTED');
    // Read again from Shopify after the refusal: the panel shows where the FO really is.
    await expect(panel.state(fo)).toHaveText(panel.w.accepted);
    await expect(alert).toBeVisible();
    await expect(panel.form(fo, panel.w.request)).toHaveCount(0);
    await expect(panel.action(fo, panel.w.request)).toBeDisabled();
    await shootAt(page, panel.card, shots, 'fo-refused-en');
  } finally {
    await fake.close();
  }
});

test('fulfillment panel (vi): mark as fulfilled with tracking, then revert after reading its warning', async ({ page, flowdesk }) => {
  const fake = await startShopifyFake();
  try {
    const { orderId, foId } = await arrange(flowdesk, fake, KHO_HN);
    await openOrder(page, flowdesk, orderId, 'vi');
    const panel = new FulfillmentPanel(page, 'vi');
    const fo = panel.fo('Kho Hà Nội');
    await expect(panel.state(fo)).toHaveText('Chưa xử lý');
    await expect(fo).toContainText('Bạn tự giao');
    // A location the merchant manages takes no request: the button stays, saying why.
    await expect(panel.action(fo, 'Yêu cầu xử lý')).toBeDisabled();

    await panel.action(fo, 'Đánh dấu đã xử lý').click();
    const form = panel.form(fo, 'Đánh dấu đã xử lý');
    await expect(form).toContainText('Không gửi gì cho dịch vụ xử lý đơn');
    await form.getByLabel('Mã vận đơn').fill('VN123456789');
    await form.getByLabel('Đơn vị vận chuyển').fill('GHN');
    await form.getByLabel('Liên kết theo dõi').fill('https://donhang.ghn.vn/?order_code=VN123456789');
    await form.getByLabel('Báo cho khách').check();
    await form.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await expect(panel.state(fo)).toHaveText('Đã xử lý');
    const tracking = fo.getByRole('link', { name: 'Mã vận đơn VN123456789' });
    await expect(tracking).toHaveAttribute('href', 'https://donhang.ghn.vn/?order_code=VN123456789');
    await expect(fo.getByRole('list', { name: 'Kiện hàng' })).toContainText('(GHN)');
    expect(fake.fo.state(foId).status).toBe('CLOSED');
    const shipments = panel.card.getByRole('list', { name: 'Vận đơn' });
    await expect(shipments).toContainText('Mã vận đơn VN123456789 (GHN)');
    await shootAt(page, panel.card, shots, 'fo-fulfilled-vi');

    // Revert: the warning is there before anything is sent.
    await panel.action(fo, 'Hoàn về chưa xử lý').click();
    const revert = panel.form(fo, 'Hoàn về chưa xử lý');
    await expect(revert.getByRole('note')).toContainText('không dừng được dịch vụ xử lý đơn');
    await expect(revert.getByRole('note')).toContainText('kiểm tra lại tồn kho');
    await shootAt(page, panel.card, shots, 'fo-revert-form-vi');
    await revert.getByRole('button', { name: 'Hoàn về chưa xử lý' }).click();
    await expect(panel.state(fo)).toHaveText('Chưa xử lý');
    await expect(shipments).toHaveCount(0);
    await expect(panel.card).toContainText('Chưa có vận đơn.');

    const timeline = page.getByRole('list', { name: 'Lịch sử đơn hàng' });
    await expect(timeline).toContainText('đã giao cho vận chuyển (do bạn) — mã vận đơn VN123456789 (GHN)');
    await expect(timeline).toContainText('đã hoàn về chưa xử lý (do bạn) — việc này không dừng dịch vụ; hãy kiểm tra tồn kho');
  } finally {
    await fake.close();
  }
});

test('fulfillment panel (en): a Haravan order is marked as fulfilled with its tracking number, through the order-level action', async ({ page, flowdesk }) => {
  const token = 'hrv_private_token_0123456789';
  const secret = 'hrv_store_webhook_secret_0123456789';
  const haravan = await startFakeStoreApi({ dialect: 'haravan', token });
  try {
    const api = engineApi(flowdesk);
    const { webhookUrl } = await api('connections.create', {
      platform: 'haravan',
      storeId: '1000114691',
      secrets: { webhookSecret: secret, apiToken: token },
      api: { writeBack: true, baseUrl: haravan.apiUrl },
    });
    // The order Haravan announces is the one its API knows.
    const body = readFileSync(new URL('../fixtures/haravan/orders-create.json', import.meta.url));
    haravan.seedOrders(JSON.parse(body.toString()));
    const post = async (topic: string, bytes: Buffer) => {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Haravan-HmacSha256': createHmac('sha256', secret).update(bytes).digest('base64'), 'X-Haravan-Topic': topic, 'X-Haravan-Org-Id': '1000114691' },
        body: new Uint8Array(bytes),
      });
      expect(res.status).toBe(200);
    };
    await post('orders/create', body);
    let orderId = '';
    await expect.poll(async () => (orderId = (await api('orders.get', { ref: '#100020' }).catch(() => null))?.summary.id ?? '')).not.toBe('');

    await openOrder(page, flowdesk, orderId, 'en');
    const panel = new FulfillmentPanel(page, 'en');
    await expect(panel.card.getByRole('list', { name: panel.w.fos })).toHaveCount(0);
    const markFulfilled = panel.card.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Mark as fulfilled' });
    await markFulfilled.click();
    const form = panel.card.getByRole('form', { name: 'Mark as fulfilled' });
    await form.getByLabel('Tracking number').fill('GHN123');
    await form.getByLabel('Carrier').fill('GHN');
    await form.getByLabel('Tracking URL').fill('https://ghn.vn/t/GHN123');
    await form.getByRole('button', { name: 'Mark as fulfilled' }).click();
    await expect(panel.card.getByRole('status')).toContainText('Done.');
    expect(haravan.order('1138637099')?.['fulfillments']).toHaveLength(1);
    // Haravan then sends the order as it now is; the panel follows by itself.
    await post('orders/updated', Buffer.from(JSON.stringify(haravan.order('1138637099'))));
    await expect(panel.card.getByRole('list', { name: 'Shipments' }).getByRole('link', { name: 'Tracking GHN123' })).toHaveAttribute('href', 'https://ghn.vn/t/GHN123');
    // Everything has shipped now: the action stays, refused, saying why.
    await expect(markFulfilled).toBeDisabled();
    await expect(markFulfilled).toHaveAccessibleDescription('every item has shipped');
    await shootAt(page, panel.card, shots, 'order-fulfil-haravan-en');
  } finally {
    await haravan.close();
  }
});
