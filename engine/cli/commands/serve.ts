import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../create-engine.ts';
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

/** `flowdesk serve`: the engine headless, until SIGINT or SIGTERM. */
export async function serve(o: ServeOptions, write: (s: string) => void): Promise<void> {
  const staticDir = o.editor ?? (existsSync(builtEditor) ? builtEditor : undefined);
  const engine = createEngine({
    dataDir: o.dataDir,
    webhookPort: o.webhookPort,
    apiPort: o.apiPort,
    webhookHost: o.webhookHost,
    bodyLimit: Math.round(o.bodyLimitMb * 1024 * 1024),
    logger: createConsoleLogger(),
    ...(o.publicUrl ? { publicWebhookUrl: o.publicUrl } : {}),
    ...(staticDir ? { staticDir } : {}),
  });
  const { apiUrl, webhookBaseUrl } = await engine.start();
  const hooks = engine.info().webhookBaseUrl;
  write(
    [
      `Flowdesk engine running. Data: ${o.dataDir}`,
      `  API:       ${apiUrl} (loopback only; token in ${o.dataDir}/api-token)`,
      staticDir ? `  Editor:    ${apiUrl}/#token=${engine.token}` : '  Editor:    not built (npm run build:renderer)',
      `  Webhooks:  ${hooks}/hooks/<connectionId>${hooks !== webhookBaseUrl ? ` (listening on ${webhookBaseUrl})` : ''}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      write(`\n${signal}: stopping (finishing jobs under way)…\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await engine.stop();
  write('Stopped.\n');
}
