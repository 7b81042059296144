import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { openApp } from './pages/open-app.ts';
import { FirstRunGuide, type GuideLanguage } from './pages/first-run-guide.ts';

/**
 * Issue 16's "done when": from a fresh data dir, through the first-run guide, to a flow from the
 * gallery running on a test delivery, seen on its order's timeline. Once in Vietnamese at
 * 1280×800, once in English at 1920×1080; every screen saved as test-results/first-run-<lang>-NN-<step>.png.
 */
const runs: { language: GuideLanguage; width: number; height: number }[] = [
  { language: 'vi', width: 1280, height: 800 },
  { language: 'en', width: 1920, height: 1080 },
];

for (const { language, width, height } of runs) {
  test(`first run in ${language} at ${width}×${height}: connection, gallery template, test delivery on the order's timeline`, async ({ page, flowdesk }) => {
    test.setTimeout(120_000);
    mkdirSync('test-results', { recursive: true });
    let shot = 0;
    const screenshot = (name: string) => page.screenshot({ path: `test-results/first-run-${language}-${String(++shot).padStart(2, '0')}-${name}.png` });
    await page.setViewportSize({ width, height });
    await openApp(page, flowdesk, language);
    const guide = new FirstRunGuide(page, language);
    const w = guide.w;

    // The first screen of a fresh install: no orders, and the way into the guide, nothing checked off.
    await expect(guide.card).toBeVisible();
    await expect(guide.card.locator('[data-done="yes"]')).toHaveCount(0);
    await screenshot('orders-empty');
    await guide.card.getByRole('link', { name: w.openGuide }).click();
    await expect(guide.heading).toBeVisible();
    await guide.expectDone(1, false);
    await expect(guide.step(1)).toHaveAttribute('aria-current', 'step');
    await screenshot('guide');

    // 1. A Haravan connection, with the form the Connections page has, then Haravan's setup steps.
    await guide.step(1).getByRole('button', { name: w.addConnection }).click();
    const form = guide.connectionForm;
    await form.getByLabel(w.platform, { exact: true }).selectOption({ label: 'Haravan' });
    await form.getByLabel(/X-Haravan-Org-Id/).fill('1000114691');
    await form.getByLabel(/^(Webhook authentication secret|Khóa xác thực webhook)/).fill('hrv-webhook-secret-e2e');
    await screenshot('connection-form');
    await form.getByRole('button', { name: w.submitConnection }).click();
    await expect(guide.created).toBeVisible();
    await expect(guide.created.getByRole('textbox')).toHaveValue(/\/hooks\/con_/);
    await expect(guide.created.getByRole('listitem')).toHaveCount(4);
    await screenshot('connection-added');
    await guide.created.getByRole('button', { name: w.done }).click();
    await guide.expectDone(1, true);
    await expect(guide.step(2)).toHaveAttribute('aria-current', 'step');

    // 2. The gallery's "tag VIP" template: it opens in the editor, where it is turned on.
    await guide.step(2).getByRole('button', { name: w.gallery }).click();
    await expect(guide.galleryDialog).toBeVisible();
    const card = guide.galleryDialog.getByRole('article', { name: w.vipTemplate, exact: true });
    await card.scrollIntoViewIfNeeded();
    await screenshot('gallery');
    await card.getByRole('button', { name: w.useTemplate }).click();
    await expect(page).toHaveURL(/#\/flows\/flw_/);
    const active = page.getByRole('switch', { name: w.activeSwitch });
    await expect(active).toHaveAttribute('aria-checked', 'false');
    await active.click();
    await expect(active).toHaveAttribute('aria-checked', 'true');
    await screenshot('flow-on');

    // Back to the guide from the sidebar: two steps checked off, from what the engine has.
    await guide.openFromSidebar();
    await guide.expectDone(2, true);
    await expect(guide.step(3)).toHaveAttribute('aria-current', 'step');
    await screenshot('guide-ready-to-send');

    // 3 and 4. The test delivery, signed with the connection's secret, lands: inbox, order, the flow's run.
    await guide.step(3).getByRole('button', { name: w.send }).click();
    const trail = guide.trail;
    await expect(trail.getByText(w.accepted, { exact: true })).toBeVisible();
    await expect(trail.getByText(w.processed, { exact: true })).toBeVisible();
    await expect(trail.getByRole('link', { name: /#TEST-\d{4}/ })).toBeVisible();
    await expect(trail.getByRole('listitem').filter({ hasText: w.vipTemplate }).getByText(w.succeeded)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: w.progressAll })).toBeVisible();
    await trail.getByRole('link', { name: w.openOrder }).scrollIntoViewIfNeeded();
    await screenshot('test-delivery-landed');

    // The order's page: the delivery and the flow's run on its timeline, the VIP tag on the order.
    await trail.getByRole('link', { name: w.openOrder }).click();
    await expect(page).toHaveURL(/#\/orders\//);
    const timeline = page.getByRole('list', { name: w.timeline });
    await expect(timeline.getByRole('listitem').filter({ hasText: w.delivery }).first()).toBeVisible();
    await expect(timeline.getByRole('listitem').filter({ hasText: w.run }).filter({ hasText: w.vipTemplate }).first()).toBeVisible();
    await expect(page.locator('.tag-local').filter({ hasText: 'VIP' })).toBeVisible();
    await screenshot('order-timeline');

    // The flow, exported from the flows list beside "Open a flow file": the flow file `flows export` writes.
    await page.getByRole('navigation').getByRole('link', { name: w.flowsNav, exact: true }).click();
    await page.getByRole('button', { name: w.exportFlow }).click();
    const dialog = page.getByRole('dialog', { name: /./ });
    await expect(dialog.getByRole('combobox')).toHaveValue(/^flw_/);
    await screenshot('export-flow');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: w.download }).click()]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]*-vip-v1\.flow\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; flow: { name: string; nodes: unknown[] } };
    expect(file).toMatchObject({ format: 'flowdesk.flow/v1', flow: { name: w.vipTemplate } });
    expect(file.flow.nodes).toHaveLength(4);
    await expect(dialog).toHaveCount(0);
  });
}
