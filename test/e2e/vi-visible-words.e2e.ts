import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { englishWordsIn } from '../../renderer/i18n/vi-glossary.ts';
import { vipFlow } from '../harness/flows.ts';
import { postShopify, sampleOrder, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = 'test-results/vi-visible-words';

/**
 * The English catalogs' sentences (with a space and at least 12 characters, placeholders cut
 * out): none may show on a Vietnamese screen, which would mean a key fell back to English.
 */
function englishSentences(): string[] {
  const dir = new URL('../../renderer/i18n/locales/', import.meta.url);
  const out = new Set<string>();
  const walk = (v: unknown, vi: unknown): void => {
    if (typeof v === 'string') {
      if (v === vi) return;
      for (const part of v.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)) if (part.trim().length >= 12 && part.trim().includes(' ')) out.add(part.trim());
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, (vi as Record<string, unknown> | undefined)?.[k]);
  };
  for (const file of readdirSync(new URL('en/', dir))) {
    walk(JSON.parse(readFileSync(new URL(`en/${file}`, dir), 'utf8')), JSON.parse(readFileSync(new URL(`vi/${file}`, dir), 'utf8')));
  }
  return [...out];
}

/**
 * What a shop owner reads on a screen: every line of visible text, less what is shown as a raw
 * value (code, monospace: a platform's own status word, a topic, a header) and the canvas
 * library's attribution ("React Flow").
 */
async function visibleLines(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    type El = { innerText: string; style: { display: string }; querySelectorAll(s: string): Iterable<El> };
    const body = (globalThis as unknown as { document: { body: El } }).document.body;
    const hidden: El[] = [...body.querySelectorAll('code, kbd, pre, samp, .mono, .react-flow__attribution')];
    const display = hidden.map((e) => e.style.display);
    for (const e of hidden) e.style.display = 'none';
    const all = body.innerText;
    hidden.forEach((e, i) => (e.style.display = display[i]!));
    return all;
  });
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

/** The screen has drawn what it loads: nothing says it is loading, and the text holds still. */
async function settled(page: Page): Promise<void> {
  let before = '';
  await expect.poll(async () => {
    const now = (await visibleLines(page)).join('\n');
    const still = now === before && !/Đang tải/.test(now) && (await page.locator('[aria-busy="true"]').count()) === 0;
    before = now;
    return still;
  }, { intervals: [300], timeout: 15_000 }).toBe(true);
}

/**
 * Issue 16, "Vietnamese through and through": each screen a shop owner opens, in Vietnamese,
 * with an order, its customer, a delivery, a flow and its run in it, shows no English word of
 * the glossary (renderer/i18n/vi-glossary.ts; the catalogs are checked the same way by
 * renderer/i18n/vi-catalog.test.ts). Product names, code, topics and quoted values aside.
 */
test('every screen in Vietnamese reads in Vietnamese', async ({ page, flowdesk }) => {
  mkdirSync(shots, { recursive: true });
  const api = engineApi(flowdesk);
  const hook = (await api('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET, name: 'Cửa hàng Hà Nội' })).webhookUrl as string;
  const flow = await api('flows.save', { document: { ...vipFlow(), name: 'Gắn thẻ VIP cho đơn lớn' } });
  await api('flows.activate', { id: flow.id });
  expect((await postShopify(hook, { body: JSON.stringify(sampleOrder({ email: 'lan.nguyen@example.com' })) })).status).toBe(200);
  await expect.poll(async () => (await api('orders.list', {})).total).toBe(1);
  const order = (await api('orders.list', {})).rows[0] as { id: string; customerId: string | null };
  await expect.poll(async () => (await api('runs.list', { flowId: flow.id })).length ?? 0).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => localStorage.setItem('flowdesk.language', 'vi'));
  await new AppShell(page).open(flowdesk.editorUrl);

  const screens: [string, string][] = [
    ['orders', '#/orders'],
    ['order', `#/orders/${encodeURIComponent(order.id)}`],
    ['customers', '#/customers'],
    ...(order.customerId ? [['customer', `#/customers/${encodeURIComponent(order.customerId)}`] as [string, string]] : []),
    ['inbox', '#/inbox'],
    ['flows', '#/flows'],
    ['flow', `#/flows/${encodeURIComponent(flow.id)}`],
    ['connections', '#/connections'],
    ['settings', '#/settings'],
    ['guide', '#/guide'],
  ];
  const found: string[] = [];
  const english = englishSentences();
  for (const [name, hash] of screens) {
    await page.evaluate((h) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = h;
    }, hash);
    await settled(page);
    await page.screenshot({ path: `${shots}/${name}-vi-1280x800.png`, fullPage: true });
    const lines = await visibleLines(page);
    for (const line of lines) {
      for (const w of englishWordsIn(line)) found.push(`${name}: "${w.word}" in "${line.slice(0, 120)}"`);
    }
    const text = lines.join('\n');
    for (const sentence of english) if (text.includes(sentence)) found.push(`${name}: an English catalog string "${sentence.slice(0, 80)}"`);
  }
  expect(found).toEqual([]);
});
