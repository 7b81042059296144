import type { Locator, Page } from '@playwright/test';

/** The words the panel uses, in each language, as a user reads them. */
export const fulfillmentWords = {
  en: {
    panel: 'Fulfillment',
    fos: 'Fulfillment orders',
    refresh: 'Refresh from Shopify',
    timeline: 'Order timeline',
    /** The timeline's name for an FO step's entry. */
    kind: 'Fulfillment',
    request: 'Request fulfillment',
    requestCancellation: 'Request cancellation',
    message: 'Message to the service (optional)',
    note: 'Note to the service (optional)',
    send: 'Send request',
    sendCancellation: 'Send cancellation request',
    neverCustomer: 'never to the customer',
    unfulfilled: 'Unfulfilled',
    requested: 'In progress — Requested',
    accepted: 'In progress — Accepted',
    cancellationRequested: 'In progress — Cancellation requested',
    cancellationRejected: 'In progress — Cancellation rejected',
    goesOn: 'fulfillment goes on',
    refusedLead: 'Not allowed now:',
    markFulfilled: 'Mark as fulfilled',
    steps: [
      'fulfillment requested by you — “Gói quà giúp mình”',
      'request accepted by the service — “Will ship tomorrow”',
      'cancellation requested by you — “Khách đổi ý”',
      'cancellation rejected by the service — “Already packed” — fulfillment goes on',
    ],
  },
  vi: {
    panel: 'Xử lý đơn hàng',
    fos: 'Các đơn xử lý',
    refresh: 'Cập nhật từ Shopify',
    timeline: 'Lịch sử đơn hàng',
    kind: 'Xử lý đơn',
    request: 'Yêu cầu xử lý',
    requestCancellation: 'Yêu cầu hủy',
    message: 'Lời nhắn cho dịch vụ (không bắt buộc)',
    note: 'Ghi chú cho dịch vụ (không bắt buộc)',
    send: 'Gửi yêu cầu',
    sendCancellation: 'Gửi yêu cầu hủy',
    neverCustomer: 'không bao giờ gửi cho khách',
    unfulfilled: 'Chưa xử lý',
    requested: 'Đang xử lý — Đã yêu cầu',
    accepted: 'Đang xử lý — Đã chấp nhận',
    cancellationRequested: 'Đang xử lý — Đã yêu cầu hủy',
    cancellationRejected: 'Đang xử lý — Từ chối hủy',
    goesOn: 'đơn vẫn tiếp tục được xử lý',
    refusedLead: 'Không thực hiện được lúc này:',
    markFulfilled: 'Đánh dấu đã xử lý',
    steps: [
      'đã yêu cầu xử lý đơn (do bạn) — “Gói quà giúp mình”',
      'yêu cầu đã được chấp nhận (do dịch vụ) — “Will ship tomorrow”',
      'đã yêu cầu hủy (do bạn) — “Khách đổi ý”',
      'yêu cầu hủy bị từ chối (do dịch vụ) — “Already packed” — đơn vẫn tiếp tục được xử lý',
    ],
  },
} as const;

export type FulfillmentWords = (typeof fulfillmentWords)[keyof typeof fulfillmentWords];

/** The order page's fulfilment panel: its FO cards, their state, actions and inline forms. */
export class FulfillmentPanel {
  readonly page: Page;
  readonly card: Locator;
  readonly w: FulfillmentWords;
  constructor(page: Page, language: keyof typeof fulfillmentWords) {
    this.page = page;
    this.w = fulfillmentWords[language];
    this.card = page.getByRole('region', { name: this.w.panel });
  }

  refresh(): Locator {
    return this.card.getByRole('button', { name: this.w.refresh });
  }

  /** One FO's card, by its location's name. */
  fo(location: string): Locator {
    return this.card.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: new RegExp(location) }) });
  }

  state(fo: Locator): Locator {
    return fo.getByTestId('fo-state');
  }

  action(fo: Locator, name: string): Locator {
    return fo.getByRole('group').getByRole('button', { name, exact: true });
  }

  form(fo: Locator, name: string): Locator {
    return fo.getByRole('form', { name });
  }
}
