import type { Locator, Page } from '@playwright/test';

/** The order page's "Run a flow on this order" card. Words are passed in, so the same object serves vi and en. */
export class RunFlowOnOrderCard {
  readonly page: Page;
  readonly card: Locator;
  constructor(page: Page, title: string) {
    this.page = page;
    this.card = page.getByRole('region', { name: title });
  }

  flowSelect(label: string): Locator {
    return this.card.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.card.getByRole('button', { name, exact: true });
  }

  /** What the last dry run or run said: its status, why, what it would do, and a link to it. */
  result(): Locator {
    return this.card.locator('.run-on-order-result');
  }

  link(name: string): Locator {
    return this.result().getByRole('link', { name });
  }
}
