import type { Locator, Page } from '@playwright/test';

/** The selected SMS step's form in the side panel: its account picker and the count under its text. */
export class SmsStep {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The step's card on the canvas, by its node id (its accessible name is in the page's language). */
  card(nodeId = 'sms'): Locator {
    return this.page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  }

  get form(): Locator {
    return this.page.locator('form.node-form');
  }

  account(label: string | RegExp): Locator {
    return this.form.getByRole('combobox', { name: label });
  }

  text(label: string | RegExp): Locator {
    return this.form.getByRole('textbox', { name: label, exact: typeof label === 'string' });
  }

  get count(): Locator {
    return this.form.getByTestId('sms-count');
  }
}
