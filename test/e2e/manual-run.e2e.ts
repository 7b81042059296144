import type { Page } from '@playwright/test';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node } from '../harness/trigger-flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { RunFlowOnOrderCard } from './pages/run-flow-on-order.ts';

const shots = 'test-results/shots/manual-run';
const words = {
  en: { title: 'Run a flow on this order', flow: 'Flow', dry: 'Dry run', run: 'Run', wouldTag: 'Add order tag: checked-9999', openDry: 'Open the dry run', openRun: 'Open the run', ok: 'Succeeded', off: 'off', notOnOrders: /does not start from an order/ },
  vi: { title: 'Chạy một luồng trên đơn hàng này', flow: 'Luồng', dry: 'Chạy thử', run: 'Chạy', wouldTag: 'Thêm thẻ đơn hàng: checked-9999', openDry: 'Xem lần chạy thử', openRun: 'Xem lần chạy', ok: 'Thành công', off: 'đang tắt', notOnOrders: /không bắt đầu từ một đơn hàng/ },
};

/** A Shopify order, a flow to run by hand on it (off: a flow need not be on), and a schedule flow that cannot be. */
async function arrange(flowdesk: Flowdesk) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  expect((await postShopify(webhookUrl, { body: JSON.stringify(sampleOrder()) })).status).toBe(200);
  await expect.poll(async () => (await api('orders.list', {})).rows.length).toBe(1);
  const [order] = (await api('orders.list', {})).rows;
  await api('flows.save', {
    document: chain('Checked by hand', node('trigger', 'orders.manual', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['checked-{{ order.number | remove: "#" }}'] })),
  });
  await api('flows.save', { document: chain('Morning report', node('trigger', 'schedule.repeat', { every: 'day', at: '08:00' }), node('note', 'flowdesk.add_timeline_note', { text: 'hi' })) });
  return { api, order: order as { id: string; number: string } };
}

async function openOrder(page: Page, flowdesk: Flowdesk, orderId: string, language: 'en' | 'vi') {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${orderId}`);
  await page.locator('html[data-engine-link="open"]').waitFor();
}

for (const language of ['en', 'vi'] as const) {
  test(`order page (${language}): dry run shows what a flow would do, then Run does it and links to the run`, async ({ page, flowdesk }) => {
    const w = words[language];
    const { api, order } = await arrange(flowdesk);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openOrder(page, flowdesk, order.id, language);
    const card = new RunFlowOnOrderCard(page, w.title);
    await expect(card.card).toBeVisible();

    // A schedule flow cannot start from an order: the card says so and offers nothing to press.
    await card.flowSelect(w.flow).selectOption({ label: `Morning report (${w.off})` });
    await expect(card.card.getByText(w.notOnOrders)).toBeVisible();
    await expect(card.button(w.run)).toBeDisabled();

    await card.flowSelect(w.flow).selectOption({ label: `Checked by hand (${w.off})` });
    await expect(card.button(w.dry)).toBeEnabled();
    await card.button(w.dry).click();
    await expect(card.result()).toContainText(w.ok);
    await expect(card.result()).toContainText(w.wouldTag);
    await expect(card.link(w.openDry)).toBeVisible();
    // Nothing changed: the order has no tag from Flowdesk.
    expect((await api('orders.get', { ref: order.id })).summary.localTags).toEqual([]);
    await card.card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/dry-run-${language}-1280.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await card.card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/dry-run-${language}-1920.png` });

    await card.button(w.run).click();
    await expect(card.result()).toContainText(w.ok);
    await expect(card.link(w.openRun)).toBeVisible();
    await expect.poll(async () => (await api('orders.get', { ref: order.id })).summary.localTags).toEqual(['checked-9999']);
    // The tag shows on the page without a reload, and the run on the timeline.
    await expect(page.getByText(/checked-9999/).first()).toBeVisible();
    await card.card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/run-${language}-1920.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await card.card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/run-${language}-1280.png` });

    const runs = await api('runs.list', {});
    const real = runs.find((r: { dryRun: boolean }) => !r.dryRun);
    expect(real).toMatchObject({ status: 'succeeded', eventType: 'manual.run', orderId: order.id });
    await card.link(w.openRun).click();
    await expect(page).toHaveURL(new RegExp(`#/runs/${real.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Checked by hand');
  });
}
