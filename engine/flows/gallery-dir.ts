import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled templates are, found from this module as the migrations are
 * (storage/migrate.ts): in the desktop build every engine module is one bundle,
 * dist/electron/engine-entry.js, and scripts/build-electron.ts copies assets/gallery beside it
 * (dist/electron/assets/gallery); from the sources (`flowdesk serve`, tests) it is assets/gallery at the root.
 * Null when neither is there: the engine then offers no templates rather than failing to start.
 */
export function bundledGalleryDir(): string | null {
  const candidates = [new URL('./assets/gallery/', import.meta.url), new URL('../../assets/gallery/', import.meta.url)];
  for (const url of candidates) {
    const dir = fileURLToPath(url);
    if (existsSync(dir)) return dir;
  }
  return null;
}
