import { expect, type Locator, type Page } from '@playwright/test';

/** The Orders list (#/orders): search, and a link per order to its page. */
export class OrdersPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /^(orders|đơn hàng)$/i }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(orders|đơn hàng)$/i })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Orders' });
  }

  orderLink(number: string): Locator {
    return this.page.getByRole('link', { name: `Open order ${number}` });
  }

  row(number: string): Locator {
    return this.table().getByRole('row').filter({ has: this.orderLink(number) });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search orders' }).fill(text);
  }

  async openOrder(number: string): Promise<void> {
    await this.orderLink(number).click();
  }
}

/** The Orders list's search and its "Run a flow on these orders" button, by their words in the language shown. */
export class OrdersTools {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async search(label: string, text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: label }).fill(text);
  }

  runFlowButton(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  rows(tableLabel: string): Locator {
    return this.page.getByRole('table', { name: tableLabel }).locator('tbody tr');
  }
}
