import type { Locator, Page } from '@playwright/test';

/** The words the marketplace card and its timeline entries use, per language (marketplace.json, fulfillment.json). */
export const marketplaceWords = {
  en: {
    card: 'Marketplace',
    summary: 'Summary',
    fulfilment: 'Fulfillment',
    stock: 'Stock',
    readyToShip: 'Ready to ship',
    recordReturn: 'Record a return',
    submitReturn: 'Record and restock',
    quantity: (sku: string, max: number) => `Quantity of ${sku} returned (at most ${max})`,
    returned: 'Returned',
    processAtStore: 'Process at the store',
    timeline: 'Order timeline',
    taken: (sku: string) => `Stock taken for the order: ${sku} −2 (on hand 8)`,
    restockedOnCancel: (sku: string) => `Order cancelled: the items were restocked — ${sku} +2 (on hand 10)`,
    reported: 'The marketplace reported a return: Returned (2 items)',
    notYet: 'nothing restocked until you record the return',
    recorded: (sku: string) => `Return recorded: the items were restocked — ${sku} +2 (on hand 10)`,
  },
  vi: {
    card: 'Sàn thương mại điện tử',
    summary: 'Tóm tắt',
    fulfilment: 'Xử lý đơn hàng',
    stock: 'Tồn kho',
    readyToShip: 'Sẵn sàng giao',
    recordReturn: 'Ghi nhận trả hàng',
    submitReturn: 'Ghi nhận và nhập kho',
    quantity: (sku: string, max: number) => `Số lượng ${sku} trả về (tối đa ${max})`,
    returned: 'Đã trả hàng',
    processAtStore: 'Xử lý tại cửa hàng',
    timeline: 'Lịch sử đơn hàng',
    taken: (sku: string) => `Đã trừ kho cho đơn: ${sku} −2 (tồn 8)`,
    restockedOnCancel: (sku: string) => `Đơn đã hủy: đã nhập lại kho — ${sku} +2 (tồn 10)`,
    reported: 'Sàn báo trả hàng: Đã trả hàng (2 sản phẩm)',
    notYet: 'chưa nhập lại kho cho đến khi bạn ghi nhận trả hàng',
    recorded: (sku: string) => `Đã ghi nhận trả hàng: đã nhập lại kho — ${sku} +2 (tồn 10)`,
  },
};
export type MarketplaceWords = (typeof marketplaceWords)['en'];

/** The order page's marketplace card (seed 002): store status, payment on return, stock, the return form. */
export class MarketplaceCard {
  readonly page: Page;
  readonly card: Locator;
  readonly w: MarketplaceWords;
  constructor(page: Page, language: keyof typeof marketplaceWords) {
    this.page = page;
    this.w = marketplaceWords[language];
    this.card = page.getByRole('region', { name: this.w.card });
  }

  storeStatus(): Locator {
    return this.card.getByTestId('mp-store-status');
  }

  payment(): Locator {
    return this.card.getByTestId('mp-payment');
  }

  /** The "on hand" cell of a SKU's row in the stock table. */
  onHand(sku: string): Locator {
    return this.card.getByRole('table', { name: this.w.stock }).getByRole('row').filter({ hasText: sku }).getByRole('cell').last();
  }

  timeline(): Locator {
    return this.page.getByRole('list', { name: this.w.timeline });
  }
}
