import { mkdirSync } from 'node:fs';
import { openApp } from './pages/open-app.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { GalleryPage } from './pages/gallery-page.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = 'test-results/shots/gallery';

/** Calls the engine API as the browser does, with the token `serve` printed in the editor URL. */
function api(flowdesk: Flowdesk, method: string, args: unknown = {}) {
  return engineApi(flowdesk)(method, args);
}

test('finds a template by search and category, adds it as a flow that is off, and opens it in the editor', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk, 'en');
  await new FlowsPage(page).open();
  const gallery = new GalleryPage(page);
  await gallery.open();
  const all = await gallery.cards.count();
  expect(all).toBeGreaterThanOrEqual(12);
  await expect(gallery.shown).toHaveText(`${all} templates`);

  // A category, then back to all.
  await gallery.category(/^Marketplaces/).click();
  await expect(gallery.category(/^Marketplaces/)).toHaveAttribute('aria-pressed', 'true');
  await expect(gallery.cards).toHaveCount(2);
  await expect(gallery.card('Lazada delivery failed: note and tag')).toContainText('Lazada');
  await gallery.category(/^All/).click();
  await expect(gallery.cards).toHaveCount(all);

  // Words typed without diacritics find the Vietnamese words too; a word nothing has finds nothing.
  await gallery.search.fill('xin danh gia');
  await expect(gallery.cards).toHaveCount(1);
  await expect(gallery.card('3 days after delivery: ask for a review within allowed hours')).toBeVisible();
  await gallery.search.fill('zzz-nothing');
  await expect(gallery.cards).toHaveCount(0);
  await expect(gallery.shown).toHaveText('No template matches “zzz-nothing”.');
  await gallery.search.fill('cancelled');
  const card = gallery.card('Cancelled order: tag it and text the buyer');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Order cancelled');
  await expect(card).toContainText('Every platform');

  // The user has one SMS and one email account: the template takes them and is saved at once.
  const sms = await api(flowdesk, 'accounts.create', { connector: 'esms', name: 'eSMS CSKH', credentials: { apiKey: 'k-0001', secretKey: 's-0002', brandname: 'CUAHANGAN' } });
  await api(flowdesk, 'accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: 'smtp.example.vn', user: 'shop@example.vn', pass: 'app-password', from: 'shop@example.vn' } });
  await gallery.use('Cancelled order: tag it and text the buyer');
  const editor = new FlowEditor(page);
  await expect(page).toHaveURL(/#\/flows\/flw_/);
  await expect(gallery.dialog).toHaveCount(0);
  await expect(editor.canvas).toBeVisible();
  await expect(editor.nodes).toHaveCount(5);
  await expect(editor.node('Trigger: Order cancelled')).toBeVisible();
  await expect(editor.node('Condition: Has a phone number?')).toBeVisible();
  await expect(editor.node('Action: Text the buyer')).toContainText('eSMS CSKH');
  await expect(editor.node('Action: No phone: email the buyer')).toContainText('Shop mail');
  await expect(editor.name).toHaveValue('Cancelled order: tag it and text the buyer');
  await expect(editor.version(1)).toBeVisible();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'false');

  const [flow] = await api(flowdesk, 'flows.list');
  expect(flow).toMatchObject({ name: 'Cancelled order: tag it and text the buyer', latestVersion: 1, activeVersion: null });
  const saved = await api(flowdesk, 'flows.get', { id: flow.id });
  expect(saved.document.nodes.find((n: { id: string }) => n.id === 'sms').params.account).toBe(sms.id);
});

for (const language of ['vi', 'en'] as const) {
  test(`the gallery and an imported template, in ${language}, at 1280×800 and 1920×1080`, async ({ page, flowdesk }) => {
    mkdirSync(shots, { recursive: true });
    await openApp(page, flowdesk, language);
    await new FlowsPage(page).open();
    const gallery = new GalleryPage(page);
    for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await gallery.open();
      await page.screenshot({ path: `${shots}/gallery-${language}-${size.width}x${size.height}.png` });
      await gallery.search.fill(language === 'vi' ? 'giao hàng' : 'delivery');
      await expect(gallery.cards.first()).toBeVisible();
      await page.screenshot({ path: `${shots}/gallery-search-${language}-${size.width}x${size.height}.png` });
      await gallery.close.click();
      await expect(gallery.dialog).toHaveCount(0);
    }
    const title = language === 'vi' ? '3 ngày sau khi giao: xin đánh giá trong giờ cho phép' : '3 days after delivery: ask for a review within allowed hours';
    await gallery.open();
    await gallery.use(title);
    // No SMS account yet: the template opens unsaved, its SMS step asking for one.
    await expect(page).toHaveURL(/#\/flows\/new$/);
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await expect(page.locator('.react-flow__node[data-id="ask"]')).toContainText(language === 'vi' ? /tài khoản/i : 'SMS account: required');
    await expect(page.locator('.react-flow__node').filter({ hasText: language === 'vi' ? 'Chờ 3 ngày' : 'Wait 3 days' })).toBeVisible();
    await page.screenshot({ path: `${shots}/imported-${language}-1920x1080.png` });
  });
}
