import type { Page } from '@playwright/test';

/** The editor's frame on a small screen: the folding palette and side panel, the canvas, the mini map. */
export class EditorLayout {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The palette's or the side panel's fold button, by the panel's name ("Các bước", "Chi tiết"). */
  toggle(panel: string) {
    return this.page.getByRole('complementary', { name: panel }).getByRole('button', { name: panel, exact: true });
  }

  get canvas() {
    return this.page.locator('.editor-canvas');
  }

  get minimap() {
    return this.page.locator('.react-flow__minimap');
  }

  minimapToggle(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async canvasWidth(): Promise<number> {
    return (await this.canvas.boundingBox())?.width ?? 0;
  }
}
