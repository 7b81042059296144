import type { Page } from '@playwright/test';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { TemplateField } from './pages/template-field.ts';

const SHOTS = 'test-results/shots/templates';
const LONG_BAD = 'Xin chào {{ customer.email }},\nđơn {{ order.number }} tổng {{ order.totl | money }}';
const BAD_COL = LONG_BAD.split('\n')[1]!.indexOf('order.totl') + 1;

/** Calls the engine API as the browser does, with the token `serve` printed: to arrange the store, the order and the flow. */
async function api(flowdesk: Flowdesk, method: string, args: unknown = {}): Promise<any> {
  const token = /token=([^&]+)/.exec(new URL(flowdesk.editorUrl).hash)?.[1];
  const res = await fetch(`${flowdesk.apiUrl}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(args) });
  const reply = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

/** "Order created → a note on the order's timeline", the note written in Liquid. */
const noteFlow: FlowDocument = {
  name: 'Thank-you notes',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
    { id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Thank-you note', params: { text: 'Cảm ơn {{ customer.email }}' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'note', targetPort: 'in' }],
};

/** A signed Shopify orders/create for a Vietnamese shop: #2001, 2,000,000 ₫, by jon@example.com. */
async function receiveVndOrder(flowdesk: Flowdesk): Promise<void> {
  const { webhookUrl } = await api(flowdesk, 'connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
  const body = JSON.stringify({ ...sampleOrder(), name: '#2001', order_number: 2001, currency: 'VND', presentment_currency: 'VND', total_price: '2000000', current_total_price: '2000000' });
  expect((await postShopify(webhookUrl, { body })).status).toBe(200);
  await expect.poll(async () => ((await api(flowdesk, 'orders.list', { query: '2001' })).rows as unknown[]).length).toBe(1);
}

/** Opens the flow and selects a step by its name; `label` is the template field's title in the page's language. */
async function openStep(page: Page, flowId: string, step: string, label: string): Promise<TemplateField> {
  // FlowEditor's locators are English; the step is found by its own name in either language.
  await page.evaluate(`window.location.hash = '#/flows/${flowId}'`);
  await page.getByRole('application').getByRole('group', { name: new RegExp(`: ${step}$`) }).click();
  const field = new TemplateField(page, label);
  await expect(field.textbox).toBeVisible();
  return field;
}

async function shoot(page: Page, lang: 'en' | 'vi', name: string): Promise<void> {
  for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/${lang}-${name}-${w}x${h}.png` });
  }
}

test('a note template previews live against a chosen order: rendered text, a positioned error, and a variable from the picker', async ({ page, flowdesk }) => {
  // Twelve screenshots at two sizes take most of the time on a busy machine.
  test.setTimeout(120_000);
  await receiveVndOrder(flowdesk);
  const flow = await api(flowdesk, 'flows.save', { document: noteFlow });
  await new AppShell(page).open(flowdesk.editorUrl);
  const note = await openStep(page, flow.id, 'Thank-you note', 'Note');

  // Before any order is chosen, the built-in sample order answers.
  await expect(note.orderPicker).toContainText('Sample order');
  await expect(note.preview).toContainText('Cảm ơn lan.nguyen@example.com');

  // The real order, found by its number: the preview renders with it, money the Vietnamese way.
  await note.pickOrder('#2001');
  await expect(note.preview).toContainText('Preview with #2001');
  await expect(note.preview).toContainText('Cảm ơn jon@example.com');
  await note.write('Đơn {{ order.number }}: {{ order.totalPrice | money }}');
  await expect(note.preview).toContainText('Đơn #2001: 2.000.000₫');

  // A misspelled variable: what is wrong and where, in red, while typing.
  await note.write('Xin chào\nTổng: {{ order.totl }}');
  await expect(note.preview).toContainText('Line 2, column 10: there is no variable “order.totl”.');
  await expect(note.preview.locator('mark')).toHaveText('order.totl');

  // A variable from the picker goes in at the caret, found by searching its words.
  await note.write('Email: ');
  await note.textbox.press('End');
  await note.variableButton.click();
  await note.variableSearch.fill('email');
  await expect(note.variable('customer.email')).toContainText('jon@example.com');
  await shoot(page, 'en', 'picker');
  await note.variable('customer.email').click();
  await expect(note.textbox).toHaveValue('Email: {{ customer.email }}');
  await expect(note.preview).toContainText('Email: jon@example.com');
  await shoot(page, 'en', 'rendered');
  await note.write(LONG_BAD);
  await expect(note.preview).toContainText(`Line 2, column ${BAD_COL}: there is no variable “order.totl”.`);
  await shoot(page, 'en', 'error');

  // In Vietnamese, and the flow remembers its preview order.
  await page.setViewportSize({ width: 1400, height: 900 });
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.language('Tiếng Việt').check();
  const vi = await openStep(page, flow.id, 'Thank-you note', 'Ghi chú');
  await expect(vi.orderPicker).toContainText('#2001');
  await vi.write('Cảm ơn {{ customer.email }}! Đơn {{ order.number }}: {{ order.totalPrice | money }}');
  await expect(vi.preview).toContainText('Xem trước với #2001');
  await expect(vi.preview).toContainText('Cảm ơn jon@example.com! Đơn #2001: 2.000.000₫');
  await shoot(page, 'vi', 'rendered');
  await vi.textbox.press('End');
  await vi.variableButton.click();
  await vi.variableSearch.fill('tong tien');
  await expect(vi.variable('order.totalPrice')).toContainText('2000000');
  await shoot(page, 'vi', 'picker');
  await vi.variableSearch.press('Escape');
  await vi.write(LONG_BAD);
  await expect(vi.preview).toContainText(`Dòng 2, cột ${BAD_COL}: không có biến “order.totl”.`);
  await shoot(page, 'vi', 'error');
});

/** "Order created → tag the order", tags written in Liquid. */
const tagFlow: FlowDocument = {
  name: 'Currency tags',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
    { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Currency tag', params: { tags: ['VIP'] } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
};

test('order tags preview one by one as typed, and a comma inside {{ }} stays in the tag', async ({ page, flowdesk }) => {
  test.setTimeout(120_000);
  await receiveVndOrder(flowdesk);
  const flow = await api(flowdesk, 'flows.save', { document: tagFlow });
  await new AppShell(page).open(flowdesk.editorUrl);
  const tags = await openStep(page, flow.id, 'Currency tag', 'Tags');
  await tags.pickOrder('#2001');

  // What is being typed previews before it is added; Enter makes it a tag.
  await tags.textbox.fill('VIP-{{ order.currency }}');
  await expect(tags.preview).toContainText('VIP-{{ order.currency }} (typing)');
  await expect(tags.preview).toContainText('VIP-VND');
  await tags.textbox.press('Enter');
  await expect(tags.panel.getByRole('button', { name: 'Remove VIP-{{ order.currency }}' })).toBeVisible();

  // A filter's comma belongs to the template; outside {{ }} a comma ends the tag.
  await tags.textbox.pressSequentially("{{ order.tags | join: '-' | replace: 'tag', 't' }}, {{ order.nope }}");
  await expect(tags.panel.getByRole('button', { name: "Remove {{ order.tags | join: '-' | replace: 'tag', 't' }}" })).toBeVisible();
  await expect(tags.preview).toContainText('t1-t2');
  await expect(tags.preview).toContainText('Line 1, column 4: there is no variable “order.nope”.');
  await tags.orderPicker.getByRole('button', { name: 'Change' }).click();
  await expect(tags.orderPicker.getByRole('button', { name: /^#2001/ })).toBeVisible();
  await shoot(page, 'en', 'tags');

  await page.setViewportSize({ width: 1400, height: 900 });
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.language('Tiếng Việt').check();
  const vi = await openStep(page, flow.id, 'Currency tag', 'Thẻ');
  await vi.textbox.fill('{{ order.nope }}');
  await expect(vi.preview).toContainText('Dòng 1, cột 4: không có biến “order.nope”.');
  await vi.orderPicker.getByRole('button', { name: 'Đổi' }).click();
  await expect(vi.orderPicker.getByRole('button', { name: /^#2001/ })).toBeVisible();
  await shoot(page, 'vi', 'tags');
});
