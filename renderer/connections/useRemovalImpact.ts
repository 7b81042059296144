import { useEffect, useState } from 'react';
import type { ConnectionDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { flowsTurnedOff } from './removal-impact.ts';

export type RemovalImpact =
  | { state: 'checking' }
  | { state: 'known'; flows: { id: string; name: string }[] }
  | { state: 'unknown'; message: string };

/**
 * The active flows that removing `connection` would turn off, from the active versions of the
 * flows and the node specs. (The engine could answer this itself: see the report's
 * `connections.remove` dry-run request.)
 */
export function useRemovalImpact(connection: ConnectionDto, all: readonly ConnectionDto[]): RemovalImpact {
  const client = useApiClient();
  const [impact, setImpact] = useState<RemovalImpact>({ state: 'checking' });
  const remaining = all.filter((c) => c.id !== connection.id).map((c) => c.platform);
  const remainingKey = [...new Set(remaining)].sort().join(',');

  useEffect(() => {
    let current = true;
    const platforms = remainingKey === '' ? [] : (remainingKey.split(',') as ConnectionDto['platform'][]);
    (async () => {
      const [flows, specs] = await Promise.all([client.call('flows.list', {}), client.call('nodes.list', {})]);
      const active = await Promise.all(
        flows
          .filter((f) => f.activeVersion !== null)
          .map(async (f) => ({ id: f.id, name: f.name, document: (await client.call('flows.get', { id: f.id, version: f.activeVersion! })).document })),
      );
      return flowsTurnedOff(active, new Map(specs.map((s) => [s.type, s])), platforms);
    })().then(
      (turnedOff) => current && setImpact({ state: 'known', flows: turnedOff }),
      (error: unknown) => current && setImpact({ state: 'unknown', message: toApiError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [client, connection.id, remainingKey]);

  return impact;
}
