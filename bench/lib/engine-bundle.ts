// The engine children run the engine as the desktop app ships it: bundled by esbuild into one
// ES module (scripts/build-electron.ts's bundleEngine, as for dist/electron/engine-entry.js), with
// the SQL migrations and the template gallery beside it. From the .ts sources through Node's type
// stripping the same engine holds ~19 MB more (the stripper's WebAssembly and the sources' text);
// `--sources` measures that way (and gives CPU profiles with the sources' file names).
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleEngine } from '../../scripts/build-electron.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the project (git ignores `.bench/`), so the bundle finds better-sqlite3 in node_modules. */
const outDir = `${root}.bench/engine-child/`;

/** Builds bench/servers/engine.ts into `.bench/engine-child/engine.mjs`; returns its URL. */
export async function bundleEngineChild(): Promise<URL> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundleEngine('bench/servers/engine.ts', `${outDir}engine.mjs`, 'node24');
  return pathToFileURL(`${outDir}engine.mjs`);
}
