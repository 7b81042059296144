import { useCallback } from 'react';
import type { ConnectionDto, FlowSummaryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery, type ApiQuery } from '../app/useApiQuery.ts';
import type { GuideFacts } from './guide-steps.ts';

export interface GuideData {
  facts: GuideFacts;
  connections: ConnectionDto[];
  flows: FlowSummaryDto[];
  /** The newest delivery's inbox id, or null before any. */
  latestDelivery: number | null;
}

/** What the guide's steps are checked off from, read from the engine and read again as things arrive. */
export function useGuideFacts(): ApiQuery<GuideData> {
  const client = useApiClient();
  const load = useCallback(async (): Promise<GuideData> => {
    const [connections, flows, inbox, orders] = await Promise.all([
      client.call('connections.list', {}),
      client.call('flows.list', {}),
      client.call('inbox.list', { limit: 1 }),
      client.call('orders.list', { limit: 1 }),
    ]);
    return {
      connections,
      flows,
      latestDelivery: inbox[0]?.id ?? null,
      facts: {
        connections: connections.length,
        flows: flows.length,
        activeFlows: flows.filter((f) => f.activeVersion !== null).length,
        deliveries: inbox.length,
        orders: orders.total,
      },
    };
  }, [client]);
  return useApiQuery(load, ['delivery.received', 'order.changed', 'run.finished']);
}
