import { useSyncExternalStore } from 'react';
import { routeFromHash, type Route } from './routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let last: { hash: string; route: Route } | null = null;

/** The route the address names (`#/orders`, `#/flows/flw_1`); works the same over file:// and http://. */
export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, () => {
    const hash = window.location.hash;
    if (last?.hash !== hash) last = { hash, route: routeFromHash(hash) };
    return last.route;
  });
}
