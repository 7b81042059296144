import type { FlowDocument } from '../../engine/contract/index.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test } from './fixtures.ts';
import { engineApi } from './pages/engine-api.ts';
import { AppShell } from './pages/app-shell.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { OrderPage } from './pages/order-page.ts';
import { OrdersPage } from './pages/orders-page.ts';
import { RunView } from './pages/run-view.ts';

/** order created → wait 3 days → tag: a run that parks at its wait. */
const waitFlow: FlowDocument = {
  name: 'Review in three days',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
    { id: 'wait', type: 'timing.wait_for', typeVersion: 1, position: { x: 0, y: 140 }, label: 'Three days', params: { amount: 3, unit: 'days' } },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 280 }, params: { tags: ['review-asked'] } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'wait', targetPort: 'in' },
    { id: 'e2', source: 'wait', sourcePort: 'out', target: 'tag', targetPort: 'in' },
  ],
};

test('a run that waits shows as waiting, with its due time, in the runs list, the run view and the order timeline', async ({ page, flowdesk }) => {
  const api = engineApi(flowdesk);
  const connection = await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const flow = await api('flows.save', { document: waitFlow });
  await api('flows.activate', { id: flow.id });

  await new AppShell(page).open(flowdesk.editorUrl);
  const editor = new FlowEditor(page);
  await editor.openFlow(flow.id);
  await editor.tab('Runs').click();
  expect((await postShopify(connection.webhookUrl)).status).toBe(200);

  const runs = new RunView(page);
  await expect(runs.runRows).toHaveCount(1);
  const row = runs.runRows.first();
  await expect(row).toContainText('Waiting until');
  await page.screenshot({ path: 'test-results/shots/waiting-runs-list.png' });

  await row.getByRole('link', { name: 'Details' }).click();
  const wait = runs.node('Action: Three days');
  await expect(wait).toContainText('Waiting');
  await wait.click();
  await expect(runs.stepPanel).toContainText('Waits until');

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.openOrder('#9999');
  const order = new OrderPage(page);
  await expect(order.timeline()).toContainText('Flow “Review in three days” waits until');
  await page.screenshot({ path: 'test-results/shots/waiting-runs-timeline.png', fullPage: true });

  // Turning the flow off cancels the waiting run, and the order says so.
  await api('flows.deactivate', { id: flow.id });
  await expect(order.timeline()).toContainText('the flow was turned off');
});
