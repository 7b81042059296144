import { expect, type Locator, type Page } from '@playwright/test';

/** The Inbox (#/inbox): every delivery, and one opened beside the list. */
export class InboxPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /^(inbox|hộp thư webhook)$/i }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(inbox|hộp thư webhook)$/i })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Webhook deliveries' });
  }

  rows(verdict: string): Locator {
    return this.table().getByRole('row').filter({ hasText: verdict });
  }

  /** Opens a row's delivery and answers the panel it shows. */
  async openDelivery(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: /^Open delivery #\d+$/ }).click();
    const panel = this.page.getByRole('region', { name: /^Delivery #\d+$/ });
    await expect(panel).toBeVisible();
    return panel;
  }
}
