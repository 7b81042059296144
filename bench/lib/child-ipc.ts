export type ParentMessage = { type: 'rss' } | { type: 'stop' } | { type: 'call'; id: number; name: string; args: unknown };
export type ChildMessage =
  | { type: 'ready'; info: unknown }
  | { type: 'rss'; rss: number }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'failed'; error: string };

/** What a child may be asked to do while it runs (wait until idle, report counts…), by name. */
export type ChildCalls = Record<string, (args: unknown) => Promise<unknown>>;

function send(m: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(m, undefined, {}, () => resolve());
  });
}

/** The config the orchestrator passed as the first argument, as JSON. */
export function childConfig<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Runs a bench child: `start` brings the server up and returns what to report; the parent may
 * then ask for the RSS, make named calls, and finally ask it to stop (`stop` closes the server
 * and the database).
 */
export async function runChild<R>(start: () => Promise<{ info: R; stop: () => Promise<void>; calls?: ChildCalls }>): Promise<void> {
  let started: { info: R; stop: () => Promise<void>; calls?: ChildCalls };
  try {
    started = await start();
    await send({ type: 'ready', info: started.info });
  } catch (error) {
    await send({ type: 'failed', error: describe(error) });
    process.exit(1);
  }
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'rss') void send({ type: 'rss', rss: process.memoryUsage().rss });
    else if (m.type === 'call') {
      const fn = started.calls?.[m.name];
      const run = fn ? fn(m.args) : Promise.reject(new Error(`no call "${m.name}" in this child`));
      run.then(
        (value) => send({ type: 'result', id: m.id, ok: true, value }),
        (error: unknown) => send({ type: 'result', id: m.id, ok: false, error: describe(error) }),
      );
    } else if (m.type === 'stop') {
      void started.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    }
  });
  // Orchestrator gone: do not linger.
  process.on('disconnect', () => process.exit(0));
}
