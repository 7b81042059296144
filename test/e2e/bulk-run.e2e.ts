import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { BulkRunPanel } from './pages/bulk-run-panel.ts';
import { engineApi } from './pages/engine-api.ts';
import { OrdersTools } from './pages/orders-page.ts';

const shots = 'test-results/shots/bulk-run';
const words = {
  en: {
    flowName: 'Tag by hand', search: 'Search orders', table: 'Orders', action: 'Run a flow on these orders', flow: 'Flow', off: 'off',
    dry: 'Dry run', run: 'Run', back: "Don't run", cancel: 'Cancel', another: 'Run another flow', openRuns: "Open the flow's runs",
    done: 'Done', failed: 'Failed', skipped: 'Skipped', cancelled: 'Cancelled', waiting: 'Waiting', finished: 'Finished', running: 'Running', waitingState: 'Waiting for due times',
    scopeTwo: 'It will run on the 2 orders that match “710”.', scopeAll: (n: number) => `It will run on all ${n} orders shown.`,
    confirmTitle: (flow: string, n: number) => `Run “${flow}” on ${n} orders?`, confirmRun: (n: number) => `Run on ${n} orders`,
    progress: (done: number, n: number) => `Processed ${done} of ${n} orders`, dryNote: /nothing was changed/,
    cancelledRuns: (n: number) => `Cancelled ${n} runs that had not started.`, underWay: (n: number) => `${n} runs had already started and will finish.`,
    waitingNote: /3 runs are at a wait step and go on at their due time\. Cancel does not stop runs that have started\./,
  },
  vi: {
    flowName: 'Gắn thẻ thủ công', search: 'Tìm đơn hàng', table: 'Đơn hàng', action: 'Chạy một luồng trên các đơn hàng này', flow: 'Luồng', off: 'đang tắt',
    dry: 'Chạy thử', run: 'Chạy', back: 'Không chạy', cancel: 'Hủy', another: 'Chạy luồng khác', openRuns: 'Xem các lần chạy của luồng',
    done: 'Xong', failed: 'Thất bại', skipped: 'Bỏ qua', cancelled: 'Đã hủy', waiting: 'Đang đợi', finished: 'Đã xong', running: 'Đang chạy', waitingState: 'Đang đợi đến hạn',
    scopeTwo: 'Luồng sẽ chạy trên 2 đơn hàng khớp với “710”.', scopeAll: (n: number) => `Luồng sẽ chạy trên cả ${n} đơn hàng đang hiển thị.`,
    confirmTitle: (flow: string, n: number) => `Chạy “${flow}” trên ${n} đơn hàng?`, confirmRun: (n: number) => `Chạy trên ${n} đơn hàng`,
    progress: (done: number, n: number) => `Đã xử lý ${done}/${n} đơn hàng`, dryNote: /không có gì bị thay đổi/,
    cancelledRuns: (n: number) => `Đã hủy ${n} lần chạy chưa bắt đầu.`, underWay: (n: number) => `${n} lần chạy đã bắt đầu và sẽ chạy đến hết.`,
    waitingNote: /3 lần chạy đang ở bước đợi và sẽ chạy tiếp khi đến hạn\. Hủy không dừng các lần chạy đã bắt đầu\./,
  },
};
type Words = (typeof words)['en'];

/** A connection and signed Shopify orders #<id> for each id; answers the engine API helper. */
async function arrange(flowdesk: Flowdesk, ids: number[]) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  for (const id of ids) expect((await postOrder(webhookUrl, id)).status).toBe(200);
  await expect.poll(async () => (await api('orders.list', { limit: 1000 })).rows.length, { timeout: 20_000 }).toBe(ids.length);
  const tagsOf = async (ref: string): Promise<string[]> => (await api('orders.get', { ref })).summary.localTags;
  return { api, tagsOf };
}

async function openOrders(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi', w: Words, rows: number) {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await new AppShell(page).open(flowdesk.editorUrl);
  const tools = new OrdersTools(page);
  await expect(tools.rows(w.table)).toHaveCount(rows);
  return tools;
}

async function shoot(page: Page, name: string, sizes: readonly (readonly [number, number])[] = [[1280, 800], [1920, 1080]]) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}.png` });
  }
}

/** An HTTP receiver that holds every request until released: runs that call it stay under way. */
async function startGate() {
  const held: ServerResponse[] = [];
  let open = false;
  let seen = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen++;
      if (open) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else held.push(res);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: () => seen,
    release() {
      open = true;
      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

for (const language of ['en', 'vi'] as const) {
  const w = words[language];

  test(`orders page (${language}): a dry run on the orders a search shows changes nothing; Run, once confirmed, tags them and no other`, async ({ page, flowdesk }) => {
    const { api, tagsOf } = await arrange(flowdesk, [7101, 7102, 7203]);
    const flow = await api('flows.save', {
      document: chain(w.flowName, node('trigger', 'orders.manual', {}), node('tag', 'flowdesk.add_order_tag', { tags: ['bulk-{{ order.number | remove: "#" }}'] })),
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    const tools = await openOrders(page, flowdesk, language, w, 3);

    // The search narrows the list to two; the panel says so before anything runs.
    await tools.search(w.search, '710');
    await expect(tools.rows(w.table)).toHaveCount(2);
    await tools.runFlowButton(w.action).click();
    const panel = new BulkRunPanel(page, w.action);
    await expect(panel.scope()).toHaveText(w.scopeTwo);
    await expect(panel.button(w.run)).toBeDisabled();
    await panel.flowSelect(w.flow).selectOption({ label: `${w.flowName} (${w.off})` });
    await expect(panel.button(w.dry)).toBeEnabled();
    await shoot(page, `choose-${language}`, [[1280, 800]]);

    // A dry run: both done, nothing changed.
    await page.setViewportSize({ width: 1280, height: 800 });
    await panel.button(w.dry).click();
    await expect(panel.progressLine()).toHaveText(w.progress(2, 2));
    await expect(panel.state()).toHaveText(w.finished);
    await expect(panel.count(w.done)).toHaveText('2');
    for (const label of [w.failed, w.skipped, w.cancelled]) await expect(panel.count(label)).toHaveText('0');
    await expect(panel.progressBar()).toHaveAttribute('aria-valuenow', '2');
    await expect(panel.notes()).toContainText(w.dryNote);
    await expect(panel.runRows()).toHaveCount(2);
    for (const ref of ['#7101', '#7102', '#7203']) expect(await tagsOf(ref)).toEqual([]);
    const dryRuns = await api('runs.list', { flowId: flow.id });
    expect(dryRuns.map((r: { dryRun: boolean; status: string }) => [r.dryRun, r.status])).toEqual([[true, 'succeeded'], [true, 'succeeded']]);
    await shoot(page, `dry-${language}`);

    // Run asks first, naming the flow and the count; "Don't run" starts nothing.
    await page.setViewportSize({ width: 1280, height: 800 });
    await panel.button(w.another).click();
    await panel.flowSelect(w.flow).selectOption({ label: `${w.flowName} (${w.off})` });
    await panel.button(w.run).click();
    const dialog = panel.confirmation();
    await expect(dialog.getByRole('heading')).toHaveText(w.confirmTitle(w.flowName, 2));
    await dialog.getByRole('button', { name: w.back }).click();
    await expect(dialog).toBeHidden();
    expect(await api('runs.list', { flowId: flow.id })).toHaveLength(2);

    await panel.button(w.run).click();
    await expect(dialog).toBeVisible();
    await shoot(page, `confirm-${language}`);
    await dialog.getByRole('button', { name: w.confirmRun(2) }).click();
    await expect(panel.progressLine()).toHaveText(w.progress(2, 2));
    await expect(panel.state()).toHaveText(w.finished);
    await expect(panel.count(w.done)).toHaveText('2');
    await expect(panel.runRows()).toHaveCount(2);
    expect(await tagsOf('#7101')).toEqual(['bulk-7101']);
    expect(await tagsOf('#7102')).toEqual(['bulk-7102']);
    expect(await tagsOf('#7203')).toEqual([]);
    // The list shows the new tags without a reload.
    await expect(tools.rows(w.table).filter({ hasText: 'bulk-7101' })).toHaveCount(1);
    await shoot(page, `run-${language}`);

    // Each run has its link; the flow's runs are one click away.
    await expect(panel.runRows().first().getByRole('link').last()).toHaveAttribute('href', /^#\/runs\/run_/);
    await panel.link(w.openRuns).click();
    await expect(page).toHaveURL(new RegExp(`#/flows/${flow.id}\\?view=runs$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.flowName);
  });

  test(`orders page (${language}): Cancel stops the runs that have not started, and the panel says how many`, async ({ page, flowdesk }) => {
    test.setTimeout(120_000);
    const ids = Array.from({ length: 100 }, (_, i) => 8000 + i);
    const { api, tagsOf } = await arrange(flowdesk, ids);
    const gate = await startGate();
    try {
      // Each run calls the gate before it tags: held there, the runs that started stay under way.
      const flow = await api('flows.save', {
        document: chain(
          w.flowName,
          node('trigger', 'orders.manual', {}),
          node('call', 'http.request', { method: 'POST', url: `${gate.url}/orders`, body: '{"order": "{{ order.number }}"}', timeoutSeconds: 60 }),
          node('tag', 'flowdesk.add_order_tag', { tags: ['sent'] }),
        ),
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      const tools = await openOrders(page, flowdesk, language, w, 100);
      await tools.runFlowButton(w.action).click();
      const panel = new BulkRunPanel(page, w.action);
      await expect(panel.scope()).toHaveText(w.scopeAll(100));
      await panel.flowSelect(w.flow).selectOption({ label: `${w.flowName} (${w.off})` });
      await panel.button(w.run).click();
      await panel.confirmation().getByRole('button', { name: w.confirmRun(100) }).click();

      // Both workers are held at the gate: nothing more happens until it opens.
      await expect.poll(gate.seen).toBe(2);
      await expect(panel.progressLine()).toHaveText(w.progress(0, 100));
      await expect(panel.state()).toHaveText(w.running);
      await expect(panel.button(w.cancel)).toBeVisible();
      await shoot(page, `cancel-running-${language}`);

      await page.setViewportSize({ width: 1280, height: 800 });
      await panel.button(w.cancel).click();
      await expect(panel.count(w.cancelled)).not.toHaveText('0');
      const cancelledRuns = (await api('runs.list', { flowId: flow.id, limit: 1000 })).filter((r: { status: string }) => r.status === 'cancelled');
      const n = cancelledRuns.length;
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(100);
      await expect(panel.count(w.cancelled)).toHaveText(String(n));
      await expect(panel.notes()).toContainText(`${w.cancelledRuns(n)} ${w.underWay(100 - n)}`);
      await expect(panel.button(w.cancel)).toBeHidden();
      await shoot(page, `cancelled-${language}`);

      // The runs that had started finish; the cancelled ones never do.
      gate.release();
      await expect(panel.progressLine()).toHaveText(w.progress(100, 100), { timeout: 30_000 });
      await expect(panel.state()).toHaveText(w.finished);
      await expect(panel.count(w.done)).toHaveText(String(100 - n));
      await expect(panel.count(w.cancelled)).toHaveText(String(n));
      await expect(panel.notes()).toHaveText(w.cancelledRuns(n));
      expect(gate.seen()).toBe(100 - n);
      for (const run of cancelledRuns.slice(0, 5)) expect(await tagsOf(run.orderId)).toEqual([]);
      const done = (await api('runs.list', { flowId: flow.id, limit: 1000 })).find((r: { status: string }) => r.status === 'succeeded');
      expect(await tagsOf(done.orderId)).toEqual(['sent']);
      await shoot(page, `cancel-finished-${language}`);
    } finally {
      gate.release();
      await gate.close();
    }
  });

  test(`orders page (${language}): runs parked at a wait have started, so there is nothing to cancel; the panel says they go on later`, async ({ page, flowdesk }) => {
    const { api, tagsOf } = await arrange(flowdesk, [7101, 7102, 7203]);
    const flow = await api('flows.save', {
      document: chain(
        w.flowName,
        node('trigger', 'orders.manual', {}),
        node('wait', 'timing.wait_for', { amount: 1, unit: 'days' }),
        node('tag', 'flowdesk.add_order_tag', { tags: ['later'] }),
      ),
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    const tools = await openOrders(page, flowdesk, language, w, 3);
    await tools.runFlowButton(w.action).click();
    const panel = new BulkRunPanel(page, w.action);
    await panel.flowSelect(w.flow).selectOption({ label: `${w.flowName} (${w.off})` });
    await panel.button(w.run).click();
    await panel.confirmation().getByRole('button', { name: w.confirmRun(3) }).click();

    await expect(panel.count(w.waiting)).toHaveText('3');
    await expect(panel.notes()).toContainText(w.waitingNote);
    await expect(panel.progressLine()).toHaveText(w.progress(0, 3));
    await expect(panel.state()).toHaveText(w.waitingState);
    await expect(panel.button(w.cancel)).toBeHidden();
    const runs = await api('runs.list', { flowId: flow.id });
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['waiting', 'waiting', 'waiting']);
    for (const ref of ['#7101', '#7102', '#7203']) expect(await tagsOf(ref)).toEqual([]);
    await shoot(page, `waiting-${language}`);
  });
}
