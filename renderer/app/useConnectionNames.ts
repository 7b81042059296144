import { useCallback, useMemo } from 'react';
import { platformLabels } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from './useApiQuery.ts';

/** Connection id → a name to show ("Haravan · shop-a"), for tables that carry only ids. */
export function useConnectionNames(): ReadonlyMap<string, string> {
  const client = useApiClient();
  const load = useCallback(() => client.call('connections.list', {}), [client]);
  const { data } = useApiQuery(load);
  return useMemo(
    () => new Map((data ?? []).map((c) => [c.id, c.name || `${platformLabels[c.platform]} · ${c.storeId}`])),
    [data],
  );
}
