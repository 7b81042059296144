import { expect, type Locator, type Page } from '@playwright/test';

/** The words the journey looks for, in each language the app speaks. */
export const guideWords = {
  vi: {
    cardTitle: 'Chưa có đơn hàng nào',
    openGuide: 'Mở hướng dẫn bắt đầu',
    title: 'Bắt đầu với Flowdesk',
    sidebar: 'Hướng dẫn bắt đầu',
    addConnection: 'Thêm kết nối',
    submitConnection: 'Thêm kết nối',
    newConnection: 'Kết nối mới',
    platform: 'Nền tảng',
    created: /^Đã thêm kết nối/,
    done: 'Xong',
    gallery: 'Chọn mẫu trong thư viện',
    galleryDialog: 'Mẫu luồng có sẵn',
    vipTemplate: 'Đơn trên 2.000.000₫ có hàng của nhà cung cấp: gắn thẻ VIP',
    useTemplate: /^Dùng mẫu này/,
    activeSwitch: 'Bật luồng',
    send: 'Gửi đơn thử',
    trail: 'Đường đi của đơn thử',
    accepted: 'Đã chấp nhận',
    processed: 'Đã xử lý',
    succeeded: 'Thành công',
    openOrder: 'Mở đơn hàng',
    timeline: 'Lịch sử đơn hàng',
    delivery: 'Đã nhận webhook',
    run: 'Lượt chạy luồng',
    progressAll: /^Đã xong cả bốn bước/,
    flowsNav: 'Luồng tự động',
    exportFlow: 'Xuất tệp luồng',
    download: 'Tải xuống .json',
  },
  en: {
    cardTitle: 'No orders yet',
    openGuide: 'Open the getting-started guide',
    title: 'Getting started with Flowdesk',
    sidebar: 'Getting started',
    addConnection: 'Add a connection',
    submitConnection: 'Add connection',
    newConnection: 'New connection',
    platform: 'Platform',
    created: /^Connection added/,
    done: 'Done',
    gallery: 'Choose a template',
    galleryDialog: 'Flow templates',
    vipTemplate: "Orders over 2,000,000₫ with a supplier's item: tag VIP",
    useTemplate: /^Use this template/,
    activeSwitch: 'Active',
    send: 'Send a test order',
    trail: 'Where the test order went',
    accepted: 'Accepted',
    processed: 'Processed',
    succeeded: 'Succeeded',
    openOrder: 'Open the order',
    timeline: 'Order timeline',
    delivery: 'Webhook received',
    run: 'Flow run',
    progressAll: /^All four steps done/,
    flowsNav: 'Flows',
    exportFlow: 'Export a flow file',
    download: 'Download .json',
  },
} as const;
export type GuideLanguage = keyof typeof guideWords;

/** The first-run guide (#/guide) and the card on the empty orders page that leads to it. */
export class FirstRunGuide {
  readonly page: Page;
  readonly w: (typeof guideWords)[GuideLanguage];
  constructor(page: Page, language: GuideLanguage) {
    this.page = page;
    this.w = guideWords[language];
  }

  get card(): Locator {
    return this.page.getByRole('region', { name: this.w.cardTitle });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.w.title });
  }

  /** One step of the guide, by its position (1–4): a list item whose `data-done` says whether it is checked off. */
  step(n: 1 | 2 | 3 | 4): Locator {
    return this.page.locator('.guide-steps > li').nth(n - 1);
  }

  get connectionForm(): Locator {
    return this.page.getByRole('form', { name: this.w.newConnection });
  }

  get created(): Locator {
    return this.page.getByRole('region', { name: this.w.created });
  }

  get galleryDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.w.galleryDialog });
  }

  get trail(): Locator {
    return this.page.getByRole('list', { name: this.w.trail });
  }

  async openFromSidebar(): Promise<void> {
    await this.page.getByRole('link', { name: this.w.sidebar, exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  async expectDone(n: 1 | 2 | 3 | 4, done: boolean): Promise<void> {
    await expect(this.step(n)).toHaveAttribute('data-done', done ? 'yes' : 'no');
  }
}
