import { expect, type Locator, type Page } from '@playwright/test';

/** `#/flows/<id>`: palette, canvas, side panel, header. */
export class FlowEditor {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async openFlow(id: string): Promise<void> {
    await this.page.evaluate(`window.location.hash = '#/flows/${id}'`);
    await this.canvas.waitFor();
  }

  get palette() {
    return this.page.getByRole('complementary', { name: 'Steps' });
  }

  paletteItem(label: string) {
    return this.palette.getByRole('button', { name: label, exact: true });
  }

  get canvas() {
    return this.page.getByRole('application', { name: 'Flow canvas' });
  }

  /** A step on the canvas, by its accessible name ("Trigger: Order created", "Condition"). */
  node(name: string | RegExp) {
    return this.canvas.getByRole('group', { name, exact: true });
  }

  get nodes() {
    return this.canvas.locator('.react-flow__node');
  }

  get edges() {
    return this.canvas.getByRole('group').and(this.canvas.locator('.react-flow__edge'));
  }

  /** Drags a palette entry onto the canvas with the mouse (HTML5 drag and drop), at a point of the canvas. */
  async dragToCanvas(label: string, at: { x: number; y: number }): Promise<void> {
    const before = await this.nodes.count();
    await this.paletteItem(label).dragTo(this.canvas, { targetPosition: at });
    await expect(this.nodes).toHaveCount(before + 1);
  }

  handle(node: Locator, label: string) {
    return node.getByLabel(label, { exact: true });
  }

  /** Draws a connection by dragging from one handle to another with the mouse. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('a handle to connect is not on screen');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 8 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /**
   * Builds "order created → total price greater than `threshold` → add order tag `tag`" as a
   * user does: drags from the palette, fills the forms, draws the connections.
   */
  async buildTagBigOrders(threshold: string, tag: string): Promise<void> {
    await this.dragToCanvas('Order created', { x: 360, y: 90 });
    await this.dragToCanvas('Condition', { x: 360, y: 280 });
    await this.field('Field').fill('order.totalPrice');
    await this.field('Type').selectOption({ label: 'Number' });
    await this.field('Operator').selectOption({ label: 'greater than' });
    await this.field('Value').fill(threshold);
    await this.dragToCanvas('Add order tag', { x: 250, y: 500 });
    await this.addTag(tag);
    const trigger = this.node('Trigger: Order created');
    const condition = this.node('Condition');
    const action = this.node('Action: Add order tag');
    await this.connectUntil(this.handle(trigger, 'Next output of Order created'), this.handle(condition, 'Input of Condition'), 'Connection from Order created to Condition');
    await this.connectUntil(this.handle(condition, 'Yes output of Condition'), this.handle(action, 'Input of Add order tag'), 'Connection from Condition (Yes) to Add order tag');
  }

  /**
   * Draws a connection and waits for it; on a busy machine a drag can land before the canvas has
   * settled after the last step was added, so a drag that made no connection is drawn again.
   */
  async connectUntil(from: Locator, to: Locator, edge: string): Promise<void> {
    const made = this.canvas.getByRole('group', { name: edge });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.connect(from, to);
      try {
        await expect(made).toHaveCount(1, { timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  get sidePanel() {
    return this.page.getByRole('complementary', { name: 'Details' });
  }

  /** A control of the selected step's form, by its label. */
  field(label: string) {
    return this.sidePanel.getByLabel(label, { exact: true });
  }

  async addTag(tag: string): Promise<void> {
    await this.field('Tags').fill(tag);
    await this.field('Tags').press('Enter');
    await expect(this.sidePanel.getByRole('button', { name: `Remove ${tag}` })).toBeVisible();
  }

  get name() {
    return this.page.getByRole('textbox', { name: 'Flow name' });
  }

  get saveButton() {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }

  get activeSwitch() {
    return this.page.getByRole('switch', { name: 'Active' });
  }

  get undoButton() {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  get redoButton() {
    return this.page.getByRole('button', { name: 'Redo', exact: true });
  }

  get unsaved() {
    return this.page.getByRole('status').filter({ hasText: 'Unsaved changes' });
  }

  /** The answer to the last save or activation. */
  get alert() {
    return this.page.getByRole('alert');
  }

  version(n: number) {
    return this.page.getByText(`Version ${n}`, { exact: true });
  }

  tab(name: 'Editor' | 'Runs' | RegExp) {
    return this.page.getByRole('tab', { name });
  }
}
