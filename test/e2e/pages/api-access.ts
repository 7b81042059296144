import { expect, type Locator, type Page } from '@playwright/test';

type Language = 'en' | 'vi';

const words = {
  en: { section: /^API access/, write: (p: string) => `Write back to ${p}`, token: /^Admin API access token/, panel: (n: string) => `API access: ${n}`, open: (n: string) => `API access of ${n}`, save: 'Save API access', reconcile: 'Reconcile now' },
  vi: { section: /^Truy cập API/, write: (p: string) => `Ghi ngược lên ${p}`, token: /^Admin API access token/, panel: (n: string) => `Truy cập API: ${n}`, open: (n: string) => `Truy cập API của ${n}`, save: 'Lưu truy cập API', reconcile: 'Đối soát ngay' },
} as const;

/**
 * A connection's "API access" (issue 13): the folded section of the new-connection form, and the
 * panel a saved connection opens from its row. Names in English or Vietnamese.
 */
export class ApiAccess {
  readonly page: Page;
  readonly language: Language;
  constructor(page: Page, language: Language = 'en') {
    this.page = page;
    this.language = language;
  }

  private get w() {
    return words[this.language];
  }

  /** The section in the new-connection form (a <details>, folded until opened). */
  inForm(form: Locator): Locator {
    return form.getByRole('group', { name: this.w.section });
  }

  async openInForm(form: Locator): Promise<Locator> {
    const section = this.inForm(form);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    await expect(section).toHaveAttribute('open', '');
    return section;
  }

  writeBack(scope: Locator, platform: string): Locator {
    return scope.getByRole('checkbox', { name: this.w.write(platform) });
  }

  /** Shopify's admin API token field (its label, before the help). */
  shopifyToken(scope: Locator): Locator {
    return scope.getByLabel(this.w.token);
  }

  toggles(scope: Locator): Locator {
    return scope.getByRole('checkbox');
  }

  note(scope: Locator): Locator {
    return scope.getByRole('note');
  }

  /** Opens a saved connection's API access from its row, and answers the panel. */
  async openFor(connectionName: string): Promise<Locator> {
    await this.page.getByRole('button', { name: this.w.open(connectionName) }).click();
    const panel = this.page.getByRole('form', { name: this.w.panel(connectionName) });
    await expect(panel).toBeVisible();
    return panel;
  }

  save(panel: Locator): Locator {
    return panel.getByRole('button', { name: this.w.save });
  }

  reconcileNow(panel: Locator): Locator {
    return panel.getByRole('button', { name: this.w.reconcile });
  }
}

/** The flow editor's palette of steps, named in English or Vietnamese, on a new flow. */
export class StepPalette {
  readonly page: Page;
  readonly root: Locator;
  constructor(page: Page, language: Language = 'en') {
    this.page = page;
    this.root = page.getByRole('complementary', { name: language === 'vi' ? 'Các bước' : 'Steps' });
  }

  async openNewFlow(): Promise<void> {
    await this.page.evaluate(`window.location.hash = '#/flows/new'`);
    await expect(this.root).toBeVisible();
  }

  item(label: string): Locator {
    return this.root.getByRole('button', { name: label, exact: true });
  }

  async search(text: string): Promise<void> {
    await this.root.getByRole('searchbox').fill(text);
  }
}
