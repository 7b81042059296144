import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLayoutPrefs, saveLayoutPref } from './layout-prefs.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('the editor layout as the user left it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts with both panels open, and the mini map on only from 1400 px wide', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(loadLayoutPrefs(1280)).toEqual({ paletteOpen: true, panelOpen: true, minimapOpen: false });
    expect(loadLayoutPrefs(1920)).toEqual({ paletteOpen: true, panelOpen: true, minimapOpen: true });
  });

  it('remembers a folded panel and a mini map turned on, whatever the width', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    saveLayoutPref('paletteOpen', false);
    saveLayoutPref('minimapOpen', true);
    expect(loadLayoutPrefs(1280)).toEqual({ paletteOpen: false, panelOpen: true, minimapOpen: true });
    saveLayoutPref('minimapOpen', false);
    expect(loadLayoutPrefs(1920).minimapOpen).toBe(false);
  });

  it('without storage (refused, or none) it keeps the defaults and does not throw', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(() => saveLayoutPref('panelOpen', false)).not.toThrow();
    expect(loadLayoutPrefs(1920).panelOpen).toBe(true);
  });
});
