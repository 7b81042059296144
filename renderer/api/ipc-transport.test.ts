import { describe, expect, it } from 'vitest';
import type { BridgeMessage, FlowdeskBridge } from './bridge.ts';
import { createIpcTransport } from './ipc-transport.ts';
import type { LinkStatus } from './transport.ts';

function bridgeWith(invoke: FlowdeskBridge['invoke']) {
  const listeners = new Set<(message: BridgeMessage) => void>();
  const bridge: FlowdeskBridge = {
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    platform: 'linux',
  };
  const push = (message: unknown) => listeners.forEach((l) => l(message as BridgeMessage));
  return { bridge, listeners, push };
}

describe('createIpcTransport', () => {
  it('passes calls to the bridge and returns its envelope unread', async () => {
    const b = bridgeWith(async (method, args) => ({ ok: true, result: { method, args } }));
    await expect(createIpcTransport(b.bridge).invoke('flows.list', {})).resolves.toEqual({
      ok: true,
      result: { method: 'flows.list', args: {} },
    });
  });

  it('turns a failed bridge call into an unreachable ApiError', async () => {
    const b = bridgeWith(() => Promise.reject(new Error('No handler registered')));
    await expect(createIpcTransport(b.bridge).invoke('flows.list', {})).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('splits engine events from host status, and ignores anything else', () => {
    const b = bridgeWith(async () => null);
    const events: unknown[] = [];
    const statuses: LinkStatus[] = [];
    const stop = createIpcTransport(b.bridge).listen({ event: (n, p) => events.push([n, p]), status: (s) => statuses.push(s) });
    b.push({ type: 'host', state: 'ready', detail: null, retryInMs: null });
    b.push({ type: 'event', event: 'order.changed', payload: { id: 'o1' } });
    b.push({ type: 'host', state: 'restarting', detail: 'the engine stopped (exit code 1)', retryInMs: 2000 });
    b.push({ type: 'surprise' });
    b.push(null);
    expect(events).toEqual([['order.changed', { id: 'o1' }]]);
    expect(statuses).toEqual([
      { state: 'connecting', detail: null },
      { state: 'open', detail: null },
      { state: 'down', detail: 'the engine stopped (exit code 1); restarting in 2 s' },
    ]);
    stop();
    expect(b.listeners.size).toBe(0);
  });
});
