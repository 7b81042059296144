import { platformLabels, type TimelineData, type WriteAction } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import { LazadaSettings, storeStatusFor } from '../platforms/lazada/lazada-settings.ts';

/** Whether write-back `action` changes the order's status on its platform (what "Process at the store" stops). */
const syncsStatus = (action: WriteAction) => action.startsWith('marketplace.') || action.startsWith('order.');

/**
 * Why a write-back is refused for an order the merchant processes at the store (seed 002: its
 * status is no longer synced back to the marketplace), or null. Said in English, naming the option.
 */
export function processAtStoreRefusal(repos: Repositories, orderId: string, action: WriteAction): { text: string; platform: string } | null {
  if (!syncsStatus(action) || !repos.inventory.processAtStore(orderId)) return null;
  const record = repos.orders.get(orderId);
  const label = record ? platformLabels[record.platform] : 'the marketplace';
  return {
    text: `order ${record?.order.number ?? orderId} is processed at the store ("Process at the store" is on): its status is not synced back to ${label}; turn the option off on the order page to do this`,
    platform: label,
  };
}

/** The Lazada status a successful write-back puts the order in, by action. */
const statusAfter: Partial<Record<WriteAction, string>> = { 'marketplace.ready_to_ship': 'ready_to_ship' };

/**
 * After a successful marketplace quick action (Ready to ship), the store order moves at once to
 * the store status the connection's mapping gives (seed 002: "Chờ giao hàng"), not only at
 * Lazada's next push; the status change says which action did it. Lazada's own status is left
 * for its push to say. Call in the transaction that records the write.
 */
export function storeStatusAfterWrite(repos: Repositories, orderId: string, action: WriteAction, atMs: number): TimelineData[] {
  const code = statusAfter[action];
  const record = code ? repos.orders.get(orderId) : undefined;
  if (!code || !record || record.platform !== 'lazada') return [];
  const connection = repos.connections.get(record.connectionId);
  const parsed = LazadaSettings.safeParse(connection?.settings ?? {});
  const to = storeStatusFor(code, (parsed.success ? parsed.data : LazadaSettings.parse({})).storeStatuses);
  const from = record.order.storeStatus ?? null;
  if (!to || to === from) return [];
  repos.orders.save(record.id, record.connectionId, { ...record.order, storeStatus: to }, record.customerId, record.platformUpdatedMs, new Date(atMs).toISOString());
  return [{ kind: 'status_change', changes: { storeStatus: { from, to } }, source: action }];
}
