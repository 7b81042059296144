import type { Locator, Page } from '@playwright/test';

/** The Orders page's "Run a flow on these orders" panel and its confirmation. Words are passed in, so one object serves vi and en. */
export class BulkRunPanel {
  readonly page: Page;
  readonly panel: Locator;
  constructor(page: Page, title: string) {
    this.page = page;
    this.panel = page.getByRole('region', { name: title });
  }

  /** What the panel says it will run on: how many orders, from which search. */
  scope(): Locator {
    return this.panel.locator('.bulk-run-scope');
  }

  flowSelect(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  link(name: string): Locator {
    return this.panel.getByRole('link', { name, exact: true });
  }

  /** The confirmation a real run asks for. */
  confirmation(): Locator {
    return this.page.getByRole('dialog');
  }

  progressBar(): Locator {
    return this.panel.getByRole('progressbar');
  }

  /** "Processed 2 of 2 orders". */
  progressLine(): Locator {
    return this.panel.locator('.bulk-progress-line');
  }

  /** The batch's state beside its title: running, waiting for due times, finished. */
  state(): Locator {
    return this.panel.locator('.bulk-progress-head .badge');
  }

  /** One count under the bar, by its label ("Done", "Failed", …): its number. */
  count(label: string): Locator {
    return this.panel.locator('.bulk-count').filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
  }

  /** What the panel notes: a dry run changed nothing, what Cancel did, runs that wait. */
  notes(): Locator {
    return this.panel.locator('.bulk-note');
  }

  /** The batch's runs, order by order, once it is over. */
  runRows(): Locator {
    return this.panel.locator('.bulk-runs tbody tr');
  }
}
