import { useSyncExternalStore } from 'react';
import { pageFromHash, type PageId } from './routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page the address names (`#/orders`); works the same over file:// and http://. */
export function useHashRoute(): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}
