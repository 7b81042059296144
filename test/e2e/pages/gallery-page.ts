import { expect, type Page } from '@playwright/test';

/** The template gallery, opened from "Templates" in the flows list. Names match in English and Vietnamese. */
export class GalleryPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get openButton() {
    return this.page.getByRole('button', { name: /^(Templates|Mẫu luồng)$/ });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: /^(Flow templates|Mẫu luồng có sẵn)$/ });
  }

  /** Opens the gallery and waits until its cards have loaded. */
  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.cards.first()).toBeVisible();
  }

  get close() {
    return this.dialog.getByRole('button', { name: /^(Close|Đóng)$/ });
  }

  get search() {
    return this.dialog.getByRole('searchbox');
  }

  get cards() {
    return this.dialog.getByRole('article');
  }

  card(title: string) {
    return this.dialog.getByRole('article', { name: title, exact: true });
  }

  /** A category filter, by its words ("Customer messages"); pressed when chosen. */
  category(name: string | RegExp) {
    return this.dialog.getByRole('group', { name: /^(Category|Nhóm)$/ }).getByRole('button', { name });
  }

  /** The count line above the cards ("3 templates"). */
  get shown() {
    return this.dialog.getByRole('status');
  }

  /** Clicks "Use this template" on a card. */
  async use(title: string): Promise<void> {
    await this.card(title).getByRole('button', { name: /^(Use this template|Dùng mẫu này)/ }).click();
  }
}
