import { z } from 'zod';

/** The eight shop platforms the seeds name. Adapters exist for those in `implementedPlatforms`. */
export const Platform = z.enum([
  'shopify',
  'haravan',
  'sapo',
  'woocommerce',
  'lazada',
  'nhanhvn',
  'kiotviet',
  'ladisales',
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
};
