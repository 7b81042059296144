import { useCallback, useEffect } from 'react';
import type { MarketplaceOrderDto, TimelineKind } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { useApiQuery, type ApiQuery } from '../../app/useApiQuery.ts';

/** Timeline kinds after which the card reads the order again: stock moved, a return, the option, a status or a delivery. */
const refetchKinds = new Set<TimelineKind>(['inventory', 'return', 'process_at_store', 'status_change', 'write_back', 'delivery', 'order_created']);

export function refetchesCard(entry: { orderId: string; kind: TimelineKind }, orderId: string): boolean {
  return entry.orderId === orderId && refetchKinds.has(entry.kind);
}

export interface MarketplaceOrder extends ApiQuery<MarketplaceOrderDto> {
  setProcessAtStore: (on: boolean) => Promise<void>;
  recordReturn: (lines: { sku: string; quantity: number }[]) => Promise<void>;
}

/** The order's marketplace card data, kept live from its timeline; the merchant's two actions reload it. */
export function useMarketplaceOrder(orderId: string): MarketplaceOrder {
  const client = useApiClient();
  const load = useCallback(() => client.call('marketplace.get', { orderId }), [client, orderId]);
  const q = useApiQuery(load);
  const { reload } = q;
  useEffect(() => client.subscribe('timeline.appended', (entry) => refetchesCard(entry, orderId) && reload()), [client, orderId, reload]);
  const setProcessAtStore = useCallback(
    async (on: boolean) => {
      await client.call('marketplace.setProcessAtStore', { orderId, on });
      reload();
    },
    [client, orderId, reload],
  );
  const recordReturn = useCallback(
    async (lines: { sku: string; quantity: number }[]) => {
      await client.call('marketplace.recordReturn', { orderId, lines });
      reload();
    },
    [client, orderId, reload],
  );
  return { ...q, setProcessAtStore, recordReturn };
}
