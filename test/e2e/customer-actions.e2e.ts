import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { ConditionBuilder } from './pages/condition-builder.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/customer-actions';
const sizes = [[1280, 800], [1920, 1080]] as const;

const at = (id: string, type: string, y: number, params: Record<string, unknown>) => ({ id, type, typeVersion: 1, position: { x: 0, y }, params });
const line = (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, sourcePort: 'out', target: id, targetPort: 'in' }));

/** The flows the customer actions act on: a thank-you to start, a sequence, a flow that takes customers out of it. */
async function arrange(flowdesk: Flowdesk) {
  const api = engineApi(flowdesk);
  const { webhookUrl } = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const save = async (name: string, nodes: ReturnType<typeof at>[], on = true) => {
    const flow = await api('flows.save', { document: { name, nodes, edges: line(...nodes.map((n) => n.id)) } });
    if (on) await api('flows.activate', { id: flow.id });
    return flow as { id: string };
  };
  const thanks = await save('Cảm ơn', [at('t', 'orders.order_paid', 0, {}), at('n', 'flowdesk.add_timeline_note', 160, { text: 'Cảm ơn {{ customer.fields.hạng }} — {{ event.startedBy }}' })]);
  await save('Chăm sóc sau mua', [
    at('t', 'flowdesk.sequence_enrolled', 0, { sequence: 'Chăm sóc' }),
    at('n1', 'flowdesk.add_timeline_note', 160, { text: 'Ngày 0: {{ event.sequence }}' }),
    at('w', 'timing.wait_for', 320, { amount: 3, unit: 'days' }),
    at('n2', 'flowdesk.add_timeline_note', 480, { text: 'Ngày 3' }),
  ]);
  const stop = await save('Dừng chăm sóc', [at('t', 'orders.manual', 0, {}), at('l', 'flowdesk.remove_from_sequence', 160, { sequence: 'Chăm sóc' })]);
  return { api, webhookUrl, thanks, stop, save };
}

async function openApp(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi'): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await page.setViewportSize({ width: 1280, height: 800 });
  await new AppShell(page).open(flowdesk.editorUrl);
}

async function shoot(page: Page, target: Locator, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function openOrder(page: Page, orderId: string): Promise<Locator> {
  await page.evaluate(`window.location.hash = '#/orders/${orderId}'`);
  const timeline = page.getByRole('list', { name: /^(Order timeline|Lịch sử đơn hàng)$/ });
  await timeline.waitFor();
  return timeline;
}

test.setTimeout(180_000);

test('builds "order created → set hạng → enrol in a sequence → start another flow" in the editor; the order says each', async ({ page, flowdesk }) => {
  const { api, webhookUrl, stop } = await arrange(flowdesk);
  await openApp(page, flowdesk, 'en');
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  await editor.name.fill('Khách mới');
  await editor.dragToCanvas('Order created', { x: 150, y: 40 });

  await editor.dragToCanvas('Update customer field', { x: 150, y: 170 });
  await expect(editor.field('Field')).toHaveValue('custom');
  await editor.field('Custom field name').fill('hạng');
  await editor.field('Value').fill('vàng');

  await editor.dragToCanvas('Enrol in sequence', { x: 150, y: 300 });
  await editor.field('Sequence').fill('chăm sóc');
  // A known sequence says which flows it starts: a misspelt name would start none.
  await expect(editor.sidePanel).toContainText('Starts “Chăm sóc sau mua”. Customers in it now: 0.');
  await shoot(page, editor.sidePanel, 'enrol-form-en');

  await editor.dragToCanvas('Start another flow', { x: 150, y: 430 });
  const picker = editor.field('Flow');
  await expect(picker.getByRole('option', { name: 'Cảm ơn' })).toHaveCount(1);
  await expect(picker.getByRole('option', { name: 'Dừng chăm sóc' })).toHaveCount(1);
  await picker.selectOption({ label: 'Cảm ơn' });
  await expect(editor.sidePanel.getByRole('link', { name: 'Open “Cảm ơn”' })).toBeVisible();
  await shoot(page, editor.sidePanel, 'start-flow-form-en');

  const nodes = ['Trigger: Order created', 'Action: Update customer field', 'Action: Enrol in sequence', 'Action: Start another flow'];
  const labels = ['Order created', 'Update customer field', 'Enrol in sequence', 'Start another flow'];
  for (let i = 0; i < 3; i++) {
    await editor.connect(editor.handle(editor.node(nodes[i]!), `Next output of ${labels[i]}`), editor.handle(editor.node(nodes[i + 1]!), `Input of ${labels[i + 1]}`));
  }
  await expect(editor.edges).toHaveCount(3);
  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();
  await editor.activeSwitch.click();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');
  await shoot(page, editor.canvas, 'flow-en');

  // A signed order: the customer gets the field, enters the sequence, and "Cảm ơn" runs once.
  expect((await postShopify(webhookUrl, { body: JSON.stringify(sampleOrder()) })).status).toBe(200);
  await expect.poll(async () => (await api('runs.list', {})).filter((r: { status: string }) => r.status === 'waiting').length).toBe(1);
  const [order] = (await api('orders.list', {})).rows;
  const timeline = await openOrder(page, order.id);
  await expect(timeline).toContainText('Customer field “hạng” set to vàng by “Khách mới”');
  await expect(timeline).toContainText('Customer enrolled in sequence “chăm sóc”: 1 flow started');
  await expect(timeline).toContainText('Flow “Chăm sóc sau mua” waits until');
  await expect(timeline).toContainText('Cảm ơn vàng — Khách mới');
  await expect(timeline).toContainText('Flow “Cảm ơn” finished');
  await shoot(page, timeline, 'timeline-en');
  const customer = await api('customers.get', { id: order.customerId });
  expect(customer).toMatchObject({ fields: { hạng: 'vàng' }, sequences: ['chăm sóc'] });

  // Taken out of the sequence by hand: its waiting run is cancelled, saying why.
  await api('runs.manual', { flowId: stop.id, orderIds: [order.id] });
  await expect(timeline).toContainText('Flow “Chăm sóc sau mua” cancelled: the customer left the sequence “chăm sóc”');
  await expect(timeline).toContainText('Customer left sequence “chăm sóc”: 1 waiting run cancelled');
  await shoot(page, timeline.getByRole('listitem').last(), 'timeline-left-en');

  // A condition reads the customer's own field: it is offered under Customer.
  await page.evaluate(`window.location.hash = '#/flows'`);
  await flows.create();
  await editor.dragToCanvas('Order updated', { x: 150, y: 60 });
  await editor.dragToCanvas('Conditions', { x: 150, y: 240 });
  const builder = new ConditionBuilder(page);
  await builder.addRuleButton.click();
  await builder.fieldSearch.fill('custom field');
  await expect(builder.fieldOption('Custom field: hạng')).toBeVisible();
  await shoot(page, builder.fieldSearch, 'condition-field-en');
  await builder.pickFieldWithKeyboard('custom field', 'Custom field: hạng');
  await expect(builder.rule('Custom field: hạng is …')).toBeVisible();
});

test('in Vietnamese: the customer action steps and their words on the order', async ({ page, flowdesk }) => {
  const { api, webhookUrl, thanks, save } = await arrange(flowdesk);
  const flow = await save('Khách mới', [
    at('t', 'orders.order_created', 0, {}),
    at('f', 'flowdesk.update_customer_field', 160, { field: 'custom', name: 'hạng', valueType: 'text', value: 'vàng' }),
    at('z', 'flowdesk.update_customer_field', 320, { field: 'emailVerified', valueType: 'boolean', value: 'có' }),
    at('e', 'flowdesk.enrol_in_sequence', 480, { sequence: 'Chăm sóc' }),
    at('s', 'flowdesk.start_flow', 640, { flowId: thanks.id }),
  ]);
  expect((await postShopify(webhookUrl, { body: JSON.stringify(sampleOrder()) })).status).toBe(200);
  await expect.poll(async () => (await api('runs.list', {})).filter((r: { status: string }) => r.status === 'waiting').length).toBe(1);
  const [order] = (await api('orders.list', {})).rows;

  await openApp(page, flowdesk, 'vi');
  await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
  const canvas = page.getByRole('application', { name: 'Khung vẽ luồng' });
  await canvas.waitFor();
  const panel = page.getByRole('complementary', { name: 'Chi tiết' });
  await canvas.getByRole('group', { name: 'Hành động: Cập nhật trường khách hàng' }).first().click();
  await expect(panel.getByLabel('Tên trường riêng', { exact: true })).toHaveValue('hạng');
  await shoot(page, panel, 'field-form-vi');
  await canvas.getByRole('group', { name: 'Hành động: Thêm vào chuỗi chăm sóc' }).click();
  await expect(panel).toContainText('Khởi động “Chăm sóc sau mua”. Số khách hàng đang trong chuỗi: 1.');
  await shoot(page, panel, 'enrol-form-vi');
  await canvas.getByRole('group', { name: 'Hành động: Chạy một luồng khác' }).click();
  await expect(panel.getByLabel('Luồng', { exact: true })).toHaveValue(thanks.id);
  await shoot(page, panel, 'start-flow-form-vi');

  const timeline = await openOrder(page, order.id);
  await expect(timeline).toContainText('Luồng “Khách mới” đặt trường “hạng” của khách hàng là vàng');
  await expect(timeline).toContainText('Luồng “Khách mới” đặt email đã xác minh của khách hàng là có');
  await expect(timeline).toContainText('Khách hàng được thêm vào chuỗi “Chăm sóc”: 1 luồng bắt đầu chạy');
  await shoot(page, timeline, 'timeline-vi');
  // The customer card shows what flows keep on the customer.
  const card = page.getByRole('region', { name: 'Khách hàng', exact: true });
  await expect(card.getByRole('list', { name: 'Đang trong chuỗi' })).toContainText('Chăm sóc');
  await expect(card).toContainText('hạngvàng');
  await shoot(page, card, 'customer-card-vi');
});
