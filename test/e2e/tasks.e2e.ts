import type { Locator, Page } from '@playwright/test';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { shootAt } from './pages/open-app.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { TasksPanel } from './pages/tasks-panel.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';
import { startFakeTrello, TRELLO_KEY, TRELLO_TOKEN } from '../harness/fake-trello.ts';
import { ASANA_TOKEN, startFakeAsana } from '../harness/fake-asana.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/tasks';

const words = {
  en: { panel: 'Tasks', open: '3 open', overdue: 'Overdue', overdueCount: '1 overdue', nobody: 'Nobody yet', forLan: 'For Lan', done: 'Task “Kiểm tra thanh toán #9999” done', created: 'Task “Gọi lại cho khách về đơn #9999” created', edit: 'Edit “Đóng gói quà tặng”', assignee: 'Assignee', save: 'Save', forMinh: 'For Minh', timeline: 'Order timeline' },
  vi: { panel: 'Việc cần làm', open: '3 việc chưa xong', overdue: 'Quá hạn', overdueCount: '1 việc quá hạn', nobody: 'Chưa giao cho ai', forLan: 'Giao cho Lan', done: 'Đã xong việc “Kiểm tra thanh toán #9999”', created: 'Đã tạo việc “Gọi lại cho khách về đơn #9999”', edit: 'Sửa “Đóng gói quà tặng”', assignee: 'Người làm', save: 'Lưu', forMinh: 'Giao cho Minh', timeline: 'Lịch sử đơn hàng' },
};

const taskNode = (id: string, y: number, params: Record<string, unknown>) => ({ id, type: 'flowdesk.create_task', typeVersion: 1, position: { x: 0, y }, params });

/** "Order created → three tasks", on; a signed Shopify order created; the order with its tasks. */
async function arrange(flowdesk: Flowdesk) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const flow = await api('flows.save', {
    document: {
      name: 'Việc cho đơn mới',
      nodes: [
        { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['shopify'] } },
        taskNode('call', 160, { title: 'Gọi lại cho khách về đơn {{ order.number }}', assignee: 'Lan', due: 'in 2 days', notes: 'Tổng {{ order.totalPrice | money }}, khách hỏi về thời gian giao' }),
        taskNode('pay', 320, { title: 'Kiểm tra thanh toán {{ order.number }}', assignee: 'Lan', due: '{{ order.createdAt | date: "%Y-%m-%d" }} 17:00' }),
        taskNode('gift', 480, { title: 'Đóng gói quà tặng' }),
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'call', targetPort: 'in' },
        { id: 'e2', source: 'call', sourcePort: 'out', target: 'pay', targetPort: 'in' },
        { id: 'e3', source: 'pay', sourcePort: 'out', target: 'gift', targetPort: 'in' },
      ],
    },
  });
  await api('flows.activate', { id: flow.id });
  expect((await postShopify(webhookUrl, { body: JSON.stringify(sampleOrder()) })).status).toBe(200);
  await expect.poll(async () => (await api('tasks.open', {})).length).toBe(3);
  const [order] = (await api('orders.list', {})).rows;
  return { api, order: order as { id: string; number: string } };
}

async function openOrder(page: Page, flowdesk: Flowdesk, orderId: string, language: 'en' | 'vi') {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${orderId}`);
  await page.locator('html[data-engine-link="open"]').waitFor();
}

const shoot = (page: Page, target: Locator, name: string) => shootAt(page, target, shots, name);

for (const language of ['en', 'vi'] as const) {
  test(`order page (${language}): a flow's tasks, overdue first and marked; ticked off, said on the timeline; reassigned`, async ({ page, flowdesk }) => {
    const w = words[language];
    const { api, order } = await arrange(flowdesk);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openOrder(page, flowdesk, order.id, language);
    const tasks = new TasksPanel(page, w.panel);
    await expect(tasks.items()).toHaveCount(3);

    // The order was made on 2026-11-20: its payment check is overdue, and first.
    expect(await tasks.titles()).toEqual(['Kiểm tra thanh toán #9999', 'Gọi lại cho khách về đơn #9999', 'Đóng gói quà tặng']);
    await expect(tasks.card.getByRole('heading', { name: new RegExp(w.panel) })).toContainText(w.open);
    await expect(tasks.card.getByRole('heading', { name: new RegExp(w.panel) })).toContainText(w.overdueCount);
    await expect(tasks.item('Kiểm tra thanh toán')).toContainText(w.overdue);
    await expect(tasks.item('Kiểm tra thanh toán')).toHaveClass(/task-overdue/);
    await expect(tasks.item('Gọi lại cho khách')).toContainText(w.forLan);
    await expect(tasks.item('Gọi lại cho khách')).not.toHaveClass(/task-overdue/);
    await expect(tasks.item('Đóng gói quà tặng')).toContainText(w.nobody);
    const timeline = page.getByRole('list', { name: w.timeline });
    await expect(timeline).toContainText(w.created);
    await shoot(page, tasks.card, `tasks-${language}`);

    // Ticked off: it goes below the open ones, the timeline says so, and so does the engine.
    await tasks.checkbox('Kiểm tra thanh toán').check();
    await expect(tasks.checkbox('Kiểm tra thanh toán')).toBeChecked();
    await expect.poll(() => tasks.titles()).toEqual(['Gọi lại cho khách về đơn #9999', 'Đóng gói quà tặng', 'Kiểm tra thanh toán #9999']);
    await expect(tasks.item('Kiểm tra thanh toán')).toHaveClass(/task-done/);
    await expect(timeline).toContainText(w.done);
    await expect.poll(async () => (await api('tasks.open', {})).length).toBe(2);
    await shoot(page, tasks.card, `tasks-done-${language}`);

    // Given to someone, in place.
    await tasks.item('Đóng gói quà tặng').getByRole('button', { name: w.edit }).click();
    const form = tasks.item('Đóng gói quà tặng').getByRole('form');
    await form.getByLabel(w.assignee).fill('Minh');
    await shoot(page, tasks.card, `tasks-edit-${language}`);
    await form.getByRole('button', { name: w.save }).click();
    await expect(form).toBeHidden();
    await expect(tasks.item('Đóng gói quà tặng')).toContainText(w.forMinh);
    const [gift] = (await api('tasks.forOrder', { orderId: order.id })).filter((x: { title: string }) => x.title === 'Đóng gói quà tặng');
    expect(gift).toMatchObject({ assignee: 'Minh', done: false });
  });
}

test('Trello and Asana accounts (vi): Test names the Trello member, and the Asana user with the workspaces a step asks for', async ({ page, flowdesk }) => {
  const trello = await startFakeTrello();
  const asana = await startFakeAsana();
  try {
    const api = engineApi(flowdesk);
    await api('accounts.create', { connector: 'trello', name: 'Bảng kho', credentials: { apiKey: TRELLO_KEY, token: TRELLO_TOKEN }, settings: { baseUrl: trello.baseUrl } });
    await api('accounts.create', { connector: 'asana', name: 'Asana cửa hàng', credentials: { accessToken: ASANA_TOKEN }, settings: { baseUrl: asana.baseUrl } });
    await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
    await new AppShell(page).open(flowdesk.editorUrl);
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);

    const trelloRow = accounts.row('Bảng kho');
    await trelloRow.getByRole('button', { name: 'Kiểm tra Bảng kho' }).click();
    await expect(trelloRow.getByRole('status')).toContainText('Hoạt động tốt: đã đăng nhập');
    await expect(trelloRow.getByRole('status')).toContainText('Thành viên: Cửa hàng An');
    const asanaRow = accounts.row('Asana cửa hàng');
    await asanaRow.getByRole('button', { name: 'Kiểm tra Asana cửa hàng' }).click();
    await expect(asanaRow.getByRole('status')).toContainText('Không gian làm việc (gid): Cửa hàng An (1200000000000100)');
    await expect(accounts.connector('Trello')).toContainText('Tạo thẻ trên bảng Trello');
    await shoot(page, accounts.connector('Asana'), 'accounts-vi');

    await accounts.connector('Trello').getByRole('button', { name: 'Thêm tài khoản Trello' }).click();
    const form = accounts.connector('Trello').getByRole('form');
    await expect(form.getByLabel('API key')).toBeVisible();
    await expect(form.getByText('Bấm liên kết “Token” cạnh API key; cho phép đọc và ghi')).toBeVisible();
    await shoot(page, form, 'trello-form-vi');
    expect(trello.cards).toEqual([]);
    expect(asana.tasks).toEqual([]);
  } finally {
    await trello.close();
    await asana.close();
  }
});

test("the Create task and Create Asana task steps' forms, in both languages", async ({ page, flowdesk }) => {
  const api = engineApi(flowdesk);
  const asana = await api('accounts.create', { connector: 'asana', name: 'Asana cửa hàng', credentials: { accessToken: ASANA_TOKEN } });
  const flow = await api('flows.save', {
    document: {
      name: 'Việc cho đơn mới',
      nodes: [
        { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
        taskNode('call', 160, { title: 'Gọi lại cho khách về đơn {{ order.number }}', assignee: 'Lan', due: 'in 2 days' }),
        { id: 'asana', type: 'asana.create_task', typeVersion: 1, position: { x: 0, y: 320 }, params: { account: asana.id, placeIn: 'project', gid: '1200000000000200', name: 'Hoàn tiền đơn {{ order.number }}' } },
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'call', targetPort: 'in' },
        { id: 'e2', source: 'call', sourcePort: 'out', target: 'asana', targetPort: 'in' },
      ],
    },
  });
  const labels = { en: { due: 'Due', place: 'Put the task in', project: 'A project' }, vi: { due: 'Hạn', place: 'Đặt việc vào', project: 'Một dự án' } };
  for (const language of ['en', 'vi'] as const) {
    await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
    await page.goto('about:blank');
    await new AppShell(page).open(flowdesk.editorUrl);
    await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
    await page.locator('.react-flow__node[data-id="call"]').click();
    const due = page.getByText(labels[language].due, { exact: true }).first();
    await expect(due).toBeVisible();
    await shoot(page, due, `task-step-${language}`);
    await page.locator('.react-flow__node[data-id="asana"]').click();
    const place = page.getByRole('combobox', { name: labels[language].place });
    await expect(place.locator('option:checked')).toHaveText(labels[language].project);
    await shoot(page, place, `asana-step-${language}`);
  }
});
