// The engine children run the engine as the desktop app ships it: bundled by esbuild into one
// ES module (scripts/build-electron.ts does the same for dist/electron/engine-entry.js), with the
// SQL migrations and the template gallery beside it. From the .ts sources through Node's type
// stripping the same engine holds ~19 MB more (the stripper's WebAssembly and the sources' text);
// `--sources` measures that way (and gives CPU profiles with the sources' file names).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the project (git ignores `.bench/`), so the bundle finds better-sqlite3 in node_modules. */
const outDir = `${root}.bench/engine-child/`;

/** ESM bundles may carry CommonJS code that calls require(); this gives them one. */
const requireShim = "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);";

/** Builds bench/servers/engine.ts into `.bench/engine-child/engine.mjs`; returns its URL. */
export async function bundleEngineChild(): Promise<URL> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/servers/engine.ts'],
    outfile: `${outDir}engine.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external: ['better-sqlite3'],
    banner: { js: requireShim },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(`${root}engine/storage/migrations`, `${outDir}migrations`, { recursive: true });
  cpSync(`${root}assets/gallery`, `${outDir}assets/gallery`, { recursive: true });
  return pathToFileURL(`${outDir}engine.mjs`);
}
