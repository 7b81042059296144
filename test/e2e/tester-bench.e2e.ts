import type { Page } from '@playwright/test';
import { SHOP_DOMAIN, SHOPIFY_SECRET, postShopify, sampleOrder } from '../harness/shopify.ts';
import { chain, node, postOrder } from '../harness/trigger-flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { BulkRunPanel } from './pages/bulk-run-panel.ts';
import { engineApi } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { BenchInbox, type BenchWords } from './pages/tester-bench.ts';

const shots = '/tmp/shots15';

const words = {
  en: {
    page: {
      inbox: 'Inbox', table: 'Webhook deliveries', openDelivery: /^Open delivery #\d+$/, delivery: /^Delivery #\d+$/, body: 'Body', pretty: 'Pretty JSON',
      replayDialog: /^Replay delivery #\d+$/, diffDialog: /^Delivery #\d+ on the current version$/, bulkTitle: 'Replay or dry-run these deliveries on a flow', close: 'Close',
    } satisfies BenchWords,
    verdict: 'Verdict', badSignature: 'Bad signature', topic: 'Topic', search: 'Search', duplicates: 'Duplicates', onlyDuplicates: 'Only duplicates', clear: 'Clear filters',
    accepted: 'Accepted', verify: 'Verify again', replay: 'Replay…', current: 'On the current version', dry: 'Dry run', live: 'Live', liveWarning: /will really be sent/,
    goDry: 'Replay as a dry run', verification: 'Stored bytes verify as', runOf: (flow: string) => `Run of “${flow}”`, original: 'The original, as received',
    compare: 'Compare with the current version', oneDiffers: 'Same path, but 1 step differs.', otherPath: /^The current version takes another path: \d+ steps? differs?\.$/,
    originalRun: 'Original run', currentRun: 'Current version (dry run)', inputsOf: (step: string) => `Rendered fields of ${step}`,
    bulk: 'Replay these…', flow: 'Flow', off: 'off', dryOn: (flow: string) => `Dry-run these on “${flow}”`, cancel: 'Cancel', finished: 'Finished', cancelled: 'Cancelled', done: 'Done',
    summary: 'What the batch did', paths: 'Paths taken', wouldFire: 'Actions that would fire', runs: (n: number) => (n === 1 ? '1 run' : `${n} runs`), times: (n: number) => (n === 1 ? 'once' : `${n} times`),
    replayBadge: 'Replay', timeline: 'Order timeline', openOrder: 'Open the order',
  },
  vi: {
    page: {
      inbox: 'Hộp thư webhook', table: 'Webhook đã nhận', openDelivery: /^Mở webhook #\d+$/, delivery: /^Webhook #\d+$/, body: 'Nội dung', pretty: 'JSON dễ đọc',
      replayDialog: /^Phát lại webhook #\d+$/, diffDialog: /^Webhook #\d+ trên phiên bản hiện tại$/, bulkTitle: 'Phát lại hoặc chạy thử các webhook này trên một luồng', close: 'Đóng',
    } satisfies BenchWords,
    verdict: 'Kết quả', badSignature: 'Sai chữ ký', topic: 'Chủ đề', search: 'Tìm', duplicates: 'Trùng lặp', onlyDuplicates: 'Chỉ trùng lặp', clear: 'Xóa bộ lọc',
    accepted: 'Đã chấp nhận', verify: 'Kiểm tra chữ ký lại', replay: 'Phát lại…', current: 'Trên phiên bản hiện tại', dry: 'Chạy thử', live: 'Chạy thật', liveWarning: /thực sự được gửi/,
    goDry: 'Phát lại dạng chạy thử', verification: 'Dữ liệu đã lưu kiểm tra ra', runOf: (flow: string) => `Lần chạy của “${flow}”`, original: 'Bản gốc, y như lúc nhận',
    compare: 'So sánh với phiên bản hiện tại', oneDiffers: 'Cùng đường đi, nhưng 1 bước khác nhau.', otherPath: /^Phiên bản hiện tại đi đường khác: \d+ bước khác nhau\.$/,
    originalRun: 'Lần chạy gốc', currentRun: 'Phiên bản hiện tại (chạy thử)', inputsOf: (step: string) => `Nội dung của ${step}`,
    bulk: 'Phát lại các webhook này…', flow: 'Luồng', off: 'đang tắt', dryOn: (flow: string) => `Chạy thử các webhook này trên “${flow}”`, cancel: 'Hủy', finished: 'Đã xong', cancelled: 'Đã hủy', done: 'Xong',
    summary: 'Kết quả của đợt chạy', paths: 'Các đường đi', wouldFire: 'Hành động sẽ thực hiện', runs: (n: number) => `${n} lần chạy`, times: (n: number) => `${n} lần`,
    replayBadge: 'Phát lại', timeline: 'Lịch sử đơn hàng', openOrder: 'Mở đơn hàng',
  },
};

/** A trigger on new orders and a tag step, each with the name the views show. */
function tagFlow(name: string, tag: string) {
  return chain(name, { ...node('trigger', 'orders.order_created', {}), label: 'New order' }, { ...node('tag', 'flowdesk.add_order_tag', { tags: [tag] }), label: 'Tag it' });
}

/**
 * The same, each run rendering a long empty loop first (a few ms, far under the render limit):
 * a dry batch of a few hundred is still under way when Cancel is pressed.
 */
function slowTagFlow(name: string, tag: string) {
  return tagFlow(name, `{% for i in (1..8000) %}{% endfor %}${tag}`);
}

/** A Shopify connection and signed orders #<id>; answers the engine API helper and the webhook URL. */
async function arrange(flowdesk: Flowdesk, ids: number[]) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  // In small groups at once: many orders arrive in seconds, as a sale's first minutes do.
  for (let i = 0; i < ids.length; i += 20) {
    const answers = await Promise.all(ids.slice(i, i + 20).map((id) => postOrder(webhookUrl, id)));
    for (const a of answers) expect(a.status).toBe(200);
  }
  await expect.poll(async () => (await api('orders.list', { limit: 1000 })).rows.length, { timeout: 60_000 }).toBe(ids.length);
  const tagsOf = async (ref: string): Promise<string[]> => (await api('orders.get', { ref })).summary.localTags;
  return { api, webhookUrl, tagsOf };
}

async function inboxIn(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi', w: BenchWords) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, flowdesk, language);
  const inbox = new BenchInbox(page, w);
  await inbox.open();
  return inbox;
}

for (const language of ['en', 'vi'] as const) {
  const w = words[language];

  test(`inbox (${language}): filters narrow the deliveries, and one opens with its body exactly as received`, async ({ page, flowdesk }) => {
    const { api, webhookUrl } = await arrange(flowdesk, [7101, 7102]);
    // A later state of #7101, a delivery signed with the wrong secret, and one delivered twice.
    expect((await postOrder(webhookUrl, 7101, { note: 'changed' }, 'orders/updated')).status).toBe(200);
    expect((await postShopify(webhookUrl, { secret: 'not-the-secret' })).status).toBe(401);
    const twice = JSON.stringify(sampleOrder({ id: 7103, name: '#7103', order_number: 7103 }));
    for (let i = 0; i < 2; i++) await postShopify(webhookUrl, { body: twice, eventId: 'evt-7103', webhookId: 'wh-7103' });
    await expect.poll(async () => (await api('inbox.search', {})).length).toBe(6);

    const inbox = await inboxIn(page, flowdesk, language, w.page);
    await expect(inbox.rows()).toHaveCount(6);
    await inbox.filter(w.verdict).selectOption('bad_signature');
    await expect(inbox.rows()).toHaveCount(1);
    await expect(inbox.rows()).toContainText(w.badSignature);
    await inbox.button(w.clear).click();
    await expect(inbox.rows()).toHaveCount(6);
    await inbox.filter(w.topic).fill('orders/updated');
    await expect(inbox.rows()).toHaveCount(1);
    await expect(inbox.rows()).toContainText('orders/updated');
    await inbox.button(w.clear).click();
    await expect(inbox.rows()).toHaveCount(6);
    await inbox.filter(w.duplicates).selectOption({ label: w.onlyDuplicates });
    await expect(inbox.rows()).toHaveCount(1);
    await inbox.button(w.clear).click();
    await expect(inbox.rows()).toHaveCount(6);
    // Free text finds the order number: the one delivery of #7102.
    await inbox.filter(w.search).fill('7102');
    await expect(inbox.rows()).toHaveCount(1);
    await expect(inbox.rows()).toContainText('orders/create');

    // The body as Shopify sent it, byte for byte; indented only when asked.
    const sent = JSON.stringify(sampleOrder({ id: 7102, admin_graphql_api_id: 'gid://shopify/Order/7102', name: '#7102', order_number: 7102 }));
    const panel = await inbox.openDelivery(inbox.rows().first());
    await expect(inbox.body(panel)).toHaveText(sent);
    await panel.getByRole('button', { name: w.page.pretty }).click();
    await expect(inbox.body(panel)).toContainText('\n  "id": 7102,');
    await panel.getByRole('button', { name: w.verify }).click();
    await expect(panel.getByRole('status').filter({ hasText: w.accepted })).toBeVisible();
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await shootAt(page, page.locator('main'), shots, `inbox-${language}`);
  });

  test(`replay (${language}): a delivery replayed dry on the current version shows its run, sends nothing, and shows on the order as a replay`, async ({ page, flowdesk }) => {
    const { api, tagsOf } = await arrange(flowdesk, []);
    const name = language === 'en' ? 'Tag new orders' : 'Gắn thẻ đơn mới';
    const flow = await api('flows.save', { document: tagFlow(name, 'first') });
    await api('flows.activate', { id: flow.id });
    const { webhookUrl } = (await api('connections.list', {}))[0];
    expect((await postOrder(webhookUrl, 7301)).status).toBe(200);
    await expect.poll(async () => (await api('runs.list', { flowId: flow.id })).length).toBe(1);
    await expect.poll(() => tagsOf('#7301')).toEqual(['first']);
    // The current version tags differently: a dry replay must not add its tag.
    await api('flows.save', { id: flow.id, document: tagFlow(name, 'second') });
    await api('flows.activate', { id: flow.id, version: 2 });

    const inbox = await inboxIn(page, flowdesk, language, w.page);
    const panel = await inbox.openDelivery(inbox.rows().first());
    await panel.getByRole('button', { name: w.replay }).click();
    const dialog = inbox.dialog(w.page.replayDialog);
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${w.current}`) })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${w.dry}`) })).toBeChecked();
    await dialog.getByRole('radio', { name: new RegExp(`^${w.live}`) }).check();
    await expect(dialog.getByRole('alert')).toHaveText(w.liveWarning);
    await shootAt(page, dialog, shots, `replay-live-warning-${language}`);
    await dialog.getByRole('radio', { name: new RegExp(`^${w.dry}`) }).check();
    await expect(dialog.getByRole('alert')).toBeHidden();
    await dialog.getByRole('button', { name: w.goDry }).click();

    const result = dialog.getByRole('status').filter({ hasText: w.verification });
    await expect(result).toContainText(w.accepted);
    await expect(result).toContainText(w.original);
    const run = result.getByRole('link', { name: w.runOf(name) });
    await expect(run).toHaveAttribute('href', /^#\/runs\/run_/);
    await shootAt(page, dialog, shots, `replay-${language}`);
    const runs = await api('runs.list', { flowId: flow.id });
    expect(runs.map((r: { dryRun: boolean; flowVersion: number }) => [r.dryRun, r.flowVersion])).toEqual([[true, 2], [false, 1]]);
    expect(await tagsOf('#7301')).toEqual(['first']);
    expect(await api('inbox.search', {})).toHaveLength(1);

    // On the order's timeline the replay is a run marked as a replay, not a new delivery.
    await dialog.getByRole('button', { name: w.page.close }).click();
    await panel.getByRole('link', { name: w.openOrder, exact: true }).click();
    const timeline = page.getByRole('list', { name: w.timeline });
    // Each run has its start and its end on the timeline: the replay's two are marked, the original's two are not.
    const runEntries = timeline.locator('.timeline-item[data-kind="run"]');
    await expect(runEntries).toHaveCount(4);
    await expect(runEntries.filter({ has: page.locator('.timeline-replay') })).toHaveCount(2);
    await expect(runEntries.filter({ has: page.locator('.timeline-replay') }).last()).toContainText(w.replayBadge);
    await expect(timeline.locator('.timeline-item[data-kind="delivery"]')).toHaveCount(1);
  });

  test(`diff (${language}): after a flow changes, its current version beside the original run shows the step and field that differ`, async ({ page, flowdesk }) => {
    const { api } = await arrange(flowdesk, []);
    const name = language === 'en' ? 'Tag new orders' : 'Gắn thẻ đơn mới';
    const flow = await api('flows.save', { document: tagFlow(name, 'summer-sale') });
    await api('flows.activate', { id: flow.id });
    const { webhookUrl } = (await api('connections.list', {}))[0];
    expect((await postOrder(webhookUrl, 7401)).status).toBe(200);
    await expect.poll(async () => (await api('runs.list', { flowId: flow.id }))[0]?.status).toBe('succeeded');
    await api('flows.save', { id: flow.id, document: tagFlow(name, 'winter-sale') });
    await api('flows.activate', { id: flow.id, version: 2 });

    const inbox = await inboxIn(page, flowdesk, language, w.page);
    const panel = await inbox.openDelivery(inbox.rows().first());
    await panel.getByRole('button', { name: w.compare, exact: true }).click();
    const dialog = inbox.dialog(w.page.diffDialog);
    await expect(dialog.getByRole('status')).toHaveText(w.oneDiffers);
    for (const column of [w.originalRun, w.currentRun]) {
      const path = dialog.getByRole('region', { name: column }).getByRole('listitem');
      await expect(path).toHaveCount(2);
      await expect(path.first()).toContainText('New order');
      await expect(path.last()).toContainText('Tag it');
      await expect(path.last()).toHaveClass(/bench-path-differs/);
      await expect(path.first()).not.toHaveClass(/bench-path-differs/);
    }
    const fields = dialog.getByRole('table', { name: w.inputsOf('Tag it') });
    await expect(fields.getByRole('row').filter({ hasText: 'summer-sale' }).filter({ hasText: 'winter-sale' })).toHaveCount(1);
    await shootAt(page, dialog, shots, `diff-${language}`);
  });

  test(`bulk (${language}): a dry run over the filtered deliveries shows a progress bar, stops on Cancel, and sums up what it would do`, async ({ page, flowdesk }) => {
    test.setTimeout(180_000);
    const ids = Array.from({ length: 400 }, (_, i) => 9000 + i);
    const { api, tagsOf } = await arrange(flowdesk, ids);
    const name = language === 'en' ? 'Tag new orders' : 'Gắn thẻ đơn mới';
    await api('flows.save', { document: slowTagFlow(name, 'backfill') });

    const inbox = await inboxIn(page, flowdesk, language, w.page);
    await inbox.filter(w.topic).fill('orders/create');
    await expect(inbox.rows()).toHaveCount(200);
    await inbox.button(w.bulk).click();
    const panel = new BulkRunPanel(page, w.page.bulkTitle);
    await panel.flowSelect(w.flow).selectOption({ label: `${name} (${w.off})` });
    await panel.button(w.dryOn(name)).click();
    await expect(panel.progressBar()).toBeVisible();
    await panel.button(w.cancel).click();
    await expect(panel.state()).toHaveText(w.finished, { timeout: 60_000 });
    const cancelled = Number(await panel.count(w.cancelled).textContent());
    const done = Number(await panel.count(w.done).textContent());
    expect(cancelled).toBeGreaterThan(0);
    expect(done + cancelled).toBe(400);
    await expect(panel.progressBar()).toHaveAttribute('aria-valuenow', '400');

    const summary = panel.panel.getByRole('region', { name: w.summary });
    await expect(summary.getByRole('list', { name: w.paths }).getByRole('listitem')).toHaveText([`${w.runs(done)}New order → Tag it`]);
    await expect(summary.getByRole('list', { name: w.wouldFire }).getByRole('listitem').first()).toContainText(w.times(done));
    await shootAt(page, panel.panel, shots, `bulk-${language}`);
    for (const ref of ['#9000', '#9399']) expect(await tagsOf(ref)).toEqual([]);
  });
}
