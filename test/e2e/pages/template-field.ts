import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A Liquid template field in the editor's side panel (by its label), its live preview, its
 * variable picker, and the "Order for preview" picker above the step's fields. Names are
 * matched in English or Vietnamese so that screenshots can be taken in both.
 */
export class TemplateField {
  readonly page: Page;
  readonly label: string;
  constructor(page: Page, label: string) {
    this.page = page;
    this.label = label;
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: /^(Details|Chi tiết)$/ });
  }

  get textbox(): Locator {
    return this.panel.getByLabel(this.label, { exact: true });
  }

  /** The rendered text, or the problem, under the field. */
  get preview(): Locator {
    return this.panel.getByRole('region', { name: new RegExp(`^(Preview|Xem trước): ${this.label}$`) });
  }

  get orderPicker(): Locator {
    return this.panel.getByRole('region', { name: /^(Order for preview|Đơn hàng để xem trước)$/ });
  }

  /** Chooses a past order by searching its number, as a user does. */
  async pickOrder(number: string): Promise<void> {
    await this.orderPicker.getByRole('button', { name: /^(Change|Đổi)$/ }).click();
    await this.orderPicker.getByRole('searchbox').fill(number.replace(/^#/, ''));
    await this.orderPicker.getByRole('button', { name: new RegExp(`^${number}\\b`) }).click();
    await expect(this.orderPicker).toContainText(number);
  }

  /** Replaces the template with `text` (as typed), and waits for the engine's answer to it. */
  async write(text: string): Promise<void> {
    await this.textbox.fill(text);
    await expect(this.preview).toHaveAttribute('aria-busy', 'false');
  }

  get variableButton(): Locator {
    return this.panel.getByRole('button', { name: /^(Insert variable|Chèn biến)$/ });
  }

  get variableSearch(): Locator {
    return this.panel.getByRole('combobox', { name: /^(Search variables|Tìm biến)$/ });
  }

  variable(path: string): Locator {
    return this.panel.getByRole('option', { name: new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}\\s`) });
  }

  /** Opens the picker, searches, and clicks the variable: its `{{ path }}` goes in at the caret. */
  async insertVariable(search: string, path: string): Promise<void> {
    await this.variableButton.click();
    await this.variableSearch.fill(search);
    await this.variable(path).click();
    await expect(this.variableSearch).toHaveCount(0);
  }
}
