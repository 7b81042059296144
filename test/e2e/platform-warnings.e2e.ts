import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { cancelledThen, emailNode } from '../harness/message-flows.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';

const shots = '/tmp/fd/shots/platform-warnings';
const sizes = [[1280, 800], [1920, 1080]] as const;

async function openFlow(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi', id: string): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await page.goto('about:blank');
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.evaluate(`window.location.hash = '#/flows/${id}'`);
}

test('an email step in a Lazada-only flow is warned about on its card and in the problems, and the flow still saves', async ({ page, flowdesk }) => {
  mkdirSync(shots, { recursive: true });
  const api = engineApi(flowdesk);
  const account = await api('accounts.create', { connector: 'smtp', name: 'Shop mail', credentials: { host: '127.0.0.1', port: 2525, user: 'shop', pass: 'secret-pass', from: 'shop@example.com' } });
  const doc = cancelledThen(emailNode(account.id), 'Lazada cancelled: email');
  doc.nodes[0]!.params = { platforms: ['lazada'] };
  const flow = await api('flows.save', { document: doc });

  for (const language of ['en', 'vi'] as const) {
    const tab = language === 'en' ? page : await page.context().newPage();
    await openFlow(tab, flowdesk, language, flow.id);
    // The canvas's own names are in the user's language: the card by its node id.
    const card = tab.getByTestId('rf__node-email');
    const said =
      language === 'en'
        ? "Email the customer: Lazada never sends the customer's email address: this step will be skipped for those orders"
        : 'Email the customer: Lazada không bao giờ gửi địa chỉ email của khách: bước này sẽ bị bỏ qua với các đơn đó';
    await expect(card).toContainText(said.replace('Email the customer: ', ''));
    await expect(card.locator('.fn-warned')).toBeVisible();
    await tab.getByRole('tab', { name: language === 'en' ? 'Problems (1)' : /\(1\)/ }).click();
    await expect(tab.getByRole('list', { name: language === 'en' ? 'Problems' : /.+/ })).toContainText(language === 'en' ? `Warning: ${said}` : `Cảnh báo: ${said}`);
    for (const [w, h] of sizes) {
      await tab.setViewportSize({ width: w, height: h });
      await tab.screenshot({ path: `${shots}/lazada-email-${language}-${w}.png` });
    }
  }
  // A warning is not an error: the flow turns on.
  expect((await api('flows.activate', { id: flow.id })).activeVersion).toBe(flow.latestVersion);
});
