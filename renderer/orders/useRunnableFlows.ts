import { useCallback, useEffect, useState } from 'react';
import type { FlowSummaryDto, NodeSpecDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery, type ApiQuery } from '../app/useApiQuery.ts';

export interface RunnableFlows {
  /** Flows that are on first, then by name. */
  flows: FlowSummaryDto[];
  specs: NodeSpecDto[];
}

/** The flows a person may run by hand on orders, and the node specs that say what starts them. */
export function useRunnableFlows(): ApiQuery<RunnableFlows> {
  const client = useApiClient();
  const load = useCallback(async () => {
    const [flows, specs] = await Promise.all([client.call('flows.list', {}), client.call('nodes.list', {})]);
    return { flows: [...flows].sort((a, b) => Number(b.activeVersion !== null) - Number(a.activeVersion !== null) || a.name.localeCompare(b.name)), specs };
  }, [client]);
  return useApiQuery(load);
}

/**
 * Whether the chosen flow can start from an order: the version that would run (its active
 * one, else its latest) has a trigger that listens to `manual.run` (a schedule does not).
 * Null while it is being found out, or when no flow is chosen.
 */
export function useStartsOnOrders(data: RunnableFlows | null, flowId: string): boolean | null {
  const client = useApiClient();
  const [starts, setStarts] = useState<boolean | null>(null);
  useEffect(() => {
    setStarts(null);
    const flow = data?.flows.find((f) => f.id === flowId);
    if (!flow || !data) return;
    let current = true;
    client.call('flows.get', { id: flow.id, version: flow.activeVersion ?? flow.latestVersion }).then(
      (detail) => {
        const listens = detail.document.nodes.flatMap((n) => data.specs.find((s) => s.type === n.type)?.triggers ?? []);
        if (current) setStarts(listens.includes('manual.run'));
      },
      // The engine says so itself when it is asked to run the flow.
      () => current && setStarts(true),
    );
    return () => {
      current = false;
    };
  }, [client, flowId, data]);
  return starts;
}
