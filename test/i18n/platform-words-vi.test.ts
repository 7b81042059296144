import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlatformRegistry } from '../../engine/platforms/registry.ts';

const vi = JSON.parse(readFileSync(new URL('../../renderer/i18n/locales/vi/connections.json', import.meta.url), 'utf8')) as {
  platformWords: Record<string, { storeIdLabel?: string; secrets?: Record<string, string>; setup?: string[] }>;
};

/** Platforms whose setup steps are not translated yet (none). */
const SETUP_IN_ENGLISH = new Set<string>([]);

/**
 * A new connection's words in Vietnamese (renderer/connections/usePlatformWords.ts): the store
 * id's label, each secret's, and the setup steps, which replace the engine's English only when
 * every step is translated (a platform that gains a step shows English until it is).
 */
describe('each platform in Vietnamese', () => {
  for (const adapter of createPlatformRegistry().list()) {
    it(`${adapter.platform}: store id, secrets and setup steps`, () => {
      const words = vi.platformWords[adapter.platform];
      expect(words?.storeIdLabel).toEqual(expect.any(String));
      for (const secret of adapter.secrets) expect(words?.secrets?.[secret.name], secret.name).toEqual(expect.any(String));
      if (!SETUP_IN_ENGLISH.has(adapter.platform)) expect(words?.setup?.length, 'setup steps').toBe(adapter.setup.length);
    });
  }
});
