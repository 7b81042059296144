import { useContext } from 'react';
import { ApiClientContext } from './api-client-context.ts';
import type { ApiClient } from './create-api-client.ts';

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient needs an <ApiClientContext value={client}> above it');
  return client;
}
