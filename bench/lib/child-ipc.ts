export type ParentMessage = { type: 'rss' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; info: unknown }
  | { type: 'rss'; rss: number }
  | { type: 'failed'; error: string };

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

/**
 * Runs a bench child: `start` brings the server up and returns what to report; the parent may
 * then ask for the RSS, and finally to stop (`stop` closes the server and the database).
 */
export async function runChild<R>(start: () => Promise<{ info: R; stop: () => Promise<void> }>): Promise<void> {
  let stop: () => Promise<void>;
  try {
    const started = await start();
    stop = started.stop;
    await send({ type: 'ready', info: started.info });
  } catch (error) {
    await send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'rss') void send({ type: 'rss', rss: process.memoryUsage().rss });
    else if (m.type === 'stop') {
      void stop().then(
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
