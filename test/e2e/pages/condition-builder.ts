import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The condition builder of a selected Conditions step (side panel), and the same condition in a
 * run (which rules held). Locators by role and the names the builder gives (English).
 */
export class ConditionBuilder {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The builder: a fieldset named by the param's title. */
  get root(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' }).getByRole('group', { name: 'Condition', exact: true });
  }

  /** The root group's "+ Rule" (nested groups' buttons come before it). */
  get addRuleButton(): Locator {
    return this.root.getByRole('button', { name: 'Add a rule' }).last();
  }

  addCheckButton(list: string): Locator {
    return this.root.getByRole('button', { name: `Add a check: for ${list}` }).last();
  }

  /** The open field picker's search box. */
  get fieldSearch(): Locator {
    return this.root.getByRole('combobox', { name: 'Search fields' });
  }

  fieldOption(label: string): Locator {
    return this.root.getByRole('option', { name: new RegExp(`^${label}\\b`) });
  }

  /** A rule, by its sentence ("Order total ≥ 2,000,000"). */
  rule(sentence: string | RegExp): Locator {
    return this.root.getByRole('group', { name: sentence, exact: true });
  }

  operator(rule: Locator): Locator {
    return rule.getByRole('combobox', { name: 'Operator' });
  }

  value(rule: Locator): Locator {
    return rule.getByLabel('Value', { exact: true });
  }

  /** Picks a field in the picker that a new rule opens: typed, then chosen with the arrow keys and Enter. */
  async pickFieldWithKeyboard(query: string, label: string): Promise<void> {
    await expect(this.fieldSearch).toBeFocused();
    await this.fieldSearch.fill(query);
    const options = this.root.getByRole('option');
    const names = await options.allInnerTexts();
    const index = names.findIndex((n) => n.startsWith(label));
    if (index < 0) throw new Error(`no field "${label}" for "${query}" among ${names.join(' | ')}`);
    for (let i = 0; i < index; i++) await this.fieldSearch.press('ArrowDown');
    await this.fieldSearch.press('Enter');
    await expect(this.fieldSearch).toHaveCount(0);
  }

  /** A Conditions step in a run: the panel listing which rules held. */
  get trace(): Locator {
    return this.page.getByRole('complementary', { name: 'Step details' }).getByRole('region', { name: 'Which rules held' });
  }

  traced(name: string | RegExp): Locator {
    return this.trace.getByRole('group', { name, exact: true });
  }
}
