import { engineApi } from './pages/engine-api.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConnectDialog } from './pages/connect-dialog.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';

interface Link {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

test('builds "order created → conditions (Yes) → add order tag" with the keyboard alone and saves it with Ctrl+S', async ({ page, flowdesk }) => {
  await new AppShell(page).open(flowdesk.editorUrl);
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  const connect = new ConnectDialog(page);
  await expect(editor.paletteItem('Order created')).toBeVisible();
  const keys = page.keyboard;
  const focusedStep = page.locator('.react-flow__node:focus');

  // From here on, the keyboard only: / searches the palette, Enter adds the step named and focuses it.
  async function addStep(label: string, count: number) {
    await keys.press('/');
    await expect(editor.palette.getByRole('searchbox')).toBeFocused();
    await keys.type(label);
    await keys.press('Enter');
    await expect(editor.nodes).toHaveCount(count);
    await expect(focusedStep).toHaveAccessibleName(new RegExp(`${label}$`));
  }
  await addStep('Add order tag', 1);
  await addStep('Conditions', 2);
  await addStep('Order created', 3);

  // C on the trigger: one output, so straight to the steps it may lead to; typing filters, Enter connects.
  await keys.press('c');
  await expect(connect.dialog).toHaveAccessibleName('Connect “Order created” to…');
  await expect(connect.filter).toBeFocused();
  await expect(connect.options).toHaveCount(2);
  await keys.type('condi');
  await expect(connect.chosen).toHaveText(/^Conditions/);
  await keys.press('Enter');
  await expect(connect.dialog).toHaveCount(0);
  await expect(editor.canvas.getByRole('group', { name: 'Connection from Order created to Conditions' })).toHaveCount(1);
  // The step connected to has the focus: C goes on from it, first choosing Yes or No.
  await expect(focusedStep).toHaveAccessibleName(/Conditions$/);
  await keys.press('c');
  await expect(connect.dialog).toHaveAccessibleName('Connect “Conditions”: from which output?');
  await expect(connect.options).toHaveText([/^Yes/, /^No/]);
  // The output the list is on shows on the canvas.
  await expect(editor.node('Condition: Conditions').locator('.fn-handle-active')).toHaveAttribute('data-handleid', 'yes');
  await page.screenshot({ path: 'test-results/keyboard-connect-port.png' });
  await keys.press('Enter');
  await expect(connect.dialog).toHaveAccessibleName('Connect “Conditions” (Yes) to…');
  // The trigger takes no input and a connection back up would loop: only the tag step is offered.
  await expect(connect.options).toHaveText([/^Add order tag/]);
  await page.screenshot({ path: 'test-results/keyboard-connect-target.png' });
  await keys.press('Enter');
  await expect(editor.canvas.getByRole('group', { name: 'Connection from Conditions (Yes) to Add order tag' })).toHaveCount(1);
  await expect(focusedStep).toHaveAccessibleName(/Add order tag$/);

  // Delete removes the focused step with its connection; Ctrl+Z brings both back.
  await keys.press('Delete');
  await expect(editor.nodes).toHaveCount(2);
  await expect(editor.edges).toHaveCount(1);
  await keys.press('Control+z');
  await expect(editor.nodes).toHaveCount(3);
  await expect(editor.edges).toHaveCount(2);

  // E goes to the step's settings, on the one that needs filling in.
  await keys.press('e');
  await expect(editor.field('Tags')).toBeFocused();
  await keys.type('VIP');
  await keys.press('Enter');
  await expect(editor.sidePanel.getByRole('button', { name: 'Remove VIP' })).toBeVisible();
  await keys.press('Control+s');
  await expect(editor.version(1)).toBeVisible();
  await expect(editor.unsaved).toHaveCount(0);

  const api = engineApi(flowdesk);
  const [summary] = await api('flows.list');
  const { document } = await api('flows.get', { id: summary.id });
  const id = (type: string) => document.nodes.find((n: { type: string }) => n.type === type)?.id;
  expect(document.nodes).toHaveLength(3);
  expect(document.edges.map((e: Link) => [e.source, e.sourcePort, e.target, e.targetPort])).toEqual(
    expect.arrayContaining([
      [id('orders.order_created'), 'out', id('logic.condition'), 'in'],
      [id('logic.condition'), 'yes', id('flowdesk.add_order_tag'), 'in'],
    ]),
  );
  expect(document.edges).toHaveLength(2);
  expect(document.nodes.find((n: { type: string }) => n.type === 'flowdesk.add_order_tag').params).toEqual({ tags: ['VIP'] });
});

test('Escape closes "Connect…" without connecting, and the focus goes back to the step', async ({ page, flowdesk }) => {
  await new AppShell(page).open(flowdesk.editorUrl);
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  const connect = new ConnectDialog(page);
  await expect(editor.paletteItem('Order created')).toBeVisible();
  const keys = page.keyboard;
  for (const [label, count] of [['Add order tag', 1], ['Order created', 2]] as const) {
    await keys.press('/');
    await keys.type(label);
    await keys.press('Enter');
    await expect(editor.nodes).toHaveCount(count);
  }
  await expect(page.locator('.react-flow__node:focus')).toHaveAccessibleName(/Order created$/);
  await keys.press('c');
  await expect(connect.options).toHaveCount(1);
  await keys.press('Escape');
  await expect(connect.dialog).toHaveCount(0);
  await expect(editor.edges).toHaveCount(0);
  await expect(page.locator('.react-flow__node:focus')).toHaveAccessibleName(/Order created$/);
  // The side panel's button does the same as C.
  await keys.press('e');
  await expect(editor.sidePanel.getByRole('button', { name: 'Connect…' })).toBeVisible();
});
