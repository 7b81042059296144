import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeHostMessage, BridgeMessage } from '../preload/bridge-types.ts';
import { createEngineHost, ENGINE_RESTART_EXIT_CODE, type EngineHost, type ForkEngine } from './engine-host.ts';

const fakeEngine = fileURLToPath(new URL('./test-fixtures/fake-engine.ts', import.meta.url));

/** What the app does with utilityProcess.fork, with a plain Node child process. */
const forkChild: ForkEngine = (entryPath, env) => {
  const child = fork(entryPath, [], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr,
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'exit') child.on('exit', (code) => (listener as (code: number) => void)(code ?? -1));
      else child.on('message', listener as (message: unknown) => void);
      return this;
    },
    once(_event: 'exit', listener: (code: number) => void) {
      child.once('exit', (code) => listener(code ?? -1));
      return this;
    },
    kill: () => child.kill('SIGTERM'),
  };
};

function startHost(entryPath = fakeEngine, restartDelaysMs: readonly number[] = [20, 40]) {
  const messages: BridgeMessage[] = [];
  const host = createEngineHost({
    entryPath,
    env: { ...(process.env as Record<string, string>) },
    fork: forkChild,
    onMessage: (m) => messages.push(m),
    restartDelaysMs,
  });
  hosts.push(host);
  host.start();
  const states = () => messages.filter((m): m is BridgeHostMessage => m.type === 'host').map((m) => m.state);
  return { host, messages, states };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

const hosts: EngineHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

describe('createEngineHost', () => {
  it('holds calls until the engine is ready, then relays replies and events unread', async () => {
    const { host, messages, states } = startHost();
    const early = host.invoke('flows.list', { a: 1 });
    expect(host.state().state).toBe('starting');
    await expect(early).resolves.toEqual({ ok: true, result: { method: 'flows.list', args: { a: 1 } } });
    await host.invoke('test.emit', { id: 'o1' });
    expect(messages).toContainEqual({ type: 'event', event: 'order.changed', payload: { id: 'o1' } });
    expect(states()).toEqual(['starting', 'ready']);
  });

  it('answers calls cut off by a crash, says why, and restarts the engine', async () => {
    const { host, messages, states } = startHost();
    await host.invoke('flows.list', {});
    const cutOff = host.invoke('test.hang', {});
    const crash = host.invoke('test.crash', {});
    await expect(cutOff).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(crash).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/exit code 3/) } });
    const restarting = messages.find((m): m is BridgeHostMessage => m.type === 'host' && m.state === 'restarting');
    expect(restarting).toMatchObject({ retryInMs: 20, detail: expect.stringMatching(/exit code 3.*told to crash/) });
    await until(() => states().filter((s) => s === 'ready').length === 2);
    await expect(host.invoke('flows.get', { id: 'f' })).resolves.toMatchObject({ ok: true });
  });

  it('starts the engine again at once when it exits asking for a restart (exit code 75), as no crash', async () => {
    expect(ENGINE_RESTART_EXIT_CODE).toBe(75);
    // Crash delays this long would outlast the test: only an immediate restart gets it ready again.
    const { host, messages, states } = startHost(fakeEngine, [60_000]);
    await host.invoke('flows.list', {});
    await expect(host.invoke('test.restart', {})).resolves.toEqual({ ok: true, result: null });
    await until(() => states().length === 3);
    const waiting = host.invoke('flows.get', { id: 'f' });
    await until(() => states().filter((s) => s === 'ready').length === 2);
    await expect(waiting).resolves.toMatchObject({ ok: true, result: { method: 'flows.get' } });
    expect(states()).toEqual(['starting', 'ready', 'starting', 'ready']);
    const hostMessages = messages.filter((m): m is BridgeHostMessage => m.type === 'host');
    expect(hostMessages.every((m) => m.retryInMs === null && !/exit code|crash/.test(m.detail ?? ''))).toBe(true);
    expect(hostMessages[2]).toMatchObject({ state: 'starting', detail: expect.stringMatching(/restarting on the restored database/) });
  });

  it('still counts a crash after a restart as the first one', async () => {
    const { host, messages, states } = startHost(fakeEngine, [20, 40]);
    await host.invoke('test.restart', {});
    await until(() => states().filter((s) => s === 'ready').length === 2);
    await host.invoke('test.crash', {});
    const restarting = messages.find((m): m is BridgeHostMessage => m.type === 'host' && m.state === 'restarting');
    expect(restarting).toMatchObject({ retryInMs: 20, detail: expect.stringMatching(/exit code 3/) });
  });

  it('stops the engine on request and then refuses calls', async () => {
    const { host, states } = startHost();
    await host.invoke('flows.list', {});
    await host.stop();
    expect(states().at(-1)).toBe('stopped');
    await expect(host.invoke('flows.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('says so when the engine is not built, without retrying', async () => {
    const { host } = startHost('/nonexistent/engine-entry.js');
    expect(host.state()).toMatchObject({ state: 'stopped', detail: expect.stringMatching(/not built/) });
    await expect(host.invoke('flows.list', {})).resolves.toMatchObject({ ok: false });
  });
});
