// Node-RED as a peer: http in (POST /bench) → function (`return msg;`) → http response, run by
// its own CLI with this node, on loopback, with the editor, admin API, telemetry, diagnostics
// and palette installs off. Nothing is stored.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePeer, type Installed } from './install.ts';
import { freePort, startPeer, waitUntilAnswers, type PeerProcess } from './peer-process.ts';

export const NODE_RED_VERSION = '5.0.7';

/** Node-RED has no install scripts (checked for 5.0.7: none in its whole tree); they stay off anyway. */
export function installNodeRed(): Promise<Installed> {
  return ensurePeer('node-red', 'node-red', NODE_RED_VERSION);
}

const flows = [
  { id: 'fdbench.tab', type: 'tab', label: 'bench' },
  { id: 'fdbench.in', type: 'http in', z: 'fdbench.tab', name: '', url: '/bench', method: 'post', upload: false, swaggerDoc: '', wires: [['fdbench.fn']] },
  {
    id: 'fdbench.fn', type: 'function', z: 'fdbench.tab', name: 'pass through', func: 'return msg;', outputs: 1,
    timeout: 0, noerr: 0, initialize: '', finalize: '', libs: [], wires: [['fdbench.out']],
  },
  { id: 'fdbench.out', type: 'http response', z: 'fdbench.tab', name: '', statusCode: '200', headers: {}, wires: [] },
];

function settings(port: number): string {
  const s = {
    uiHost: '127.0.0.1',
    uiPort: port,
    flowFile: 'flows.json',
    flowFilePretty: false,
    credentialSecret: false,
    httpAdminRoot: false,
    httpNodeRoot: '/',
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    externalModules: { autoInstall: false, palette: { allowInstall: false, allowUpdate: false, allowUpload: false } },
    functionExternalModules: false,
    editorTheme: { projects: { enabled: false } },
  };
  return `module.exports = ${JSON.stringify(s, null, 2)};\n`;
}

/** Starts Node-RED from `installed` with a user dir under `tmp`; resolves once POST /bench answers. */
export async function startNodeRed(installed: Installed, tmp: string, probe: { body: Buffer; headers: Record<string, string> }): Promise<{ url: string; peer: PeerProcess; startMs: number }> {
  const userDir = join(tmp, 'node-red');
  mkdirSync(userDir, { recursive: true });
  const port = await freePort();
  writeFileSync(join(userDir, 'settings.js'), settings(port));
  const flowFile = join(userDir, 'flows.json');
  writeFileSync(flowFile, JSON.stringify(flows));
  const red = join(installed.dir, 'node_modules', 'node-red', 'red.js');
  const env = { PATH: process.env['PATH'] ?? '', HOME: userDir, NODE_RED_DISABLE_TELEMETRY: '1', NODE_ENV: 'production' };
  const peer = startPeer(red, ['-u', userDir, '-p', String(port), flowFile], { cwd: userDir, env, log: join(tmp, 'node-red.log') });
  const url = `http://127.0.0.1:${port}/bench`;
  try {
    const startMs = await waitUntilAnswers(url, probe.body, probe.headers, peer, 60_000);
    return { url, peer, startMs };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}
