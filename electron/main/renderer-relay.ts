import { ipcMain, type WebContents } from 'electron';
import { bridgeChannels, type BridgeMessage } from '../preload/bridge-types.ts';
import type { EngineHost } from './engine-host.ts';
import { errorReply } from './engine-messages.ts';

export interface RendererRelay {
  /** Sends a message to every window that subscribed. */
  broadcast(message: BridgeMessage): void;
  /** Answers the preload bridge's calls with the engine's replies. */
  serve(host: EngineHost): void;
}

/**
 * Carries the bridge's messages between the renderer and the engine host. Only frames
 * showing the app's own page (`rendererUrl`) are heard.
 */
export function createRendererRelay(rendererUrl: string): RendererRelay {
  const subscribers = new Set<WebContents>();
  const trusted = (frameUrl: string | undefined): boolean => frameUrl?.split('#')[0] === rendererUrl;

  return {
    broadcast(message) {
      for (const contents of subscribers) {
        if (!contents.isDestroyed()) contents.send(bridgeChannels.message, message);
      }
    },
    serve(host) {
      ipcMain.handle(bridgeChannels.invoke, (event, method: unknown, args: unknown) => {
        if (!trusted(event.senderFrame?.url)) return errorReply('forbidden_origin', 'This page may not call the engine.');
        if (typeof method !== 'string') return errorReply('invalid_args', 'The method name must be a string.');
        return host.invoke(method, args);
      });
      ipcMain.on(bridgeChannels.subscribe, (event) => {
        if (!trusted(event.senderFrame?.url)) return;
        const contents = event.sender;
        if (!subscribers.has(contents)) {
          subscribers.add(contents);
          contents.once('destroyed', () => subscribers.delete(contents));
        }
        contents.send(bridgeChannels.message, host.state());
      });
    },
  };
}
