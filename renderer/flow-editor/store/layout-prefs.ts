/**
 * How the editor is laid out, as the user left it (kept in localStorage, for every flow): the
 * palette and the side panel shown or collapsed, the mini map on or off. The mini map starts
 * off on a screen narrower than 1400 px, where it would cover the steps.
 */
export interface LayoutPrefs {
  paletteOpen: boolean;
  panelOpen: boolean;
  minimapOpen: boolean;
}

export type LayoutPref = keyof LayoutPrefs;

const keys: Record<LayoutPref, string> = {
  paletteOpen: 'flowdesk.editor.paletteOpen',
  panelOpen: 'flowdesk.editor.panelOpen',
  minimapOpen: 'flowdesk.editor.minimapOpen',
};

/** Below this width the mini map starts hidden. */
export const MINIMAP_MIN_WIDTH = 1400;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(pref: LayoutPref, fallback: boolean): boolean {
  const value = storage()?.getItem(keys[pref]);
  return value === 'true' ? true : value === 'false' ? false : fallback;
}

export function loadLayoutPrefs(screenWidth = typeof window === 'undefined' ? Infinity : window.innerWidth): LayoutPrefs {
  return {
    paletteOpen: read('paletteOpen', true),
    panelOpen: read('panelOpen', true),
    minimapOpen: read('minimapOpen', screenWidth >= MINIMAP_MIN_WIDTH),
  };
}

export function saveLayoutPref(pref: LayoutPref, value: boolean): void {
  try {
    storage()?.setItem(keys[pref], String(value));
  } catch {
    // A full or refused storage only forgets the choice.
  }
}
