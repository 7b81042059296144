import { expect, type Locator, type Page } from '@playwright/test';

/** The "Connector accounts" section of the Connections page. */
export class AccountsSection {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  region(): Locator {
    return this.page.getByRole('region', { name: /^(Connector accounts|Tài khoản kết nối)$/ });
  }

  connector(label: string): Locator {
    return this.region().getByRole('region', { name: label, exact: true });
  }

  /** Adds an SMTP account through the generated form, as a user types it. */
  async addSmtp(a: { name: string; host: string; port: number; security: string; user: string; pass: string; from: string }): Promise<void> {
    const smtp = this.connector('Email (SMTP)');
    await smtp.getByRole('button', { name: 'Add Email (SMTP) account' }).click();
    const form = smtp.getByRole('form', { name: 'New Email (SMTP) account' });
    await expect(form).toBeVisible();
    await form.getByLabel('Account name').fill(a.name);
    await form.getByLabel('Server', { exact: true }).fill(a.host);
    await form.getByLabel('Port', { exact: true }).fill(String(a.port));
    await form.getByLabel('Security', { exact: true }).selectOption({ label: a.security });
    await form.getByLabel('User name').fill(a.user);
    await form.getByLabel('Password').fill(a.pass);
    await form.getByLabel('Default sender').fill(a.from);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(form).toBeHidden();
  }

  row(name: string): Locator {
    return this.region().getByRole('row').filter({ hasText: name });
  }

  async test(name: string): Promise<Locator> {
    const row = this.row(name);
    await row.getByRole('button', { name: `Test ${name}` }).click();
    const status = row.getByRole('status');
    await expect(status).toBeVisible();
    return status;
  }
}
