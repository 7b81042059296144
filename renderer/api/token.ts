const storageKey = 'flowdesk.apiToken';

/**
 * Finds the engine API token: `flowdesk serve` prints `http://127.0.0.1:<port>/#token=<token>`.
 * A token in the address's fragment is kept in sessionStorage and taken out of the address bar;
 * later loads of the tab find it there.
 */
export function takeApiToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'state' | 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    storage.setItem(storageKey, fromHash);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  return storage.getItem(storageKey);
}

export function forgetApiToken(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(storageKey);
}
