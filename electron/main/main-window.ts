import { BrowserWindow, nativeTheme, type Rectangle } from 'electron';
import { pathToFileURL } from 'node:url';
import { lockDownNavigation } from './security.ts';

export interface MainWindowOptions {
  indexPath: string;
  preloadPath: string;
  iconPath: string;
  /** Where the window was last, while the app runs (settings will keep it across runs). */
  bounds: Rectangle | null;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds } = options;
  const window = new BrowserWindow({
    ...(bounds ?? { width: 1200, height: 780 }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Flowdesk',
    icon: options.iconPath,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15151b' : '#f7f7f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  lockDownNavigation(window.webContents, pathToFileURL(options.indexPath).href);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(options.indexPath);
  return window;
}
