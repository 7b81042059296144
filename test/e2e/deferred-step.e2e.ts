import type { Page } from '@playwright/test';
import { startFakeEsms, type FakeEsms } from '../harness/fake-esms.ts';
import { cancelledOrder, HARAVAN_ORG_ID, HARAVAN_SECRET, postHaravanCancelled } from '../harness/haravan-cancelled.ts';
import { cancelledThen, smsNode } from '../harness/message-flows.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = '/tmp/fd/shots/deferred-step';
const words = {
  en: {
    runNotice: /Text the customer waits until .+ — eSMS: the balance is too low \(top it up\)/,
    again: 'The step is tried again then; a message that already went out is not sent twice.',
    timeline: /Flow “Order cancelled message” waits until .+ — eSMS: the balance is too low \(top it up\)/,
    timelineName: 'Order timeline',
    canvas: 'The flow as it ran', smsNode: 'Action: Text the customer', waiting: 'Waiting',
    runsTab: 'Runs', listReason: 'eSMS: the balance is too low (top it up)',
  },
  vi: {
    runNotice: /Text the customer chờ đến .+ — eSMS: số dư không đủ \(cần nạp thêm\)/,
    again: 'Khi đó bước này được chạy lại; tin đã gửi đi sẽ không bị gửi lần nữa.',
    timeline: /Luồng “Order cancelled message” đang chờ đến .+ — eSMS: số dư không đủ \(cần nạp thêm\)/,
    timelineName: 'Lịch sử đơn hàng',
    canvas: 'Luồng như đã chạy', smsNode: 'Hành động: Text the customer', waiting: 'Đang đợi',
    runsTab: 'Lần chạy', listReason: 'eSMS: số dư không đủ (cần nạp thêm)',
  },
};

async function shoot(page: Page, name: string) {
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}.png` });
  }
}

let esms: FakeEsms;
test.beforeEach(async () => {
  esms = await startFakeEsms();
});
test.afterEach(async () => {
  await esms.close();
});

for (const language of ['en', 'vi'] as const) {
  const w = words[language];
  test(`(${language}) a step eSMS deferred for a low balance: the run view and the order timeline say until when and why`, async ({ page, flowdesk }) => {
    const api = engineApi(flowdesk);
    const { webhookUrl } = await api('connections.create', { platform: 'haravan', storeId: HARAVAN_ORG_ID, secret: HARAVAN_SECRET });
    const account = await api('accounts.create', {
      connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' }, settings: { baseUrl: esms.baseUrl },
    });
    const flow = await api('flows.save', { document: cancelledThen(smsNode(account.id)) });
    await api('flows.activate', { id: flow.id });
    esms.script({ code: '103', message: 'Balance not enough' });
    expect(await postHaravanCancelled(webhookUrl, cancelledOrder({ id: 6301, number: '#6301', phone: '0912345678', email: null }))).toBe(200);
    await expect.poll(async () => (await api('runs.list', {}))[0]?.status, { timeout: 20_000 }).toBe('waiting');
    const [run] = await api('runs.list', {});

    await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
    await new AppShell(page).open(flowdesk.editorUrl);
    await page.evaluate(`window.location.hash = '#/runs/${run.id}'`);
    const notice = page.getByRole('status').filter({ hasText: w.again });
    await expect(notice).toContainText(w.runNotice);
    // On the canvas the deferred step is where the run stopped: waiting, not "not reached".
    await expect(page.getByRole('application', { name: w.canvas }).getByRole('group', { name: w.smsNode, exact: true })).toContainText(w.waiting);
    await shoot(page, `run-${language}`);

    await page.evaluate(`window.location.hash = '#/orders/${run.orderId}'`);
    await expect(page.getByRole('list', { name: w.timelineName })).toContainText(w.timeline);
    await shoot(page, `timeline-${language}`);

    // The flow's runs list says why, under "waiting until".
    await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
    await page.getByRole('tab', { name: w.runsTab }).click();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(w.listReason);
    await shoot(page, `runs-list-${language}`);
    expect(esms.sent.size).toBe(0);
  });
}
