import { useCallback } from 'react';
import type { InboxEntryDto, RunSummaryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery, type ApiQuery } from '../app/useApiQuery.ts';

/** The runs a delivery started (and its replays), newest first: its order's runs that name it. */
export function useDeliveryRuns(delivery: InboxEntryDto): ApiQuery<RunSummaryDto[]> {
  const client = useApiClient();
  const { id, orderId } = delivery;
  const load = useCallback(async () => {
    if (!orderId) return [];
    const runs = await client.call('runs.list', { orderId, limit: 1000 });
    return runs.filter((r) => r.inboxId === id);
  }, [client, id, orderId]);
  return useApiQuery(load, ['run.finished']);
}
