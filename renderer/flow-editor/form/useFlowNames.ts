import { useEffect } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ApiClient } from '../../api/create-api-client.ts';
import { useApiClient } from '../../api/useApiClient.ts';

interface FlowNames {
  byId: ReadonlyMap<string, string> | null;
  loadedAt: number;
  loading: boolean;
}

/** One list per client, shared by every "Start another flow" card (as useAccountNames does for accounts). */
const stores = new WeakMap<ApiClient, StoreApi<FlowNames>>();
const FRESH_MS = 5_000;

function storeOf(client: ApiClient): StoreApi<FlowNames> {
  let store = stores.get(client);
  if (!store) {
    store = createStore<FlowNames>()(() => ({ byId: null, loadedAt: 0, loading: false }));
    stores.set(client, store);
  }
  return store;
}

/**
 * Flow id → its name, for a step's card that holds only the id ("Start another flow"). Asked
 * only by cards that need it (`wanted`); null until the list has come.
 */
export function useFlowNames(wanted: boolean): ReadonlyMap<string, string> | null {
  const client = useApiClient();
  const store = storeOf(client);
  useEffect(() => {
    const s = store.getState();
    if (!wanted || s.loading || Date.now() - s.loadedAt < FRESH_MS) return;
    store.setState({ loading: true });
    client.call('flows.list', {}).then(
      (list) => store.setState({ byId: new Map(list.map((f) => [f.id, f.name])), loadedAt: Date.now(), loading: false }),
      () => store.setState({ loading: false, loadedAt: Date.now() }),
    );
  }, [client, store, wanted]);
  return useStore(store, (s) => s.byId);
}
