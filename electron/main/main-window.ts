import { BrowserWindow, nativeTheme, type Rectangle } from 'electron';
import { pathToFileURL } from 'node:url';
import { lockDownNavigation } from './security.ts';
import { defaultWindowSize, minWindowSize } from './window-state.ts';

export interface MainWindowOptions {
  indexPath: string;
  preloadPath: string;
  iconPath: string;
  /** Where the window was last (kept across runs in settings), already checked to fit a screen. */
  bounds: Rectangle | null;
  maximized: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds } = options;
  const window = new BrowserWindow({
    ...(bounds ?? defaultWindowSize),
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
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
  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize();
    window.show();
  });
  void window.loadFile(options.indexPath);
  return window;
}
