import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { Flowdesk } from '../fixtures.ts';
import { AppShell } from './app-shell.ts';

/** Opens the editor in a language, whatever the machine's: a fresh load, so the choice applies. */
export async function openApp(page: Page, flowdesk: Flowdesk, language: 'en' | 'vi'): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await page.goto('about:blank');
  await new AppShell(page).open(flowdesk.editorUrl);
}

/** Screenshots of `target` scrolled into view at 1280×800 and 1920×1080, as `<dir>/<name>-<width>.png`. */
export async function shootAt(page: Page, target: Locator, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/${name}-${width}.png` });
  }
}
