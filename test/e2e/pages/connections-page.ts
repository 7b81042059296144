import { expect, type Locator, type Page } from '@playwright/test';

/** The Connections page (#/connections): the add form, the "paste this URL" panel, the list by store. */
export class ConnectionsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /^(connections|kết nối)$/i }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(connections|kết nối)$/i })).toBeVisible();
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'New connection' });
  }

  /** Opens the form when the list hides it (with no connections yet it is open already). */
  async openForm(): Promise<Locator> {
    const form = this.form();
    const add = this.page.getByRole('button', { name: 'Add connection' }).first();
    await expect(form.or(add).first()).toBeVisible();
    if (!(await form.isVisible())) await add.click();
    await expect(form).toBeVisible();
    return form;
  }

  /** Adds a Shopify connection as a user would, and answers the webhook URL the page then shows. */
  async addShopify(shopDomain: string, secret: string): Promise<string> {
    const form = await this.openForm();
    await form.getByLabel('Platform', { exact: true }).selectOption({ label: 'Shopify' });
    await form.getByLabel(/shop domain/i).fill(shopDomain);
    await form.getByLabel(/client secret/i).fill(secret);
    await form.getByRole('button', { name: 'Add connection' }).click();
    return this.createdWebhookUrl();
  }

  created(): Locator {
    return this.page.getByRole('region', { name: /^Connection added/ });
  }

  webhookUrlField(): Locator {
    return this.created().getByRole('textbox', { name: 'Webhook URL' });
  }

  async createdWebhookUrl(): Promise<string> {
    await expect(this.webhookUrlField()).toHaveValue(/\/hooks\/con_/);
    return this.webhookUrlField().inputValue();
  }

  setupSteps(): Locator {
    return this.created().getByRole('list');
  }

  copyWebhookUrl(): Locator {
    return this.created().getByRole('button', { name: 'Copy webhook URL', exact: true });
  }

  /** The connections of one store, as a region of the page. */
  store(name: string): Locator {
    return this.page.getByRole('region', { name: `Store ${name}` });
  }

  removeButton(connectionName: string): Locator {
    return this.page.getByRole('button', { name: `Remove connection ${connectionName}` });
  }

  removeDialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
