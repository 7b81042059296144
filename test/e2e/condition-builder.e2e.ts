import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConditionBuilder } from './pages/condition-builder.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { OrderPage } from './pages/order-page.ts';
import { OrdersPage } from './pages/orders-page.ts';
import { RunView } from './pages/run-view.ts';

const shots = 'test-results/shots/conditions';
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test.use({ locale: 'en-US' });

/** The screen at both sizes, in view of `show` (the side panel scrolls). */
async function screenshots(page: Page, name: string, show?: Locator): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const size of sizes) {
    await page.setViewportSize(size);
    if (show) await show.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** Switches the app's language the way Settings remembers it, and waits until it talks to the engine again. */
async function useLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('flowdesk.language', l), language);
  await page.reload();
  await page.locator(`html[lang="${language}"][data-engine-link="open"]`).waitFor();
}

/**
 * The condition built with the builder: "order total ≥ 2,000,000 AND at least one line item
 * whose SKU starts with PRE-", then a signed Shopify order that matches, and the run showing which
 * rules held.
 */
test('build a condition with groups and a line item check, and see which rules held in the run', async ({ page, flowdesk }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('flowdesk.language')) localStorage.setItem('flowdesk.language', 'en');
  });
  await new AppShell(page).open(flowdesk.editorUrl);
  const connections = new ConnectionsPage(page);
  await connections.open();
  const webhookUrl = await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);

  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  await editor.name.fill('Big pre-orders');
  await editor.dragToCanvas('Order created', { x: 300, y: 80 });
  await editor.dragToCanvas('Conditions', { x: 300, y: 260 });
  const builder = new ConditionBuilder(page);
  await expect(builder.root).toContainText('No rules yet: every order passes.');

  // Rule 1: Order total ≥ 2,000,000, the field found by its Vietnamese name without accents.
  await builder.addRuleButton.click();
  await builder.pickFieldWithKeyboard('tong tien', 'Order total');
  const total = builder.rule('Order total ≥ …');
  await expect(builder.operator(total)).toBeFocused();
  await expect(total).toContainText('Enter a number.');
  await builder.value(total).fill('2000000');
  await expect(builder.rule('Order total ≥ 2,000,000')).toContainText('2,000,000 in the order');
  await expect(builder.rule('Order total ≥ 2,000,000')).not.toContainText('Enter a number.');

  // Rule 2: at least one line item whose SKU starts with PRE-, inside a check over the line items.
  await builder.addCheckButton('line items').click();
  await builder.pickFieldWithKeyboard('sku', 'SKU');
  const sku = builder.rule('SKU is …');
  await builder.operator(sku).selectOption({ label: 'starts with' });
  await builder.value(builder.rule('SKU starts with …')).fill('PRE-');
  const check = builder.root.getByRole('group', { name: 'At least one of the line items' });
  await expect(check.getByRole('group', { name: 'SKU starts with PRE-' })).toBeVisible();
  await expect(builder.root.getByRole('button', { name: 'All of', pressed: true }).first()).toBeVisible();

  // The card says the condition in a line.
  const card = editor.node('Condition: Conditions');
  await expect(card).toContainText('Order total ≥ 2,000,000 and at least one line item: SKU starts with PRE-');
  await screenshots(page, 'builder-en', check);

  // "+ Rule" opens a picker; Escape leaves the condition as it was and focus on the button.
  await builder.addRuleButton.click();
  await builder.fieldSearch.fill('line');
  await expect(builder.fieldOption('SKU')).toBeVisible();
  await screenshots(page, 'picker-en', builder.fieldSearch);
  await builder.fieldSearch.press('Escape');
  await expect(builder.fieldSearch).toHaveCount(0);
  await expect(builder.addRuleButton).toBeFocused();

  // Removing a rule is one step of undo.
  await builder.rule('Order total ≥ 2,000,000').getByRole('button', { name: /^Remove rule/ }).click();
  await expect(card).toContainText('At least one line item: SKU starts with PRE-');
  await editor.undoButton.click();
  await expect(card).toContainText('Order total ≥ 2,000,000 and at least one line item: SKU starts with PRE-');

  // The action on Yes, the connections, save and activate.
  await editor.dragToCanvas('Add order tag', { x: 200, y: 520 });
  await editor.addTag('PRE-VIP');
  await editor.connect(editor.handle(editor.node('Trigger: Order created'), 'Next output of Order created'), editor.handle(card, 'Input of Conditions'));
  await editor.connect(editor.handle(card, 'Yes output of Conditions'), editor.handle(editor.node('Action: Add order tag'), 'Input of Add order tag'));
  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();
  await editor.activeSwitch.click();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');

  // A signed order that matches: 2,450,000 VND with a pre-order line.
  const base = sampleOrder();
  const lines = base['line_items'] as Record<string, unknown>[];
  const body = JSON.stringify({ ...base, currency: 'VND', total_price: '2450000.00', line_items: [{ ...lines[0], sku: 'PRE-AO-01' }, ...lines.slice(1)] });
  const orders = new OrdersPage(page);
  await orders.open();
  expect((await postShopify(webhookUrl, { body })).status).toBe(200);
  await orders.openOrder('#9999');
  const order = new OrderPage(page);
  await expect(order.entries('Tag added')).toContainText('PRE-VIP');
  await order.entries('Flow run').filter({ hasText: 'finished' }).getByRole('link', { name: 'Open run' }).click();

  // The run: the condition's tree, each rule marked, with the value it read.
  const view = new RunView(page);
  await view.node(/^Condition: Conditions/).click();
  await expect(builder.trace).toContainText('The condition held');
  await expect(builder.traced('Order total ≥ 2,000,000')).toContainText('true');
  await expect(builder.traced('Order total ≥ 2,000,000')).toContainText('Value in the order: 2,450,000');
  await expect(builder.traced('At least one of the line items where')).toContainText('1 of 2 matched');
  await expect(builder.traced('SKU starts with PRE-')).toContainText('true');
  await expect(builder.traced('SKU starts with PRE-')).toContainText('held for 1 of 2');
  await screenshots(page, 'run-en');

  // An order that does not match (403 USD, no pre-order line) takes No, and the run says which rules failed.
  const small = sampleOrder({ id: 820982911946154600, name: '#1001', order_number: 1001, admin_graphql_api_id: 'gid://shopify/Order/820982911946154600' });
  await orders.open();
  expect((await postShopify(webhookUrl, { body: JSON.stringify(small) })).status).toBe(200);
  await orders.openOrder('#1001');
  await order.entries('Flow run').filter({ hasText: 'finished' }).getByRole('link', { name: 'Open run' }).click();
  await view.node(/^Condition: Conditions/).click();
  await expect(builder.trace).toContainText('The condition did not hold');
  await expect(builder.traced('Order total ≥ 2,000,000')).toContainText('false');
  await expect(builder.traced('Order total ≥ 2,000,000')).toContainText('Value in the order: 403');
  await expect(builder.traced('At least one of the line items where')).toContainText('0 of 2 matched');
  await screenshots(page, 'run-no-en');

  // The same in Vietnamese: the run that took No, then the builder.
  await useLanguage(page, 'vi');
  await page.getByRole('group', { name: /^Điều kiện: Bộ điều kiện/ }).click();
  await page.getByRole('complementary').getByRole('region', { name: 'Quy tắc nào đúng' }).waitFor();
  await expect(page.getByRole('group', { name: 'Tổng tiền ≥ 2.000.000', exact: true })).toContainText('sai');
  await expect(page.getByRole('group', { name: 'Tổng tiền ≥ 2.000.000', exact: true })).toContainText('Giá trị trong đơn: 403');
  await screenshots(page, 'run-no-vi');
  await flows.open();
  await flows.row('Big pre-orders').getByRole('link', { name: 'Big pre-orders', exact: true }).click();
  const canvas = page.getByRole('application');
  await canvas.getByRole('group', { name: /^Điều kiện: Bộ điều kiện/ }).click();
  await expect(page.getByRole('group', { name: 'Điều kiện', exact: true })).toContainText('Xét từng sản phẩm');
  await expect(canvas).toContainText('Tổng tiền ≥ 2.000.000 và ít nhất một sản phẩm: Mã SKU bắt đầu bằng PRE-');
  await screenshots(page, 'builder-vi', page.getByRole('group', { name: 'Có ít nhất một sản phẩm', exact: true }));

  // A Vietnamese shop owner writes amounts with dots: "2.500.000" is two and a half million, not 2.5.
  const viTotal = page.getByRole('group', { name: 'Tổng tiền ≥ 2.000.000', exact: true });
  await viTotal.getByLabel('Giá trị', { exact: true }).fill('2.500.000');
  await expect(canvas).toContainText('Tổng tiền ≥ 2.500.000 và ít nhất một sản phẩm');
  await expect(page.getByRole('group', { name: 'Tổng tiền ≥ 2.500.000', exact: true }).getByLabel('Giá trị', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});
