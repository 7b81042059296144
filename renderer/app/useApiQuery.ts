import { useEffect, useReducer, useState } from 'react';
import type { EngineEventName } from '../../engine/contract/index.ts';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

export interface ApiQuery<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads something once, and again when `load` changes, when `reload` is called, or when one
 * of the `refreshOn` events arrives (for lists whose rows no event carries whole).
 */
export function useApiQuery<T>(load: () => Promise<T>, refreshOn: readonly EngineEventName[] = []): ApiQuery<T> {
  const client = useApiClient();
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [generation, reload] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error: toApiError(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const events = refreshOn.join(' ');
  useEffect(() => {
    const names = events.split(' ').filter(Boolean) as EngineEventName[];
    const stops = names.map((name) => client.subscribe(name, reload));
    return () => stops.forEach((stop) => stop());
  }, [client, events]);

  return { ...state, reload };
}
