import type { Page } from '@playwright/test';

/** "Connect…" (the C key on a step): its filter box and list of outputs or steps. */
export class ConnectDialog {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: /^(Connect|Nối) / });
  }

  get filter() {
    return this.dialog.getByRole('combobox');
  }

  get options() {
    return this.dialog.getByRole('option');
  }

  get chosen() {
    return this.dialog.getByRole('option', { selected: true });
  }
}
