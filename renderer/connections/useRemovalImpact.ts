import { useEffect, useState } from 'react';
import type { ConnectionDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

export type RemovalImpact =
  | { state: 'checking' }
  | { state: 'known'; flows: { id: string; name: string }[] }
  | { state: 'unknown'; message: string };

/** The active flows that removing `connection` would turn off, as the engine's dry run says. */
export function useRemovalImpact(connection: ConnectionDto, all: readonly ConnectionDto[]): RemovalImpact {
  const client = useApiClient();
  const [impact, setImpact] = useState<RemovalImpact>({ state: 'checking' });
  const others = all.map((c) => c.id).sort().join(',');

  useEffect(() => {
    let current = true;
    client.call('connections.remove', { id: connection.id, dryRun: true }).then(
      (answer) => current && setImpact({ state: 'known', flows: answer.deactivatedFlows }),
      (error: unknown) => current && setImpact({ state: 'unknown', message: toApiError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [client, connection.id, others]);

  return impact;
}
