// n8n as a peer: a Webhook (POST /webhook/bench, answering when the last node has run) → Set
// workflow, imported and published with n8n's own CLI, started with `n8n start` on loopback
// with diagnostics, version checks, personalization, the MCP registry and community packages
// off, then measured on its production webhook URL.
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { ensurePeer, tail, type Installed } from './install.ts';
import { freePort, startPeer, waitUntilAnswers, type PeerProcess } from './peer-process.ts';

export const N8N_VERSION = '2.40.7';
const WORKFLOW_ID = 'fdBenchWebhookSet';

/**
 * Install scripts stay off: of those in n8n's tree (read for 2.40.7), only sqlite3's is needed
 * (prebuild-install, which fails offline, then node-gyp from its bundled sources); isolated-vm
 * ships prebuilt binaries; the rest are optional drivers, a telemetry ping (@scarf/scarf) or
 * downloads.
 */
export function installN8n(): Promise<Installed> {
  return ensurePeer('n8n', 'n8n', N8N_VERSION, ['sqlite3']);
}

const id = (n: number) => `0f6c7f64-8d7e-4c55-9d0b-2a1f6a4b${String(n).padStart(4, '0')}`;
const assign = (n: number, name: string, value: string) => ({ id: id(n), name, value, type: 'string' });

/** Webhook → Set (n8n's "Edit Fields"), three fields from the order by expression. */
export const webhookSetWorkflow = {
  id: WORKFLOW_ID,
  name: 'Webhook to Set (Flowdesk bench)',
  active: false,
  nodes: [
    {
      parameters: { httpMethod: 'POST', path: 'bench', responseMode: 'lastNode', options: {} },
      id: id(1), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: id(100),
    },
    {
      parameters: {
        assignments: { assignments: [assign(11, 'orderId', '={{ $json.body.id }}'), assign(12, 'total', '={{ $json.body.total_price }}'), assign(13, 'email', '={{ $json.body.email }}')] },
        options: {},
      },
      id: id(2), name: 'Edit Fields', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0],
    },
  ],
  connections: { Webhook: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
  pinData: {},
};

export type N8nSaving = 'default' | 'off';

function env(userFolder: string, port: number, brokerPort: number, saving: N8nSaving): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_DISABLED_MODULES: 'mcp-registry,community-packages',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_LOG_LEVEL: 'warn',
    ...(saving === 'off'
      ? { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', EXECUTIONS_DATA_SAVE_ON_ERROR: 'none', EXECUTIONS_DATA_SAVE_ON_PROGRESS: 'false' }
      : {}),
  };
}

async function cli(installed: Installed, args: string[], e: NodeJS.ProcessEnv, log: string): Promise<void> {
  const bin = join(installed.dir, 'node_modules', 'n8n', 'bin', 'n8n');
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, [bin, ...args], { cwd: e['N8N_USER_FOLDER'], env: e, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`n8n ${args[0]} exited ${code}:\n${tail(log)}`);
}

/** A user folder with the workflow imported and published (done once; both runs use it). */
export async function prepareN8n(installed: Installed, tmp: string): Promise<string> {
  const userFolder = join(tmp, 'n8n');
  mkdirSync(userFolder, { recursive: true });
  const file = join(userFolder, 'webhook-set.json');
  writeFileSync(file, JSON.stringify(webhookSetWorkflow, null, 2));
  const e = env(userFolder, 0, 0, 'default');
  const log = join(tmp, 'n8n-cli.log');
  await cli(installed, ['import:workflow', `--input=${file}`], e, log);
  await cli(installed, ['publish:workflow', `--id=${WORKFLOW_ID}`], e, log);
  return userFolder;
}

/** Starts `n8n start` on the prepared folder; resolves once the production webhook answers 2xx. */
export async function startN8n(installed: Installed, userFolder: string, saving: N8nSaving, tmp: string, probe: { body: Buffer; headers: Record<string, string> }): Promise<{ url: string; peer: PeerProcess; startMs: number }> {
  const port = await freePort();
  const brokerPort = await freePort();
  const bin = join(installed.dir, 'node_modules', 'n8n', 'bin', 'n8n');
  const peer = startPeer(bin, ['start'], { cwd: userFolder, env: env(userFolder, port, brokerPort, saving), log: join(tmp, `n8n-${saving}.log`) });
  const url = `http://127.0.0.1:${port}/webhook/bench`;
  try {
    const startMs = await waitUntilAnswers(url, probe.body, probe.headers, peer, 180_000);
    return { url, peer, startMs };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}

/** Executions n8n holds in its own database (read-only, after it stopped): kept, and marked deleted. */
export function storedExecutions(userFolder: string): { kept: number; deleted: number } | null {
  try {
    const db = new Database(join(userFolder, '.n8n', 'database.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const r = db.prepare('SELECT COALESCE(SUM("deletedAt" IS NULL), 0) AS kept, COALESCE(SUM("deletedAt" IS NOT NULL), 0) AS deleted FROM execution_entity').get() as { kept: number; deleted: number };
      return r;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
