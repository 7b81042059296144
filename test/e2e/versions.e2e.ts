import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { vipFlow } from '../harness/flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { FlowEditor } from './pages/flow-editor.ts';
import { FlowsPage } from './pages/flows-page.ts';
import { VersionsPanel } from './pages/versions-panel.ts';
import { engineApi } from './pages/engine-api.ts';

const SHOTS = 'test-results/shots/versions';

/** Calls the engine API as the browser does, with the token `serve` printed in the editor URL. */
function api(flowdesk: Flowdesk, method: string, args: unknown = {}) {
  return engineApi(flowdesk)(method, args);
}

async function openApp(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi' = 'en'): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await new AppShell(page).open(flowdesk.editorUrl);
}

test('save v1, change a setting, save v2, see the diff, restore v1 as v3, export and import the file', async ({ page, flowdesk }) => {
  await openApp(page, flowdesk);
  const flows = new FlowsPage(page);
  await flows.open();
  await flows.create();
  const editor = new FlowEditor(page);
  await expect(editor.paletteItem('Order created')).toBeVisible();
  await editor.name.fill('Tag big orders VIP');
  await editor.buildTagBigOrders('100', 'VIP');
  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();

  // v2: a higher threshold, and the flow turned on.
  await editor.node('Condition').click();
  await editor.field('Value').fill('2000000');
  await editor.saveButton.click();
  await expect(editor.version(2)).toBeVisible();
  await editor.activeSwitch.click();
  await expect(editor.activeSwitch).toHaveAttribute('aria-checked', 'true');

  const versions = new VersionsPanel(page);
  await versions.open();
  await expect(versions.row(2)).toContainText('Active');
  await expect(versions.row(2)).toContainText('Latest');
  await expect(versions.row(1)).not.toContainText('Active');
  await expect(versions.row(1)).toContainText(/#[0-9a-f]{7}/);

  await versions.pick(1);
  await versions.pick(2);
  await expect(versions.diff).toContainText('Version 1 → version 2');
  await expect(versions.diff).toContainText('Changed “Condition”');
  await expect(versions.diff).toContainText('Value: “100” → “2000000”');
  await expect(versions.diff).toContainText('1 change');

  // An unsaved change, compared with what is saved, without saving.
  await page.getByRole('tab', { name: 'Step' }).click();
  await editor.field('Value').fill('5');
  await versions.tab.click();
  await versions.compareDraft.click();
  await expect(versions.diff).toContainText('Unsaved changes, compared with version 2');
  await expect(versions.diff).toContainText('Value: “2000000” → “5”');

  // Restore v1: it comes back as v3, which runs; the unsaved change is dropped.
  await versions.restore(1);
  await expect(versions.message).toContainText('Version 1 restored as version 3, which now runs.');
  await expect(versions.headerVersion(3)).toBeVisible();
  await expect(editor.unsaved).toHaveCount(0);
  await expect(versions.row(3)).toContainText('Active');
  await expect(versions.row(3)).toContainText('same as version 1');
  await expect(versions.row(2)).not.toContainText('Active');
  const [summary] = await api(flowdesk, 'flows.list');
  expect(summary).toMatchObject({ latestVersion: 3, activeVersion: 3 });
  const restored = await api(flowdesk, 'flows.get', { id: summary.id });
  expect(restored.document.nodes.find((n: { type: string }) => n.type === 'logic.compare').params.value).toBe('100');

  // Export v3 to a file, then open that file from the flows list and save it as a new flow.
  const file = await versions.export(3);
  expect(file.name).toBe('tag-big-orders-vip-v3.flow.json');
  const exported = JSON.parse(readFileSync(file.path, 'utf8'));
  expect(exported).toMatchObject({ format: 'flowdesk.flow/v1', flow: { name: 'Tag big orders VIP' } });
  expect(exported.flow.nodes).toHaveLength(3);
  await expect(versions.message).toContainText('Version 3 exported to tag-big-orders-vip-v3.flow.json');
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/versions-restored-exported-en-1280x800.png` });

  await flows.open();
  await page.getByLabel('Flow file to open').setInputFiles(file.path);
  await expect(editor.name).toHaveValue('Tag big orders VIP');
  await expect(editor.nodes).toHaveCount(3);
  await editor.saveButton.click();
  await expect(editor.version(1)).toBeVisible();
  const all = await api(flowdesk, 'flows.list');
  expect(all).toHaveLength(2);
  const copy = all.find((f: { id: string }) => f.id !== summary.id);
  expect((await api(flowdesk, 'flows.get', { id: copy.id })).document.nodes).toEqual(restored.document.nodes);
});

/** v1 "total over 100 → tag VIP"; v2 a higher threshold, a second tag, a note step; v2 runs. */
async function twoVersions(flowdesk: Flowdesk): Promise<string> {
  const v1 = await api(flowdesk, 'flows.save', { document: vipFlow('100') });
  const v2: FlowDocument = vipFlow('2000000');
  v2.nodes[2]!.params['tags'] = ['VIP', 'Khách quen'];
  v2.nodes.push({ id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: 0, y: 360 }, params: { text: 'Đơn trên 2 triệu: gọi xác nhận' } });
  v2.edges.push({ id: 'e3', source: 'tag', sourcePort: 'out', target: 'note', targetPort: 'in' });
  // Spaced out as the editor's tidy layout would, so the screenshots show the steps apart.
  v2.nodes.forEach((n, i) => (n.position = { x: 0, y: i * 170 }));
  await api(flowdesk, 'flows.save', { id: v1.id, document: v2 });
  await api(flowdesk, 'flows.activate', { id: v1.id });
  return v1.id;
}

for (const language of ['en', 'vi'] as const) {
  test(`the Versions panel with a diff, in ${language}, at 1280×800 and 1920×1080`, async ({ page, flowdesk }) => {
    mkdirSync(SHOTS, { recursive: true });
    const id = await twoVersions(flowdesk);
    await openApp(page, flowdesk, language);
    await new VersionsPanel(page).openFlow(id);
    const words = language === 'en' ? { tab: 'Versions', pick: 'Compare version', restore: 'Restore version 1' } : { tab: 'Phiên bản', pick: 'So sánh phiên bản', restore: 'Khôi phục phiên bản 1' };
    await page.getByRole('tab', { name: words.tab }).click();
    await page.getByRole('checkbox', { name: `${words.pick} 1` }).check();
    await page.getByRole('checkbox', { name: `${words.pick} 2` }).check();
    const diff = page.locator('.version-diff');
    await expect(diff).toContainText(language === 'en' ? 'Tags: VIP → VIP, Khách quen' : 'Thẻ: VIP → VIP, Khách quen');
    for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await expect(diff).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/versions-diff-${language}-${width}x${height}.png` });
    }
    await page.getByRole('button', { name: words.restore }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/versions-restore-${language}-1920x1080.png` });
  });
}
