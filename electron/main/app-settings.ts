import { z } from 'zod';
import type { WindowState } from './window-state.ts';

/**
 * What the desktop shell keeps between runs (electron-store, `settings.json` in the user data
 * folder). The renderer's choices (its language) stay in its own storage; the engine's data in
 * its data dir. Values are checked on the way in and out, so a hand-edited or older file
 * falls back to defaults instead of breaking the window.
 */
const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });

export const StoredSettings = z.object({
  window: z.object({ bounds: RectSchema.nullable(), maximized: z.boolean() }),
  /** Closing the window hides it in the tray, where the engine keeps receiving webhooks. Off: closing quits. */
  closeToTray: z.boolean(),
  /** The engine's secrets key, sealed by the system keychain (safeStorage), base64. */
  sealedEngineKey: z.string().optional(),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

export const defaultSettings: StoredSettings = {
  window: { bounds: null, maximized: false },
  closeToTray: true,
};

/** The part of electron-store this uses, so tests can hand in a Map. */
export interface SettingsBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface AppSettings {
  windowState(): WindowState;
  saveWindowState(state: WindowState): void;
  closeToTray(): boolean;
  /** Where the keychain-sealed engine key is kept. */
  sealedEngineKey: { get(): string | undefined; set(sealed: string): void };
}

export function createAppSettings(backend: SettingsBackend): AppSettings {
  function read<K extends keyof StoredSettings>(key: K): StoredSettings[K] {
    const parsed = StoredSettings.shape[key].safeParse(backend.get(key));
    return parsed.success ? (parsed.data as StoredSettings[K]) : defaultSettings[key];
  }
  return {
    windowState: () => read('window'),
    saveWindowState(state) {
      const parsed = StoredSettings.shape.window.safeParse({
        bounds: state.bounds && {
          x: Math.round(state.bounds.x),
          y: Math.round(state.bounds.y),
          width: Math.round(state.bounds.width),
          height: Math.round(state.bounds.height),
        },
        maximized: state.maximized,
      });
      if (parsed.success) backend.set('window', parsed.data);
    },
    closeToTray: () => read('closeToTray'),
    sealedEngineKey: {
      get: () => read('sealedEngineKey'),
      set: (sealed) => backend.set('sealedEngineKey', sealed),
    },
  };
}
