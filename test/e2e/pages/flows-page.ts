import type { Page } from '@playwright/test';

/** `#/flows`: the list of flows. */
export class FlowsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.evaluate(`window.location.hash = '#/flows'`);
    await this.page.getByRole('heading', { level: 1, name: /flows|luồng/i }).waitFor();
  }

  get table() {
    return this.page.getByRole('table', { name: /flows|luồng/i });
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  activeSwitch(name: string) {
    return this.table.getByRole('switch', { name: `Active: ${name}` });
  }

  /** Opens the editor on a new, unsaved flow. */
  async create(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create flow' }).click();
  }
}
