/**
 * Whether a platform's payment-method word means the buyer pays on delivery: "cod", "COD",
 * "cash on delivery", "Thanh toán khi nhận hàng", "Thanh toán khi giao hàng (COD)". A COD order
 * is unpaid until the platform records the collection (DOMAIN.md: paid, fulfilled, delivered);
 * every adapter asks this one question the same way.
 */
export function isCashOnDelivery(paymentMethod: string | null | undefined): boolean {
  const text = (paymentMethod ?? '').normalize('NFC').toLowerCase();
  if (text === '') return false;
  return /(^|[^a-z])cod([^a-z]|$)/.test(text) || /cash.?on.?delivery/.test(text) || /thanh toán khi (nhận|giao) hàng/.test(text);
}
