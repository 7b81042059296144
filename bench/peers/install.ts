import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Where peers are installed, outside the repo and reused across runs. */
export function peerCacheDir(): string {
  return process.env['FLOWDESK_BENCH_CACHE'] ?? join(homedir(), '.cache', 'flowdesk-bench');
}

export interface Installed {
  dir: string;
  /** Seconds the install took in this run; null when an earlier install was reused. */
  installS: number | null;
}

const MARKER = '.flowdesk-bench-installed';

/** Runs npm (the one beside this node) in `cwd`; its output goes to `log`. */
function npm(args: string[], cwd: string, log: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log, { flags: 'a' });
    out.write(`\n$ npm ${args.join(' ')}\n`);
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}` };
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      out.end();
      if (code === 0) resolve();
      else reject(new Error(`npm ${args[0]} ${signal ? `was stopped (${signal})` : `exited ${code}`}; see ${log}`));
    });
  });
}

/** The last lines of a log, for a skip reason. */
export function tail(file: string, lines = 8): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').filter((l) => !l.startsWith('npm warn')).slice(-lines).join('\n');
}

/**
 * Installs `pkg@version` from the npm registry into `<cache>/<name>` with install scripts off,
 * then runs only the rebuilds listed (each package's own install script, read beforehand), or
 * reuses an earlier complete install. A half-finished one is removed and done again.
 */
export async function ensurePeer(name: string, pkg: string, version: string, rebuild: string[] = []): Promise<Installed> {
  const dir = join(peerCacheDir(), `${name}-${version}`);
  const marker = join(dir, MARKER);
  if (existsSync(marker)) return { dir, installS: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'install.log');
  const t0 = performance.now();
  await npm(['install', '--prefix', dir, `${pkg}@${version}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], dir, log, 20 * 60_000);
  for (const p of rebuild) await npm(['rebuild', p], dir, log, 20 * 60_000);
  writeFileSync(marker, `${pkg}@${version} ${new Date().toISOString()}\n`);
  return { dir, installS: Math.round((performance.now() - t0) / 100) / 10 };
}
