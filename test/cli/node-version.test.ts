// On a Node older than 24 every entry point (`npm start`, `flowdesk`, `npm run bench`, …) says in
// one line which Node it needs and exits 1, instead of dying on the first .ts file it loads.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const minMajor = Number(/^>=(\d+)/.exec(pkg.engines.node)![1]);

function oneLine(version: string): string {
  return (
    `Flowdesk needs Node.js ${minMajor} or newer; this is Node ${version}. ` +
    `Install Node ${minMajor} LTS (https://nodejs.org), or see "Node 24 on an older machine" in README.md.\n`
  );
}

/** The environment without the test hook, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { FLOWDESK_FAKE_NODE_VERSION: _, ...rest } = process.env;
  return { ...rest, ...extra };
}

async function run(command: string, args: string[], options: SpawnOptions = {}) {
  // In its own process group: a guard that failed to stop would start the app or the bench
  // (npm → sh → node), and the timeout then ends all of them, not only npm.
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, out, err };
}

/** A Node older than the minimum on this machine (the system's own, typically), if any. */
function findOlderNode(): { path: string; version: string } | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/local/bin']);
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, 'node');
    const r = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = r.status === 0 ? r.stdout.trim() : '';
    if (version && Number(version.split('.')[0]) < minMajor) return { path, version };
  }
  return undefined;
}

// Every package.json script that starts Node on our code: a .ts file, or the flowdesk command.
const nodeScripts = Object.entries(pkg.scripts).filter(([, line]) => /\bnode \S+\.ts\b|\bnode bin\/flowdesk\.js\b/.test(line));

describe('an entry point on a Node that is too old', () => {
  it('the README section the line points to exists', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/^## Node 24 on an older machine$/m);
  });

  it('flowdesk says which Node it needs in one line on stderr and exits 1', async () => {
    const r = await run(process.execPath, ['bin/flowdesk.js', '--help'], { env: env({ FLOWDESK_FAKE_NODE_VERSION: '20.19.2' }) });
    expect(r.err).toBe(oneLine('20.19.2'));
    expect(r.out).toBe('');
    expect(r.code).toBe(1);
  });

  it('the boundary is package.json "engines": one major below is refused, the minimum passes', async () => {
    const below = await run(process.execPath, ['bin/require-node.js'], { env: env({ FLOWDESK_FAKE_NODE_VERSION: `v${minMajor - 1}.99.0` }) });
    expect([below.code, below.err]).toEqual([1, oneLine(`${minMajor - 1}.99.0`)]);
    const at = await run(process.execPath, ['bin/require-node.js'], { env: env({ FLOWDESK_FAKE_NODE_VERSION: `${minMajor}.0.0` }) });
    expect([at.code, at.out, at.err]).toEqual([0, '', '']);
  });

  it('finds the entry scripts (start, serve, bench) among package.json scripts', () => {
    expect(nodeScripts.map(([name]) => name)).toEqual(expect.arrayContaining(['start', 'serve', 'bench']));
  });

  it.each(nodeScripts)('npm run %s checks the version before loading anything else', async (name, line) => {
    // Checked first, so a script without the guard is never actually run by this test.
    expect(line).toMatch(/^node bin\/require-node\.js && |^node bin\/flowdesk\.js /);
    const r = await run('npm', ['run', name], { env: env({ FLOWDESK_FAKE_NODE_VERSION: '20.19.2' }) });
    expect(r.err.split('\n')[0] + '\n').toBe(oneLine('20.19.2'));
    expect(r.err).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(r.code).toBe(1);
  });

  it('on this Node (24+) flowdesk passes straight through', async () => {
    const r = await run(process.execPath, ['bin/flowdesk.js', '--help'], { env: env() });
    expect(r.err).toBe('');
    expect(r.out).toContain('Usage: flowdesk');
    expect(r.code).toBe(0);
  });

  const older = findOlderNode();
  describe.skipIf(!older)(`with this machine's own older Node (${older?.version ?? 'none found'})`, () => {
    it('flowdesk says the one line instead of failing on TypeScript', async () => {
      const r = await run(older!.path, ['bin/flowdesk.js', '--help'], { env: env() });
      expect([r.code, r.out, r.err]).toEqual([1, '', oneLine(older!.version)]);
    });

    it('npm start says the one line first', async () => {
      // That Node first on PATH, as on a machine that has only it: `npm` and the script's `node`.
      const r = await run('npm', ['start'], { env: env({ PATH: dirname(older!.path) + delimiter + (process.env.PATH ?? '') }) });
      expect(r.err.split('\n')[0] + '\n').toBe(oneLine(older!.version));
      expect(r.err).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
      expect(r.code).toBe(1);
    });
  });
});
