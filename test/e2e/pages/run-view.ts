import type { Page } from '@playwright/test';

/** A flow's runs (the editor's Runs tab) and one run (`#/runs/<id>`). */
export class RunView {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get runsTable() {
    return this.page.getByRole('table', { name: 'Runs' });
  }

  /** The rows of runs, without the header row. */
  get runRows() {
    return this.runsTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  get canvas() {
    return this.page.getByRole('application', { name: 'The flow as it ran' });
  }

  node(name: string | RegExp) {
    return this.canvas.getByRole('group', { name, exact: true });
  }

  get stepPanel() {
    return this.page.getByRole('complementary', { name: 'Step details' });
  }

  /** The recorded input or output of the selected step, as shown. */
  json(which: 'Input' | 'Output') {
    return this.stepPanel.getByRole('region', { name: which }).locator('pre');
  }
}
