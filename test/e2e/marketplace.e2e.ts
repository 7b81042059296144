import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startFakeLazada, type FakeLazada } from '../harness/fake-lazada-api.ts';
import { LAZADA_CREDS, lazadaConnection, pushLazada, setLazadaStatus } from '../harness/lazada-market.ts';
import { expect, test, type Flowdesk } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { engineApi } from './pages/engine-api.ts';
import { MarketplaceCard } from './pages/marketplace-card.ts';

const SKU = 'AT-001-M';
const SHIPPED = '260422900198363';
const RETURNED = '260422900298363';
const shots = 'test-results';

/** A Lazada connection on the local Lazada (write-back on), 10 of the SKU in stock. */
async function arrange(flowdesk: Flowdesk, fake: FakeLazada) {
  const api = engineApi(flowdesk);
  const { webhookUrl, id } = await api('connections.create', lazadaConnection(fake));
  await api('inventory.set', { connectionId: id, sku: SKU, onHand: 10 });
  /** Lazada pushes the order as the fake now has it; resolves once the engine has it (by its id). */
  async function push(orderId: string, waitFor: (o: any) => boolean = () => true): Promise<string> {
    const res = await pushLazada(webhookUrl, fake, orderId);
    expect(res.verdict).toBe('accepted');
    let id = '';
    await expect.poll(async () => {
      const d = await api('orders.get', { ref: orderId }).catch(() => null);
      id = d && waitFor(d.order) ? d.summary.id : '';
      return id;
    }).not.toBe('');
    return id;
  }
  return { api, push };
}

async function openOrder(page: Page, flowdesk: Flowdesk, orderId: string, language: 'en' | 'vi') {
  await page.addInitScript((lang) => localStorage.setItem('flowdesk.language', lang), language);
  await page.setViewportSize({ width: 1280, height: 800 });
  await new AppShell(page).open(flowdesk.editorUrl);
  await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${orderId}`);
  await page.locator('html[data-engine-link="open"]').waitFor();
}

/** The order page at 1280×800, scrolled to `target` (the page scrolls inside its own container, so a full-page shot would cut it). */
async function shoot(page: Page, target: Locator, name: string) {
  mkdirSync(shots, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/marketplace-${name}.png` });
}

for (const language of ['vi', 'en'] as const) {
  test(`marketplace order (${language}): stock taken, Ready to ship, cancelled and restocked; a return, no restock until recorded`, async ({ page, flowdesk }) => {
    const fake = await startFakeLazada(LAZADA_CREDS);
    try {
      const { push } = await arrange(flowdesk, fake);
      fake.seed(SHIPPED, { statuses: ['pending', 'pending'] });
      const orderId = await push(SHIPPED);

      await openOrder(page, flowdesk, orderId, language);
      const mp = new MarketplaceCard(page, language);
      const w = mp.w;
      await expect(mp.card).toBeVisible();
      await expect(mp.timeline()).toContainText(w.taken(SKU));
      await expect(mp.onHand(SKU)).toHaveText('8');
      await expect(mp.storeStatus()).toHaveText('Chưa giao hàng');

      // Ready to ship, from the fulfilment panel's quick action: Lazada packs and sets it ready; the store order moves at once.
      const panel = page.getByRole('region', { name: w.fulfilment });
      await panel.getByRole('group').getByRole('button', { name: w.readyToShip, exact: true }).click();
      await panel.getByRole('form', { name: w.readyToShip }).getByRole('button', { name: w.readyToShip }).click();
      await expect(mp.storeStatus()).toHaveText('Chờ giao hàng');
      expect(fake.orders.get(SHIPPED)!.items.map((i) => i.status)).toEqual(['ready_to_ship', 'ready_to_ship']);
      await shoot(page, mp.card, `ready-to-ship-${language}`);

      // The buyer cancels on Lazada: the items go back in stock, and the timeline says so.
      setLazadaStatus(fake, SHIPPED, 'canceled');
      await push(SHIPPED, (o) => Boolean(o.cancelledAt));
      await expect(mp.timeline()).toContainText(w.restockedOnCancel(SKU));
      await expect(mp.onHand(SKU)).toHaveText('10');
      // Nothing is left to record as returned: the cancellation put it all back.
      await expect(mp.card.getByRole('button', { name: w.recordReturn })).toHaveCount(0);
      await shoot(page, mp.timeline().getByRole('listitem').last(), `cancelled-timeline-${language}`);
      await shoot(page, mp.card, `cancelled-${language}`);

      // A prepaid order delivered, then sent back: payment "Returned", nothing restocked by itself.
      const o = fake.seed(RETURNED, { statuses: ['delivered', 'delivered'] });
      o.payment_method = 'Credit Card';
      const returnedId = await push(RETURNED);
      setLazadaStatus(fake, RETURNED, 'returned');
      await push(RETURNED, (order) => order.returns?.status === 'returned');
      await page.goto(`${flowdesk.editorUrl.split('#')[0]}#/orders/${returnedId}`);
      await expect(mp.payment()).toHaveText(w.returned);
      await expect(page.getByRole('region', { name: w.summary })).toContainText(w.returned);
      await expect(mp.timeline()).toContainText(w.reported);
      await expect(mp.timeline()).toContainText(w.notYet);
      await expect(mp.onHand(SKU)).toHaveText('8');
      // Ready to ship is for an order still with the seller: refused, saying why in the user's words.
      const rts = panel.getByRole('group').getByRole('button', { name: w.readyToShip, exact: true });
      await expect(rts).toHaveAttribute('aria-disabled', 'true');
      await expect(rts).toHaveAttribute('title', language === 'vi' ? 'kiện hàng đã rời khỏi người bán' : 'the parcel has left the seller');
      await shoot(page, mp.card, `returned-${language}`);

      // The merchant records the return: restocked once, on the timeline.
      await mp.card.getByRole('button', { name: w.recordReturn }).click();
      const form = mp.card.getByRole('form', { name: w.recordReturn });
      await form.getByLabel(w.quantity(SKU, 2)).fill('2');
      await shoot(page, form, `record-return-form-${language}`);
      await form.getByRole('button', { name: w.submitReturn }).click();
      await expect(mp.onHand(SKU)).toHaveText('10');
      await expect(mp.timeline()).toContainText(w.recorded(SKU));
      await expect(mp.card.getByRole('button', { name: w.recordReturn })).toHaveCount(0);
      await shoot(page, mp.timeline().getByRole('listitem').last(), `return-recorded-timeline-${language}`);
      await shoot(page, mp.card, `return-recorded-${language}`);
    } finally {
      await fake.close();
    }
  });
}
