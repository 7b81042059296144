import type { Locator, Page } from '@playwright/test';

/** The order page's Tasks card: its list, one task by its title, the box that ticks it off. */
export class TasksPanel {
  readonly page: Page;
  readonly card: Locator;
  constructor(page: Page, title: string) {
    this.page = page;
    this.card = page.getByRole('region', { name: title });
  }

  items(): Locator {
    return this.card.getByRole('listitem');
  }

  item(title: string): Locator {
    return this.items().filter({ hasText: title });
  }

  /** The titles in the order the card shows them. */
  async titles(): Promise<string[]> {
    return this.card.locator('.task-title').allTextContents();
  }

  checkbox(title: string): Locator {
    return this.item(title).getByRole('checkbox');
  }
}
