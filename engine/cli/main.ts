import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { defaultDataDir } from '../storage/data-dir.ts';
import { CliError, connectToEngine, type EngineClient } from './api-client.ts';
import type { Output } from './format.ts';
import { connectionsCommands } from './commands/connections.ts';
import { flowsCommands } from './commands/flows.ts';
import { inboxCommands } from './commands/inbox.ts';
import { ordersCommands } from './commands/orders.ts';
import { storageCommands } from './commands/storage.ts';
import { reconcileCommand } from './commands/reconcile.ts';
import { replayCommand } from './commands/replay.ts';
import { testSuiteCommand } from './commands/test-suite.ts';

export type ClientFor = (cmd: Command) => EngineClient;

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

/** The `flowdesk` command line: `serve` runs the engine; the rest talk to it through its API. */
export function buildProgram(write: (s: string) => void = (s) => process.stdout.write(s)): Command {
  const program = new Command('flowdesk')
    .description('Local-first automation for online shops: receive webhooks, run flows, keep each order\'s history.')
    .option('--data-dir <dir>', 'where Flowdesk keeps its data', defaultDataDir())
    .option('--json', 'print JSON instead of tables')
    .showHelpAfterError()
    .exitOverride();
  const globals = (cmd: Command) => cmd.optsWithGlobals<{ dataDir: string; json?: boolean }>();
  const client: ClientFor = (cmd) => connectToEngine(globals(cmd).dataDir);
  const out = (cmd: Command): Output => ({ json: globals(cmd).json ?? false, write });

  program
    .command('serve')
    .description('run the engine headless: webhook listener, processing, API and editor')
    .option('--webhook-port <port>', 'webhook listener port (0: any free port)', port, 7430)
    .option('--api-port <port>', 'API and editor port, loopback only (0: any free port)', port, 7431)
    .option('--webhook-host <host>', 'address the webhook listener binds; 0.0.0.0 to expose it', '127.0.0.1')
    .option('--public-url <url>', 'the public URL platforms reach the listener at (a tunnel), for the URLs shown')
    .option('--body-limit <mb>', 'largest webhook body accepted, in MB', Number, 5)
    .option('--editor <dir>', 'serve the editor from this built directory')
    .action(async function (this: Command, o: { webhookPort: number; apiPort: number; webhookHost: string; publicUrl?: string; bodyLimit: number; editor?: string }) {
      // Loaded here, not at the top: it brings the whole engine, which the commands that only
      // call the API never need (that halves their start-up time).
      const { serve } = await import('./commands/serve.ts');
      await serve({
        dataDir: globals(this).dataDir,
        webhookPort: o.webhookPort,
        apiPort: o.apiPort,
        webhookHost: o.webhookHost,
        bodyLimitMb: o.bodyLimit,
        ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
        ...(o.editor ? { editor: o.editor } : {}),
      }, write);
    });
  connectionsCommands(program, client, out);
  flowsCommands(program, client, out);
  inboxCommands(program, client, out);
  ordersCommands(program, client, out);
  storageCommands(program, client, out, (cmd) => globals(cmd).dataDir);
  reconcileCommand(program, client, out);
  replayCommand(program, client, out);
  testSuiteCommand(program, out);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`flowdesk: ${message}\n`);
    process.exitCode = 1;
  }
}
