import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../../engine/create-engine.ts';
import { silentLogger } from '../../engine/shared/logger.ts';

export interface TempEngine {
  engine: Engine;
  dataDir: string;
  apiUrl: string;
  webhookBaseUrl: string;
  /** Stops this engine and starts a new one on the same data dir. */
  restart(overrides?: Partial<EngineOptions>): Promise<TempEngine>;
  close(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowdesk-test-'));
}

/** A real engine on a temp data dir, listening on free ports, quiet. */
export async function startTempEngine(overrides: Partial<EngineOptions> = {}, dataDir = makeDataDir()): Promise<TempEngine> {
  const engine = createEngine({
    dataDir,
    webhookPort: 0,
    apiPort: 0,
    logger: silentLogger,
    queue: { retryBaseMs: 20, retryMaxMs: 100 },
    maintenanceEveryMs: 0,
    ...overrides,
  });
  const { apiUrl, webhookBaseUrl } = await engine.start();
  const self: TempEngine = {
    engine,
    dataDir,
    apiUrl,
    webhookBaseUrl,
    async restart(next = {}) {
      await engine.stop();
      return startTempEngine({ ...overrides, ...next }, dataDir);
    },
    async close() {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
