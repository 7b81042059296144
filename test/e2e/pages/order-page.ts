import type { Locator, Page } from '@playwright/test';

/** One order (#/orders/<id>): its summary and its live timeline. */
export class OrderPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading(number: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Order ${number}` });
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: 'Summary' });
  }

  timeline(): Locator {
    return this.page.getByRole('list', { name: 'Order timeline' });
  }

  /** The timeline's entries of one kind, by the name the page gives it ("Webhook received", "Status changed"…). */
  entries(kindLabel: string): Locator {
    return this.timeline()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(kindLabel, { exact: true }) });
  }

  /** The delivery entry of one webhook topic. */
  delivery(topic: string): Locator {
    return this.entries('Webhook received').filter({ has: this.page.getByText(topic, { exact: true }) });
  }
}
