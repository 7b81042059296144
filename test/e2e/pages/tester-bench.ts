import { expect, type Locator, type Page } from '@playwright/test';

/** The words the bench's page objects look for, in the language a test opened the app in. */
export interface BenchWords {
  inbox: string;
  table: string;
  openDelivery: RegExp;
  delivery: RegExp;
  body: string;
  pretty: string;
  replayDialog: RegExp;
  diffDialog: RegExp;
  bulkTitle: string;
  close: string;
}

/** The Inbox as a tester uses it: filters, rows, one delivery opened with its tools. */
export class BenchInbox {
  readonly page: Page;
  readonly w: BenchWords;
  constructor(page: Page, w: BenchWords) {
    this.page = page;
    this.w = w;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: this.w.inbox, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.w.inbox })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByRole('table', { name: this.w.table }).locator('tbody tr');
  }

  filters(): Locator {
    return this.page.getByRole('search');
  }

  /** A filter's control by its label. */
  filter(label: string): Locator {
    return this.filters().getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens a row's delivery and answers the panel it shows. */
  async openDelivery(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: this.w.openDelivery }).click();
    const panel = this.page.getByRole('region', { name: this.w.delivery });
    await expect(panel).toBeVisible();
    return panel;
  }

  /** The raw body as the panel shows it. */
  body(panel: Locator): Locator {
    return panel.getByLabel(this.w.body, { exact: true });
  }

  /** The modal dialog open now (replay, diff, confirmation). */
  dialog(name: RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  bulkPanel(): Locator {
    return this.page.getByRole('region', { name: this.w.bulkTitle });
  }
}
