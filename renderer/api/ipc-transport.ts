import { ApiError } from './api-error.ts';
import type { BridgeHostMessage, BridgeMessage, FlowdeskBridge } from './bridge.ts';
import type { LinkStatus, Transport } from './transport.ts';

/** Calls and events through the preload bridge, `window.flowdesk`, in the desktop app. */
export function createIpcTransport(bridge: FlowdeskBridge): Transport {
  return {
    kind: 'ipc',
    async invoke(method, args) {
      try {
        return await bridge.invoke(method, args);
      } catch (cause) {
        throw new ApiError('unreachable', 'The desktop app could not pass the call to the engine.', { method, cause });
      }
    },
    listen(listener) {
      listener.status({ state: 'connecting', detail: null });
      return bridge.subscribe((message: unknown) => {
        if (!isBridgeMessage(message)) return;
        if (message.type === 'event') listener.event(message.event, message.payload);
        else listener.status(toLinkStatus(message));
      });
    },
  };
}

function toLinkStatus(message: BridgeHostMessage): LinkStatus {
  switch (message.state) {
    case 'ready':
      return { state: 'open', detail: null };
    case 'starting':
      return { state: 'connecting', detail: message.detail };
    case 'restarting':
    case 'stopped': {
      const retry = message.retryInMs === null ? '' : `; restarting in ${Math.round(message.retryInMs / 1000)} s`;
      return { state: 'down', detail: `${message.detail ?? 'the engine stopped'}${retry}` };
    }
  }
}

function isBridgeMessage(value: unknown): value is BridgeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Record<string, unknown>>;
  if (message.type === 'event') return typeof message.event === 'string';
  if (message.type === 'host') return typeof message.state === 'string';
  return false;
}
