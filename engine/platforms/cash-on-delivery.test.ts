import { describe, expect, it } from 'vitest';
import { isCashOnDelivery } from './cash-on-delivery.ts';

describe('isCashOnDelivery', () => {
  it.each([
    ['cod', true],
    ['COD', true],
    ['Cash on delivery', true],
    ['cash_on_delivery', true],
    ['COD_VNPost', true],
    ['Thanh toán khi nhận hàng', true],
    ['Thanh toán khi giao hàng (COD)', true],
    ['THANH TOÁN KHI NHẬN HÀNG', true],
    ['bacs', false],
    ['cheque', false],
    ['vnpay', false],
    ['Chuyển khoản ngân hàng', false],
    ['codeless', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (method, cod) => {
    expect(isCashOnDelivery(method)).toBe(cod);
  });
});
