import { expect, type Locator, type Page } from '@playwright/test';

/** Settings (#/settings): language, engine status, dead jobs. */
export class SettingsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /^(settings|cài đặt)$/i }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(settings|cài đặt)$/i })).toBeVisible();
  }

  language(label: 'Tiếng Việt' | 'English'): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  engine(): Locator {
    return this.page.getByRole('region', { name: /^(engine|bộ máy xử lý)$/i });
  }
}
