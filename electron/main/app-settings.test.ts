import { describe, expect, it } from 'vitest';
import { createAppSettings, defaultSettings, type SettingsBackend } from './app-settings.ts';

function mapBackend(initial: Record<string, unknown> = {}): SettingsBackend & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
}

describe('createAppSettings', () => {
  it('starts from the defaults', () => {
    const settings = createAppSettings(mapBackend());
    expect(settings.windowState()).toEqual(defaultSettings.window);
    expect(settings.closeToTray()).toBe(true);
  });

  it('keeps the window state across runs, in whole pixels', () => {
    const backend = mapBackend();
    createAppSettings(backend).saveWindowState({ bounds: { x: 10.4, y: 20.6, width: 1000, height: 700 }, maximized: true });
    expect(createAppSettings(backend).windowState()).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 700 }, maximized: true });
  });

  it('falls back to the defaults for values it cannot read, and refuses to save nonsense', () => {
    const backend = mapBackend({ window: { bounds: 'somewhere', maximized: 'yes' }, closeToTray: 'no' });
    const settings = createAppSettings(backend);
    expect(settings.windowState()).toEqual(defaultSettings.window);
    expect(settings.closeToTray()).toBe(true);
    settings.saveWindowState({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false });
    expect(backend.data.get('window')).toEqual({ bounds: 'somewhere', maximized: 'yes' });
  });
});
