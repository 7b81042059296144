import { useEffect } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ApiClient } from '../api/create-api-client.ts';
import { useApiClient } from '../api/useApiClient.ts';

interface AccountNames {
  /** Null until the first list came. */
  byId: ReadonlyMap<string, string> | null;
  loadedAt: number;
  loading: boolean;
}

/** One list per client, shared by every card of every open editor (a flow shows many cards). */
const stores = new WeakMap<ApiClient, StoreApi<AccountNames>>();
/** Cards mounting together ask once; an editor opened later (after a visit to Connections) asks again. */
const FRESH_MS = 5_000;

function storeOf(client: ApiClient): StoreApi<AccountNames> {
  let store = stores.get(client);
  if (!store) {
    store = createStore<AccountNames>()(() => ({ byId: null, loadedAt: 0, loading: false }));
    stores.set(client, store);
  }
  return store;
}

function refresh(client: ApiClient, store: StoreApi<AccountNames>): void {
  const s = store.getState();
  if (s.loading || Date.now() - s.loadedAt < FRESH_MS) return;
  store.setState({ loading: true });
  client.call('accounts.list', {}).then(
    (list) => store.setState({ byId: new Map(list.map((a) => [a.id, a.name])), loadedAt: Date.now(), loading: false }),
    // A card without its account's name is still a card: it shows the other params.
    () => store.setState({ loading: false, loadedAt: Date.now() }),
  );
}

/**
 * Connector account id → its name, for places that hold only the id (a step's card). Loaded
 * once for the editor's cards, like the node specs; null until the list has come.
 */
export function useAccountNames(): ReadonlyMap<string, string> | null {
  const client = useApiClient();
  const store = storeOf(client);
  useEffect(() => refresh(client, store), [client, store]);
  return useStore(store, (s) => s.byId);
}
