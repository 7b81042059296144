/**
 * Bundles the desktop shell with esbuild into dist/electron/:
 *   main.js          electron/main/main.ts (ESM)
 *   preload.cjs      electron/preload/preload.ts (CommonJS: sandboxed preloads must be)
 *   engine-entry.js  engine/host/engine-entry.ts, when it exists (ESM, run in a utility process)
 * and copies beside them the window and tray icons, the engine's SQL migrations (which
 * engine/storage/migrate.ts reads from `./migrations/` next to the running module) and the
 * template gallery (`./assets/gallery/`, engine/flows/gallery-dir.ts).
 * `node scripts/build-electron.ts`.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist/electron');
const engineEntry = 'engine/host/engine-entry.ts';
const migrations = 'engine/storage/migrations';
const gallery = 'assets/gallery';
const icons = ['icon.png', 'tray-icon.png', 'tray-icon@2x.png'];

/** Electron 45 runs Node 22 and Chromium 140. */
const nodeTarget = 'node22';
const chromeTarget = 'chrome140';

/** ESM bundles may carry CommonJS code that calls require(); this gives them one. */
const requireShim =
  "import { createRequire as __flowdeskCreateRequire } from 'node:module'; const require = __flowdeskCreateRequire(import.meta.url);";

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  sourcemap: 'linked',
  logLevel: 'warning',
};

export async function buildElectron(): Promise<string[]> {
  const jobs: [string, BuildOptions][] = [
    [
      'dist/electron/main.js',
      {
        ...common,
        entryPoints: ['electron/main/main.ts'],
        format: 'esm',
        target: nodeTarget,
        external: ['electron', 'better-sqlite3'],
        banner: { js: requireShim },
      },
    ],
    [
      'dist/electron/preload.cjs',
      { ...common, entryPoints: ['electron/preload/preload.ts'], format: 'cjs', target: chromeTarget, external: ['electron'] },
    ],
  ];
  const withEngine = existsSync(join(root, engineEntry));
  if (!withEngine) console.warn(`${engineEntry} does not exist yet: built the shell without the engine.`);

  await Promise.all([
    ...jobs.map(([outfile, options]) => build({ ...options, outfile })),
    ...(withEngine ? [bundleEngine(engineEntry, join(outDir, 'engine-entry.js'), nodeTarget)] : []),
  ]);
  mkdirSync(outDir, { recursive: true });
  for (const icon of icons) copyFileSync(join(root, 'assets', icon), join(outDir, icon));
  return [...jobs.map(([outfile]) => outfile), ...(withEngine ? ['dist/electron/engine-entry.js'] : [])];
}

/**
 * An engine module (the desktop's engine-entry, the bench's engine child) bundled into one ES
 * module at `outfile`, with the SQL migrations and the template gallery beside it, where
 * engine/storage/migrate.ts and engine/flows/gallery-dir.ts look for them.
 */
export async function bundleEngine(entryPoint: string, outfile: string, target: string): Promise<void> {
  await build({ ...common, entryPoints: [entryPoint], outfile, format: 'esm', target, external: ['better-sqlite3'], banner: { js: requireShim } });
  const dir = dirname(outfile);
  rmSync(join(dir, 'migrations'), { recursive: true, force: true });
  cpSync(join(root, migrations), join(dir, 'migrations'), { recursive: true });
  rmSync(join(dir, 'assets'), { recursive: true, force: true });
  cpSync(join(root, gallery), join(dir, 'assets/gallery'), { recursive: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildElectron();
  console.log(`built ${built.join(', ')}`);
}
