/**
 * The desktop app's main process: one instance, one window, a tray, and the engine in a
 * utility process. Closing the window hides it (unless settings say closeToTray: false); the
 * engine keeps receiving webhooks until Quit. The window opens where it last was
 * (electron-store, see app-settings.ts). Built by scripts/build-electron.ts to dist/electron/main.js.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, safeStorage, screen, session, utilityProcess, type BrowserWindow, type Tray } from 'electron';
import { ENGINE_PROCESS } from '../../engine/contract/engine-process.ts';
import type { AppSettings } from './app-settings.ts';
import { createEngineHost } from './engine-host.ts';
import { createMainWindow } from './main-window.ts';
import { createRendererRelay } from './renderer-relay.ts';
import { hardenSession } from './security.ts';
import { openAppSettings } from './settings-store.ts';
import { createTray } from './tray.ts';
import { restoreBounds } from './window-state.ts';
import { engineSecretKey } from './secret-key.ts';

const here = import.meta.dirname;
const paths = {
  index: join(here, '../renderer/index.html'),
  preload: join(here, 'preload.cjs'),
  engine: join(here, 'engine-entry.js'),
  trayIcon: join(here, 'tray-icon.png'),
  windowIcon: join(here, 'icon.png'),
};

let tray: Tray | null = null; // held here so it is not garbage-collected away

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  let quitting = false;
  const settings: AppSettings = openAppSettings();

  const relay = createRendererRelay(pathToFileURL(paths.index).href);
  const engine = createEngineHost({
    entryPath: paths.engine,
    // The data dir is the engine's default (the one `flowdesk serve` uses) unless
    // FLOWDESK_DATA_DIR says otherwise; the engine also serves the editor to a browser.
    env: { ...stringEnv(process.env), FLOWDESK_STATIC_DIR: join(here, '../renderer') },
    // Forks happen after the app is ready, when the keychain (safeStorage) can be used.
    fork: (entryPath, env) =>
      utilityProcess.fork(entryPath, [], {
        serviceName: 'Flowdesk engine',
        execArgv: [...ENGINE_PROCESS.execArgv],
        env: { ...withSecretKey(env, settings), ...ENGINE_PROCESS.env },
        stdio: ['ignore', 'inherit', 'pipe'],
      }),
    onMessage: relay.broadcast,
  });

  function showWindow(): void {
    if (!window || window.isDestroyed()) {
      const saved = settings.windowState();
      const created = createMainWindow({
        indexPath: paths.index,
        preloadPath: paths.preload,
        iconPath: paths.windowIcon,
        bounds: restoreBounds(saved.bounds, screen.getAllDisplays().map((d) => d.workArea)),
        maximized: saved.maximized,
      });
      created.on('close', (event) => {
        settings.saveWindowState({ bounds: created.getNormalBounds(), maximized: created.isMaximized() });
        if (quitting) return;
        if (!settings.closeToTray()) {
          app.quit();
          return;
        }
        event.preventDefault();
        created.hide();
      });
      created.on('closed', () => {
        if (window === created) window = null;
      });
      window = created;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // The window only hides; should every window close anyway, stay in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (engine.state().state === 'stopped') {
      tray?.destroy();
      tray = null;
      return;
    }
    event.preventDefault();
    void engine.stop().finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    relay.serve(engine);
    engine.start();
    tray = createTray({ iconPath: paths.trayIcon, onOpen: showWindow, onQuit: () => app.quit() });
    showWindow();
  });
}

/** Hands the engine its secrets key, kept with the system keychain, when there is one. */
function withSecretKey(env: Record<string, string>, settings: AppSettings): Record<string, string> {
  try {
    const key = engineSecretKey(safeStorage, settings.sealedEngineKey);
    return key ? { ...env, FLOWDESK_SECRET_KEY: key } : env;
  } catch (error) {
    console.error(`the keychain could not open the engine's key; the engine keeps its own key file: ${(error as Error).message}`);
    return env;
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

main();
