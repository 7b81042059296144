import { z } from 'zod';

/** The eight shop platforms the seeds name, and a generic catch hook for any other source. */
export const Platform = z.enum([
  'shopify',
  'haravan',
  'sapo',
  'woocommerce',
  'lazada',
  'nhanhvn',
  'kiotviet',
  'ladisales',
  /** A generic "catch hook": any other source, mapped into the order model by the user. */
  'catchhook',
]);
export type Platform = z.infer<typeof Platform>;

export const platformLabels: Record<Platform, string> = {
  shopify: 'Shopify',
  haravan: 'Haravan',
  sapo: 'Sapo',
  woocommerce: 'WooCommerce',
  lazada: 'Lazada',
  nhanhvn: 'Nhanh.vn',
  kiotviet: 'KiotViet',
  ladisales: 'LadiSales',
  catchhook: 'Catch hook',
};
