import { useCallback, useState } from 'react';

const storageKey = 'flowdesk.guide.dismissed';

/**
 * Whether the user put the guide away: then the orders page only points to it, and the sidebar
 * still reaches it. Kept by this window's storage, as the language choice is.
 */
export function useGuideDismissed(): [boolean, (dismissed: boolean) => void] {
  const [dismissed, setState] = useState(() => globalThis.localStorage?.getItem(storageKey) === 'yes');
  const set = useCallback((value: boolean) => {
    if (value) globalThis.localStorage?.setItem(storageKey, 'yes');
    else globalThis.localStorage?.removeItem(storageKey);
    setState(value);
  }, []);
  return [dismissed, set];
}
