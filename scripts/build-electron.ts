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
import { join, resolve } from 'node:path';
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

export async function buildElectron(): Promise<string[]> {
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
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
  if (withEngine) {
    jobs.push([
      'dist/electron/engine-entry.js',
      {
        ...common,
        entryPoints: [engineEntry],
        format: 'esm',
        target: nodeTarget,
        external: ['better-sqlite3'],
        banner: { js: requireShim },
      },
    ]);
  } else {
    console.warn(`${engineEntry} does not exist yet: built the shell without the engine.`);
  }

  await Promise.all(jobs.map(([outfile, options]) => build({ ...options, outfile })));
  mkdirSync(outDir, { recursive: true });
  for (const icon of icons) copyFileSync(join(root, 'assets', icon), join(outDir, icon));
  if (withEngine) {
    rmSync(join(outDir, 'migrations'), { recursive: true, force: true });
    cpSync(join(root, migrations), join(outDir, 'migrations'), { recursive: true });
    // The template gallery, where engine/flows/gallery-dir.ts looks beside the bundle.
    rmSync(join(outDir, 'assets'), { recursive: true, force: true });
    cpSync(join(root, gallery), join(outDir, 'assets/gallery'), { recursive: true });
  }
  return jobs.map(([outfile]) => outfile);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildElectron();
  console.log(`built ${built.join(', ')}`);
}
