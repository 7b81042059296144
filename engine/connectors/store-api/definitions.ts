import type { Platform } from '../../contract/index.ts';
import type { StoreApiDefinition } from './store-client.ts';
import { shopifyStoreApi } from './shopify/shopify-store-api.ts';
import { nhanhvnStoreApi } from './nhanhvn/nhanhvn-store-api.ts';
import { kiotvietStoreApi } from './kiotviet/kiotviet-store-api.ts';
import { haravanStoreApi } from './haravan/haravan-store-api.ts';
import { sapoStoreApi } from './sapo/sapo-store-api.ts';
import { woocommerceStoreApi } from './woocommerce/woocommerce-store-api.ts';
import { lazadaStoreApi } from './lazada/lazada-store-api.ts';

/** Every platform with a write or list API, one definition each (reference/platform-apis.md). */
export const storeApiDefinitions: readonly StoreApiDefinition[] = [
  shopifyStoreApi,
  haravanStoreApi,
  sapoStoreApi,
  woocommerceStoreApi,
  lazadaStoreApi,
  nhanhvnStoreApi,
  kiotvietStoreApi,
];

export function storeApiOf(platform: Platform): StoreApiDefinition | undefined {
  return storeApiDefinitions.find((d) => d.platform === platform);
}
