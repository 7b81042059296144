// The engine as a child process of the desktop shell (Electron utilityProcess or a plain
// fork). It speaks envelopes only: {type:'invoke'} in, {type:'reply'|'event'|'ready'|'fatal'} out.
import { createEngine } from '../create-engine.ts';
import { createConsoleLogger } from '../shared/logger.ts';
import { defaultDataDir } from '../storage/data-dir.ts';
import { ENGINE_RESTART_EXIT_CODE } from '../contract/index.ts';

interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: unknown) => void): void;
}

interface InvokeMessage {
  type: 'invoke';
  id: number;
  method: string;
  args: unknown;
}

/** Electron's utility process has `process.parentPort`; a forked Node child has `process.send`. */
function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (m: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) {
    return { postMessage: (m) => electronPort.postMessage(m), on: (_e, l) => electronPort.on('message', (m) => l(m.data)) };
  }
  if (process.send) {
    return { postMessage: (m) => process.send!(m), on: (_e, l) => process.on('message', l) };
  }
  throw new Error('engine-entry must run as a child process (utilityProcess.fork or child_process.fork)');
}

const port = parentPort();
const secretKey = process.env['FLOWDESK_SECRET_KEY'];
delete process.env['FLOWDESK_SECRET_KEY'];
const env = process.env;
const engine = createEngine({
  dataDir: env['FLOWDESK_DATA_DIR'] ?? defaultDataDir(),
  webhookPort: Number(env['FLOWDESK_WEBHOOK_PORT'] ?? 7430),
  apiPort: Number(env['FLOWDESK_API_PORT'] ?? 7431),
  ...(env['FLOWDESK_STATIC_DIR'] ? { staticDir: env['FLOWDESK_STATIC_DIR'] } : {}),
  // The desktop shell keeps this key with Electron's safeStorage and hands it over here.
  ...(secretKey ? { secretKey: Buffer.from(secretKey, 'base64') } : {}),
  logger: createConsoleLogger(),
  // A restore needs a fresh start on the restored file: exit, and the shell starts us again.
  onRestartRequested: () => void engine.stop().then(() => process.exit(ENGINE_RESTART_EXIT_CODE)),
});

engine.subscribe((m) => port.postMessage({ type: 'event', event: m.event, payload: m.payload }));
port.on('message', (raw) => {
  const m = raw as InvokeMessage | { type: 'shutdown' };
  // On Windows kill() ends a child at once: the shell asks for a clean stop with a message.
  if (m?.type === 'shutdown') return shutdown();
  if (m?.type !== 'invoke') return;
  void engine.dispatch(m.method, m.args).then((reply) => port.postMessage({ type: 'reply', id: m.id, reply }));
});

try {
  const { apiUrl, webhookBaseUrl } = await engine.start();
  port.postMessage({ type: 'ready', apiUrl, webhookBaseUrl, token: engine.token });
} catch (error) {
  port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

function shutdown(): void {
  void engine.stop().then(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
