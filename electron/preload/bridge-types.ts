/**
 * The bridge between the renderer and main. `window.flowdesk` has this shape; the renderer
 * declares the same interface in renderer/api/bridge.ts (neither side may import the other),
 * so the two copies are kept in step by hand. Main imports the channel names from here.
 */

export const bridgeChannels = {
  /** renderer → main, `invoke(method, args)`: answers with the engine's ApiReply. */
  invoke: 'flowdesk:invoke',
  /** renderer → main: this window wants messages; main answers with the engine's state. */
  subscribe: 'flowdesk:subscribe',
  /** main → renderer: a BridgeMessage. */
  message: 'flowdesk:message',
} as const;

/** An engine event, relayed by main unread. */
export interface BridgeEventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}

/** What main's supervisor says about the engine process. */
export type EngineHostState = 'starting' | 'ready' | 'restarting' | 'stopped';

export interface BridgeHostMessage {
  type: 'host';
  state: EngineHostState;
  /** Why the engine is not ready, in words, when it is not. */
  detail: string | null;
  /** When a restart is scheduled, how long until it. */
  retryInMs: number | null;
}

export type BridgeMessage = BridgeEventMessage | BridgeHostMessage;

export interface FlowdeskBridge {
  /** Sends one API call to the engine; resolves with its `ApiReply` envelope. */
  invoke(method: string, args: unknown): Promise<unknown>;
  /** Receives engine events and engine-host status; returns the function that stops it. */
  subscribe(listener: (message: BridgeMessage) => void): () => void;
  /** `process.platform` of the desktop app. */
  readonly platform: string;
}
