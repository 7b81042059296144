import { useSyncExternalStore } from 'react';
import type { LinkStatus } from './transport.ts';
import { useApiClient } from './useApiClient.ts';

/** The link to the engine as it stands, re-rendering when it changes. */
export function useLinkStatus(): LinkStatus {
  const client = useApiClient();
  return useSyncExternalStore(client.onStatus, client.status);
}
