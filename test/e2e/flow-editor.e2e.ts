import type { Page } from '@playwright/test';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { RunView } from './pages/run-view.ts';

/** Calls the engine API as the browser does, with the token `serve` printed in the editor URL. */
function api(flowdesk: Flowdesk, method: string, args: unknown = {}) {
  return engineApi(flowdesk)(method, args);
}

async function openNewFlow(page: Page, flowdesk: Flowdesk): Promise<FlowEditor> {
  await new AppShell(page).open(flowdesk.editorUrl);
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  await expect(editor.canvas).toBeVisible();
  await expect(editor.paletteItem('Order created')).toBeVisible();
  return editor;
}

test('builds "order created → total price > 100 → tag VIP" with the mouse, saves and activates it', async ({ page, flowdesk }) => {
  const editor = await openNewFlow(page, flowdesk);
  await editor.name.fill('Tag big orders VIP');

  await editor.buildTagBigOrders('100', 'VIP');
  await expect(editor.unsaved).toBeVisible();

  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();
  await expect(editor.unsaved).toHaveCount(0);
  expect(page.url()).toMatch(/#\/flows\/flw_/);
  await editor.activeSwitch.click();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');

  const [summary] = await api(flowdesk, 'flows.list');
  expect(summary).toMatchObject({ name: 'Tag big orders VIP', latestVersion: 1, activeVersion: 1 });
  const { document } = await api(flowdesk, 'flows.get', { id: summary.id });
  const byType = (type: string) => document.nodes.find((n: { type: string }) => n.type === type);
  expect(document.nodes).toHaveLength(3);
  // No platform limit and no activation rules: every order enters.
  expect(byType('orders.order_created').params).toMatchObject({ platforms: [] });
  expect(byType('orders.order_created').params.when?.rules ?? []).toEqual([]);
  expect(byType('logic.compare').params).toEqual({ field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '100' });
  expect(byType('flowdesk.add_order_tag').params).toEqual({ tags: ['VIP'] });
  const links = document.edges.map((e: { source: string; sourcePort: string; target: string; targetPort: string }) => [e.source, e.sourcePort, e.target, e.targetPort]);
  expect(links).toEqual(
    expect.arrayContaining([
      [byType('orders.order_created').id, 'out', byType('logic.compare').id, 'in'],
      [byType('logic.compare').id, 'yes', byType('flowdesk.add_order_tag').id, 'in'],
    ]),
  );
  expect(links).toHaveLength(2);
});

test('a flow without a trigger is not saved, and the problem is named on screen and on the node', async ({ page, flowdesk }) => {
  const editor = await openNewFlow(page, flowdesk);
  await editor.paletteItem('Condition').focus();
  await page.keyboard.press('Enter');
  await expect(editor.nodes).toHaveCount(1);
  // The immediate check shows on the node before any save.
  await expect(editor.node('Condition')).toContainText('Field: required');

  await editor.saveButton.click();
  await expect(editor.alert).toContainText('Not saved');
  await expect(editor.alert).toContainText(/the flow has no trigger/i);
  await expect(editor.page.getByRole('list', { name: 'Problems' })).toContainText(/the flow has no trigger/i);
  await expect(editor.page.getByText('Not saved yet')).toBeVisible();
  expect(await api(flowdesk, 'flows.list')).toEqual([]);
});

test('undo and redo, by keys and buttons; copy and paste make new steps', async ({ page, flowdesk }) => {
  const editor = await openNewFlow(page, flowdesk);
  await editor.dragToCanvas('Order created', { x: 360, y: 90 });
  await editor.dragToCanvas('Condition', { x: 360, y: 280 });

  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.nodes).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor.nodes).toHaveCount(2);
  await editor.undoButton.click();
  await expect(editor.nodes).toHaveCount(1);
  await editor.redoButton.click();
  await expect(editor.nodes).toHaveCount(2);

  await editor.node('Condition').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(editor.node('Condition')).toHaveCount(2);
  const ids = await editor.nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
  expect(new Set(ids).size).toBe(3);

  // The pasted copy is selected: Delete removes it, undo brings it back.
  await page.keyboard.press('Delete');
  await expect(editor.node('Condition')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.node('Condition')).toHaveCount(2);
});

test('a Shopify order runs the active flow: the run appears live, and its condition shows Yes with its inputs', async ({ page, flowdesk }) => {
  const connection = await api(flowdesk, 'connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const flow = await api(flowdesk, 'flows.save', { document: vipFlow() });
  await api(flowdesk, 'flows.activate', { id: flow.id });

  await new AppShell(page).open(flowdesk.editorUrl);
  const editor = new FlowEditor(page);
  await editor.openFlow(flow.id);
  await editor.tab('Runs').click();
  const runs = new RunView(page);
  await expect(page.getByText('No runs yet.')).toBeVisible();

  const delivery = await postShopify(connection.webhookUrl);
  expect(delivery.status).toBe(200);
  await expect(runs.runRows).toHaveCount(1);
  const row = runs.runRows.first();
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText('order.created');
  await expect(row.getByRole('link', { name: '#9999' })).toHaveAttribute('href', /#\/orders\//);

  await row.getByRole('link', { name: 'Details' }).click();
  const condition = runs.node('Condition: Total over threshold');
  await expect(condition).toContainText('Done · Yes');
  await expect(runs.node('Action: Add order tag')).toContainText('Done');
  await condition.click();
  const input = runs.json('Input');
  await expect(input).toContainText('"field": "order.totalPrice"');
  await expect(input).toContainText('"actual": "403.00"');
  await expect(input).toContainText('"operator": "gt"');
  await expect(input).toContainText('"expected": "100"');
  await expect(runs.json('Output')).toContainText('"result": true');
});

test('the flows list renames, duplicates, turns on and off, and deletes after confirming', async ({ page, flowdesk }) => {
  const flow = await api(flowdesk, 'flows.save', { document: vipFlow() });
  await new AppShell(page).open(flowdesk.editorUrl);
  const flows = new FlowsPage(page);
  await flows.open();
  await expect(flows.row('Tag big orders VIP')).toBeVisible();

  await flows.activeSwitch('Tag big orders VIP').click();
  await expect(flows.activeSwitch('Tag big orders VIP')).toHaveAttribute('aria-checked', 'true');
  expect((await api(flowdesk, 'flows.list'))[0].activeVersion).toBe(1);

  await page.getByRole('button', { name: 'Rename Tag big orders VIP' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename flow' });
  await rename.getByLabel('Flow name').fill('Big orders');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(flows.row('Big orders')).toContainText('v2');

  await page.getByRole('button', { name: 'Duplicate Big orders' }).click();
  await expect(flows.row('Copy of Big orders')).toBeVisible();

  await page.getByRole('button', { name: 'Delete Big orders' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Big orders”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(flows.row('Big orders')).toBeVisible();
  await page.getByRole('button', { name: 'Delete Big orders' }).click();
  await confirm.getByRole('button', { name: 'Delete flow' }).click();
  await expect(flows.row('Big orders')).toHaveCount(0);
  expect((await api(flowdesk, 'flows.list')).map((f: { id: string; name: string }) => [f.id === flow.id, f.name])).toEqual([[false, 'Copy of Big orders']]);
});
