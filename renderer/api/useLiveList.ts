import { useEffect, useReducer, useRef } from 'react';
import type { EngineEventName, EngineEventPayload } from '../../engine/contract/index.ts';
import { toApiError, type ApiError } from './api-error.ts';
import { useApiClient } from './useApiClient.ts';

export interface LiveListOptions<E extends EngineEventName> {
  /** Loads the list; a new function (new arguments) loads it again. */
  load: () => Promise<EngineEventPayload<E>[]>;
  /** The event that carries new or changed rows. */
  event: E;
  key: (row: EngineEventPayload<E>) => string | number;
  /** Whether a row the list has not seen belongs in it (a filter may say no). */
  acceptNew?: (row: EngineEventPayload<E>) => boolean;
  /** The most rows kept. */
  limit: number;
}

export interface LiveList<T> {
  rows: T[] | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

type State<T> = { rows: T[] | null; pending: T[]; error: ApiError | null; loading: boolean };
type Action<T> =
  | { type: 'loading' }
  | { type: 'loaded'; rows: T[] }
  | { type: 'failed'; error: ApiError }
  | { type: 'received'; row: T };

/**
 * A list loaded from the engine and kept current by its events: a changed row is replaced
 * where it stands, a new one goes on top. Events that arrive while the list loads are applied
 * once it has; the list loads again when the link to the engine comes back, for what it missed.
 */
export function useLiveList<E extends EngineEventName>(options: LiveListOptions<E>): LiveList<EngineEventPayload<E>> {
  type T = EngineEventPayload<E>;
  const { load, event, key, acceptNew, limit } = options;
  const client = useApiClient();

  // Declared in the render so it sees the current key and filter; React runs the latest reducer.
  function reducer(state: State<T>, action: Action<T>): State<T> {
    const upsert = (rows: T[], row: T): T[] => {
      const at = rows.findIndex((r) => key(r) === key(row));
      if (at !== -1) return rows.with(at, row);
      if (acceptNew && !acceptNew(row)) return rows;
      return [row, ...rows].slice(0, limit);
    };
    switch (action.type) {
      case 'loading':
        return { ...state, loading: true, pending: [] };
      case 'loaded':
        return { rows: state.pending.reduce(upsert, action.rows), pending: [], error: null, loading: false };
      case 'failed':
        return { ...state, error: action.error, loading: false, pending: [] };
      case 'received':
        if (state.loading || state.rows === null) return { ...state, pending: [...state.pending, action.row] };
        return { ...state, rows: upsert(state.rows, action.row) };
    }
  }
  const [state, dispatch] = useReducer(reducer, { rows: null, pending: [], error: null, loading: true });
  const [generation, reload] = useReducer((n: number) => n + 1, 0);

  useEffect(() => client.subscribe(event, (row) => dispatch({ type: 'received', row })), [client, event]);

  useEffect(() => {
    let current = true;
    dispatch({ type: 'loading' });
    load().then(
      (rows) => current && dispatch({ type: 'loaded', rows }),
      (error: unknown) => current && dispatch({ type: 'failed', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const wasDown = useRef(false);
  useEffect(
    () =>
      client.onStatus((status) => {
        if (status.state === 'down') wasDown.current = true;
        if (status.state === 'open' && wasDown.current) {
          wasDown.current = false;
          reload();
        }
      }),
    [client],
  );

  return { rows: state.rows, error: state.error, loading: state.loading, reload };
}
