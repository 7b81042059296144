import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../harness/temp-engine.ts';

describe('the engine as a child process (what the desktop shell forks)', () => {
  let child: ReturnType<typeof fork> | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it('says it is ready, answers invokes with the API envelope, and stops on SIGTERM', async () => {
    const entry = fileURLToPath(new URL('../../engine/host/engine-entry.ts', import.meta.url));
    child = fork(entry, [], {
      env: { ...process.env, FLOWDESK_DATA_DIR: makeDataDir(), FLOWDESK_WEBHOOK_PORT: '0', FLOWDESK_API_PORT: '0' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const messages: any[] = [];
    child.on('message', (m) => messages.push(m));
    const waitFor = async (pred: (m: any) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const found = messages.find(pred);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no such message; got ${JSON.stringify(messages)}`);
    };
    const ready = await waitFor((m) => m.type === 'ready');
    expect(ready.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    child.send({ type: 'invoke', id: 1, method: 'flows.list', args: {} });
    child.send({ type: 'invoke', id: 2, method: 'orders.get', args: { ref: 'nope' } });
    expect((await waitFor((m) => m.id === 1)).reply).toEqual({ ok: true, result: [] });
    expect((await waitFor((m) => m.id === 2)).reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
