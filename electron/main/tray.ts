import { Menu, Tray, nativeImage } from 'electron';

export interface TrayOptions {
  /** tray-icon.png; a tray-icon@2x.png beside it serves high-density screens. */
  iconPath: string;
  onOpen: () => void;
  onQuit: () => void;
}

export function createTray(options: TrayOptions): Tray {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.setToolTip('Flowdesk');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Flowdesk', click: options.onOpen },
      { type: 'separator' },
      { label: 'Quit Flowdesk', click: options.onQuit },
    ]),
  );
  tray.on('click', options.onOpen);
  return tray;
}
