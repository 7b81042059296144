import type { Platform } from '../contract/index.ts';
import type { PlatformAdapter } from './adapter.ts';
import { shopifyAdapter } from './shopify/shopify-adapter.ts';
import { haravanAdapter } from './haravan/haravan-adapter.ts';
import { sapoAdapter } from './sapo/sapo-adapter.ts';
import { woocommerceAdapter } from './woocommerce/woocommerce-adapter.ts';
import { nhanhvnAdapter } from './nhanhvn/nhanhvn-adapter.ts';
import { ladisalesAdapter } from './ladisales/ladisales-adapter.ts';
import { catchhookAdapter } from './catchhook/catchhook-adapter.ts';
import { lazadaAdapter } from './lazada/lazada-adapter.ts';
import { kiotVietAdapter } from './kiotviet/kiotviet-adapter.ts';

export const builtinAdapters: readonly PlatformAdapter[] = [
  shopifyAdapter,
  haravanAdapter,
  sapoAdapter,
  woocommerceAdapter,
  lazadaAdapter,
  nhanhvnAdapter,
  kiotVietAdapter,
  ladisalesAdapter,
  catchhookAdapter,
];

export interface PlatformRegistry {
  get(platform: Platform): PlatformAdapter | undefined;
  list(): readonly PlatformAdapter[];
}

export function createPlatformRegistry(list: readonly PlatformAdapter[] = builtinAdapters): PlatformRegistry {
  const byPlatform = new Map<Platform, PlatformAdapter>();
  for (const a of list) {
    if (byPlatform.has(a.platform)) throw new Error(`two adapters for platform "${a.platform}"`);
    byPlatform.set(a.platform, a);
  }
  return { get: (p) => byPlatform.get(p), list: () => [...byPlatform.values()] };
}
