import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createdThen } from '../harness/chat-flows.ts';
import { makeServiceAccount, startFakeGoogleSheets, type FakeGoogleSheets } from '../harness/fake-google-sheets.ts';
import { callEngine } from './pages/engine-api.ts';
import { openApp, shootAt } from './pages/open-app.ts';
import { expect, test } from './fixtures.ts';
import { ConnectionsPage } from './pages/connections-page.ts';
import { AccountsSection } from './pages/accounts-section.ts';
import { FlowEditor } from './pages/flow-editor.ts';

const shots = process.env['FLOWDESK_SHOTS'] ?? 'test-results/shots/sheets';
const SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyz';

const api = callEngine;

const shoot = (page: Page, target: Locator, name: string) => shootAt(page, target, shots, name);

test.describe('Append a spreadsheet row', () => {
  let dir: string;
  let google: FakeGoogleSheets;
  const sa = makeServiceAccount();
  test.beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowdesk-sheets-e2e-'));
    google = await startFakeGoogleSheets(sa.publicKey);
    google.spreadsheets.set(SHEET_ID, { title: 'Sổ đơn hàng 2026', tabs: { 'Đơn hàng': [] }, sharedWith: [sa.clientEmail] });
  });
  test.afterEach(async () => {
    await google.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('maps order fields to columns: rename, add, move and remove columns, then save', async ({ page, flowdesk }) => {
    const path = join(dir, 'so-don.xlsx');
    const node = { id: 'sheet', type: 'sheets.append_file_row', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Sổ đơn', params: { path } };
    const flow = await api(flowdesk, 'flows.save', { document: createdThen(node, 'Sổ đơn hàng') });
    await openApp(page, flowdesk, 'en');
    const editor = new FlowEditor(page);
    await editor.openFlow(flow.id);
    await page.locator('.react-flow__node[data-id="sheet"]').click();
    const columns = editor.sidePanel.getByRole('group', { name: 'Columns' });
    await expect(columns.getByRole('textbox', { name: /^Header of column/ })).toHaveCount(4);
    await expect(columns.getByLabel('Header of column 1')).toHaveValue('Mã đơn');

    await columns.getByLabel('Header of column 1').fill('Order');
    await columns.getByRole('button', { name: 'Add column' }).click();
    await columns.getByLabel('Header of column 5').fill('Phone');
    await columns.getByLabel('Value of column 5 (Phone)').fill("{{ order.customer.phone | default: '' }}");
    await columns.getByRole('button', { name: 'Move Phone up' }).click();
    await columns.getByRole('button', { name: 'Remove column Ngày đặt' }).click();
    await expect(columns.getByRole('textbox', { name: /^Header of column/ })).toHaveCount(4);
    await shoot(page, columns, 'columns-en');

    await editor.saveButton.click();
    await expect(editor.unsaved).toBeHidden();
    const saved = await api(flowdesk, 'flows.get', { id: flow.id });
    expect(saved.document.nodes.find((n: { id: string }) => n.id === 'sheet').params.columns).toEqual([
      { header: 'Order', value: '{{ order.number }}' },
      { header: 'Khách hàng', value: "{{ order.customer.name | default: '' }}" },
      { header: 'Phone', value: "{{ order.customer.phone | default: '' }}" },
      { header: 'Tổng tiền', value: '{{ order.totalPrice }}' },
    ]);

    await openApp(page, flowdesk, 'vi');
    // The page object names the canvas in English: here the step itself is waited for.
    await page.evaluate(`window.location.hash = '#/flows/${flow.id}'`);
    await page.locator('.react-flow__node[data-id="sheet"]').click();
    const cot = page.getByRole('complementary').getByRole('group', { name: 'Các cột' });
    await expect(cot.getByRole('button', { name: 'Thêm cột' })).toBeVisible();
    await expect(cot.getByLabel('Giá trị cột 3 (Phone)')).toHaveValue("{{ order.customer.phone | default: '' }}");
    await shoot(page, cot, 'columns-vi');
  });

  test("a Google Sheets account: pasted key, Test signs in and opens the spreadsheet, in both languages", async ({ page, flowdesk }) => {
    await openApp(page, flowdesk, 'en');
    await new ConnectionsPage(page).open();
    const accounts = new AccountsSection(page);
    const section = accounts.connector('Google Sheets');
    await section.getByRole('button', { name: 'Add Google Sheets account' }).click();
    const form = section.getByRole('form', { name: 'New Google Sheets account' });
    await form.getByLabel('Account name').fill('Google cửa hàng');
    await form.getByLabel('Service account key (JSON)').fill(sa.keyJson);
    await form.getByText('Advanced settings').click();
    await form.getByLabel('Spreadsheet to test with').fill(`https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit`);
    await form.getByLabel('Token address').fill(google.tokenUrl);
    await form.getByLabel('API address').fill(google.baseUrl);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(form).toBeHidden();
    const answer = await accounts.test('Google cửa hàng');
    await expect(answer).toContainText('It works: signed in');
    await expect(answer).toContainText(`Service account ${sa.clientEmail}: share each spreadsheet with this address as an editor`);
    await expect(answer).toContainText('Opened “Sổ đơn hàng 2026”');
    expect(google.grants.map((g) => g.signatureValid)).toEqual([true]);
    await shoot(page, section, 'google-account-en');

    google.spreadsheets.get(SHEET_ID)!.sharedWith = [];
    await openApp(page, flowdesk, 'vi');
    await new ConnectionsPage(page).open();
    const row = new AccountsSection(page).row('Google cửa hàng');
    await row.getByRole('button', { name: 'Kiểm tra Google cửa hàng' }).click();
    const refused = row.getByRole('status');
    await expect(refused).toContainText('Nhà cung cấp từ chối');
    await expect(refused).toContainText(`Tài khoản dịch vụ ${sa.clientEmail}: hãy chia sẻ từng bảng tính với địa chỉ này`);
    await expect(refused).toContainText('403 PERMISSION_DENIED');
    await shoot(page, new AccountsSection(page).connector('Google Sheets'), 'google-account-vi');
  });
});
