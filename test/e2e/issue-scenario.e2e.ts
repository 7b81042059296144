import { readFileSync } from 'node:fs';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { vipFlow } from '../harness/flows.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { OrderPage } from './pages/order-page.ts';
import { OrdersPage } from './pages/orders-page.ts';
import { RunView } from './pages/run-view.ts';

/**
 * The editor as a shop owner uses it, start to finish: connect the store, draw the flow,
 * receive a real signed order, and follow it live to the order's timeline and the run.
 */
test('connect Shopify, draw the VIP flow, and watch a signed order run it live', async ({ page, flowdesk }) => {
  const shell = new AppShell(page);
  await shell.open(flowdesk.editorUrl);

  // 1. A Shopify connection; the webhook URL is read off the page.
  const connections = new ConnectionsPage(page);
  await connections.open();
  const webhookUrl = await connections.addShopify(SHOP_DOMAIN, SHOPIFY_SECRET);
  expect(webhookUrl).toMatch(new RegExp(`^${flowdesk.webhookBaseUrl}/hooks/con_\\w+$`));

  // 2. "order created → total price greater than 100 → add order tag VIP", drawn with the mouse.
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  await editor.name.fill('VIP orders');
  await editor.buildTagBigOrders('100', 'VIP');
  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();
  await editor.activeSwitch.click();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');

  // 3. A signed orders/create, in Shopify's format, to the URL from step 1.
  const orders = new OrdersPage(page);
  await orders.open();
  expect((await postShopify(webhookUrl)).status).toBe(200);

  // 4. Without reloading: the order arrives, its page shows the delivery, the run and the tag…
  await expect(orders.orderLink('#9999')).toBeVisible();
  await orders.openOrder('#9999');
  const order = new OrderPage(page);
  await expect(order.heading('#9999')).toBeVisible();
  await expect(order.delivery('orders/create')).toContainText('X-Shopify-Hmac-Sha256 verified');
  await expect(order.entries('Tag added')).toContainText('VIP');
  const run = order.entries('Flow run').filter({ hasText: 'finished' });
  await expect(run).toHaveCount(1);
  // …and the run shows the condition's inputs and its Yes.
  await run.getByRole('link', { name: 'Open run' }).click();
  const view = new RunView(page);
  const condition = view.node(/^Condition/);
  await expect(condition).toContainText('Done · Yes');
  await condition.click();
  await expect(view.json('Input')).toContainText('"actual": "403.00"');
  await expect(view.json('Input')).toContainText('"expected": "100"');
  expect(page.url()).not.toContain('token=');

  // 5. A flow with a dangling edge (a file opened from disk) is not saved, and the problem is named.
  const broken = vipFlow();
  broken.name = 'Broken file';
  broken.edges.push({ id: 'loose', source: 'tag', sourcePort: 'out', target: 'ghost', targetPort: 'in' });
  const file = `${flowdesk.dataDir}/broken.flow.json`;
  await import('node:fs').then((fs) => fs.writeFileSync(file, JSON.stringify({ format: 'flowdesk.flow/v1', flow: broken })));
  await flows.open();
  await page.getByLabel('Flow file to open').setInputFiles({ name: 'broken.flow.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await expect(editor.name).toHaveValue('Broken file');
  await editor.saveButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('Connection loose points to a missing target ghost');
  await expect(editor.version(1)).toHaveCount(0);
  const saved = await flowsNamed(flowdesk.apiUrl, flowdesk.editorUrl, 'Broken file');
  expect(saved).toBe(0);
});

async function flowsNamed(apiUrl: string, editorUrl: string, name: string): Promise<number> {
  const token = decodeURIComponent(editorUrl.split('#token=')[1]!);
  const res = await fetch(`${apiUrl}/api/flows.list`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
  const reply = (await res.json()) as { result: { name: string }[] };
  return reply.result.filter((f) => f.name === name).length;
}
