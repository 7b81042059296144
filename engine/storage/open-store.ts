import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './database.ts';
import type { UpgradeListener } from './migrate.ts';
import { createRepositories, type Repositories } from './repositories.ts';
import { applyPendingRestore } from './backup.ts';
import { dataFiles } from './data-dir.ts';
import { createSecretBox, loadOrCreateKeyFile } from './secret-box.ts';

export interface OpenedStore {
  db: Db;
  repos: Repositories;
  /** Connections whose secrets were stored before encryption at rest, now sealed. */
  sealed: number;
  /** A restore scheduled by the last run, applied now. */
  restored: ReturnType<typeof applyPendingRestore>;
}

/**
 * The data dir's database, opened: a pending restore applied first, migrations run, secrets
 * sealed with the data dir's key. A data dir that already has a key file keeps it (so
 * `flowdesk serve` and the desktop app can share one); otherwise the host's key, else a new key
 * file. Nothing is left open when it throws.
 */
export function openStore(dataDir: string, o: { nowMs: number; synchronous: 'normal' | 'full'; secretKey?: Buffer | undefined; onUpgrade?: UpgradeListener }): OpenedStore {
  const dbFile = join(dataDir, dataFiles.database);
  const restored = applyPendingRestore(dataDir, dbFile, join(dataDir, dataFiles.backups), o.nowMs);
  const db = openDatabase(dbFile, { synchronous: o.synchronous, onUpgrade: o.onUpgrade });
  try {
    const keyFile = join(dataDir, dataFiles.secretKey);
    const key = !existsSync(keyFile) && o.secretKey ? o.secretKey : loadOrCreateKeyFile(keyFile);
    const repos = createRepositories(db, createSecretBox(key));
    return { db, repos, sealed: repos.connections.sealPlaintext(), restored };
  } catch (error) {
    db.close();
    throw error;
  }
}
