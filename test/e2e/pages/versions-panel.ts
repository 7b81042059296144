import { expect, type Page } from '@playwright/test';

/** The Versions tab of the flow editor's side panel (English words). */
export class VersionsPanel {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens a flow in the editor, in whatever language the app speaks. */
  async openFlow(id: string): Promise<void> {
    await this.page.evaluate(`window.location.hash = '#/flows/${id}'`);
    await this.page.locator('.react-flow__node').first().waitFor();
  }

  get tab() {
    return this.page.getByRole('tab', { name: 'Versions' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.list).toBeVisible();
  }

  get list() {
    return this.page.getByRole('list', { name: 'Versions' });
  }

  row(version: number) {
    return this.list.getByRole('listitem', { name: `Version ${version}`, exact: true });
  }

  /** Ticks a version for comparing. */
  async pick(version: number): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Compare version ${version}` }).check();
  }

  get diff() {
    return this.page.getByRole('region', { name: 'Changes' });
  }

  get compareDraft() {
    return this.page.getByRole('button', { name: 'Compare with the saved version' });
  }

  async restore(version: number): Promise<void> {
    await this.page.getByRole('button', { name: `Restore version ${version}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Restore version ${version}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Exports a version and answers the downloaded file's path and name. */
  async export(version: number): Promise<{ path: string; name: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export version ${version} as a file` }).click();
    const file = await download;
    return { path: await file.path(), name: file.suggestedFilename() };
  }

  /** The version the editor's header says the canvas holds. */
  headerVersion(version: number) {
    return this.page.locator('.editor-header').getByText(`Version ${version}`, { exact: true });
  }

  get message() {
    return this.page.locator('.version-message');
  }
}
