import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../../create-engine.ts';
import { createConsoleLogger } from '../../shared/logger.ts';

export interface ServeOptions {
  dataDir: string;
  webhookPort: number;
  apiPort: number;
  webhookHost: string;
  publicUrl?: string;
  bodyLimitMb: number;
  editor?: string;
}

const builtEditor = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

/**
 * `flowdesk serve`: the engine headless, until SIGINT or SIGTERM. A restore asks for a
 * restart: the engine stops and starts again on the restored database, in this process.
 */
export async function serve(o: ServeOptions, write: (s: string) => void): Promise<void> {
  const staticDir = o.editor ?? (existsSync(builtEditor) ? builtEditor : undefined);
  let stopping: ((signal: string) => void) | null = null;
  const signalled = new Promise<string>((resolve) => (stopping = resolve));
  process.once('SIGINT', () => stopping?.('SIGINT'));
  process.once('SIGTERM', () => stopping?.('SIGTERM'));

  // A restart keeps the ports the first start got (with port 0, the ones the system chose),
  // so the editor open in a browser and the platforms' webhook URLs stay right.
  let ports = { webhook: o.webhookPort, api: o.apiPort };
  for (let round = 0; ; round++) {
    let restart: () => void = () => {};
    const restartRequested = new Promise<'restart'>((resolve) => (restart = () => resolve('restart')));
    const engine: Engine = createEngine({
      dataDir: o.dataDir,
      webhookPort: ports.webhook,
      apiPort: ports.api,
      webhookHost: o.webhookHost,
      bodyLimit: Math.round(o.bodyLimitMb * 1024 * 1024),
      logger: createConsoleLogger(),
      onRestartRequested: () => restart(),
      ...(o.publicUrl ? { publicWebhookUrl: o.publicUrl } : {}),
      ...(staticDir ? { staticDir } : {}),
    });
    const { apiUrl, webhookBaseUrl } = await engine.start();
    ports = { webhook: Number(new URL(webhookBaseUrl).port), api: Number(new URL(apiUrl).port) };
    const hooks = engine.info().webhookBaseUrl;
    write(
      [
        round === 0 ? `Flowdesk engine running. Data: ${o.dataDir}` : 'Restarted on the restored database.',
        `  API:       ${apiUrl} (loopback only; token in ${o.dataDir}/api-token)`,
        staticDir ? `  Editor:    ${apiUrl}/#token=${engine.token}` : '  Editor:    not built (npm run build:renderer)',
        `  Webhooks:  ${hooks}/hooks/<connectionId>${hooks !== webhookBaseUrl ? ` (listening on ${webhookBaseUrl})` : ''}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    const why = await Promise.race([signalled, restartRequested]);
    if (why !== 'restart') write(`\n${why}: stopping (finishing jobs under way)…\n`);
    await engine.stop();
    if (why !== 'restart') break;
  }
  write('Stopped.\n');
}
