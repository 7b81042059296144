/**
 * The renderer's only door to the desktop app: `window.flowdesk`, and nothing else.
 * Runs sandboxed (bundled to CommonJS by scripts/build-electron.ts); imports only electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeChannels, type BridgeMessage, type FlowdeskBridge } from './bridge-types.ts';

const bridge: FlowdeskBridge = {
  invoke(method, args) {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(bridgeChannels.invoke, method, args);
  },
  subscribe(listener) {
    const relay = (_event: IpcRendererEvent, message: BridgeMessage): void => listener(message);
    ipcRenderer.on(bridgeChannels.message, relay);
    ipcRenderer.send(bridgeChannels.subscribe);
    return () => {
      ipcRenderer.removeListener(bridgeChannels.message, relay);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('flowdesk', bridge);
