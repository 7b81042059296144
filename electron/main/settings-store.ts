import Store from 'electron-store';
import { createAppSettings, defaultSettings, type AppSettings, type StoredSettings } from './app-settings.ts';

/** The shell's settings in `<userData>/settings.json`, through electron-store (atomic writes). */
export function openAppSettings(): AppSettings {
  const store = new Store<StoredSettings>({ name: 'settings', defaults: defaultSettings, clearInvalidConfig: true });
  return createAppSettings({
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  });
}
