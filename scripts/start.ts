/**
 * `npm start`: the desktop app when Electron's binary is installed and can open a window here;
 * otherwise the same editor in a browser, served by `flowdesk serve`. Extra arguments go to
 * whichever starts (`npm start -- --port 4100`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildElectron } from './build-electron.ts';

const root = join(import.meta.dirname, '..');
const extraArgs = process.argv.slice(2);

type Found = { ok: true; binary: string } | { ok: false; why: string };

/**
 * `require('electron')` answers with the binary's path, but downloads the binary first when it
 * is missing; this reads the same files without that.
 */
function findElectron(): Found {
  const pkgDir = join(root, 'node_modules/electron');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    return { ok: false, why: "Electron's binary is not installed here (the electron package is missing)" };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!name && !override) {
    return { ok: false, why: "Electron's binary is not installed here (its download was skipped: no node_modules/electron/path.txt)" };
  }
  const binary = override ? join(override, name || 'electron') : join(pkgDir, 'dist', name);
  if (!existsSync(binary)) return { ok: false, why: `Electron's binary is not installed here (${binary} is missing)` };
  const probe = spawnSync(binary, ['-e', 'process.stdout.write(process.versions.electron ?? "")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.error || probe.status !== 0 || !probe.stdout) {
    const said = probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? `exit code ${probe.status}`;
    return { ok: false, why: `Electron's binary does not run here (${said})` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, why: 'Electron cannot open a window here (no display: DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  return { ok: true, binary };
}

async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules') newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function rendererIsStale(): boolean {
  const built = join(root, 'dist/renderer/index.html');
  if (!existsSync(built)) return true;
  const sources = ['renderer', 'engine/contract', 'vite.config.ts'].map((p) => join(root, p)).filter(existsSync);
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Runs a child with this terminal, passes Ctrl+C and termination on, and exits as it does. */
function runAttached(child: ChildProcess): void {
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    process.exit(code ?? 1);
  });
}

async function startDesktop(binary: string): Promise<void> {
  await buildRenderer();
  await buildElectron();
  // With package.json's "main" pointing at the build, `electron .` gives the app its name.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string };
  const app = pkg.main === 'dist/electron/main.js' ? root : join(root, 'dist/electron/main.js');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAttached(spawn(binary, [app, ...extraArgs], { cwd: root, stdio: 'inherit', env }));
}

async function startInBrowser(): Promise<void> {
  if (rendererIsStale()) {
    console.log('Building the editor…');
    await buildRenderer();
  }
  const cli = join(root, 'bin/flowdesk.js');
  if (!existsSync(cli)) {
    console.error('bin/flowdesk.js is missing: the engine command line is not built, so there is nothing to serve.');
    process.exit(1);
  }
  runAttached(spawn(process.execPath, [cli, 'serve', ...extraArgs], { cwd: root, stdio: 'inherit' }));
}

const electron = findElectron();
if (electron.ok) {
  await startDesktop(electron.binary);
} else {
  console.log(`${electron.why}; serving the editor in your browser instead.`);
  await startInBrowser();
}
