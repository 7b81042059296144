import type { Page } from '@playwright/test';

/** The frame around every page: navigation and the engine link. */
export class AppShell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the editor with the URL `serve` printed and waits until it talks to the engine. */
  async open(editorUrl: string): Promise<void> {
    await this.page.goto(editorUrl);
    await this.page.locator('html[data-engine-link="open"]').waitFor();
  }

  nav(name: RegExp | string) {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }
}
