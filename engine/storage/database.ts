import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, type UpgradeListener } from './migrate.ts';

export type Db = Database.Database;


export interface OpenDatabaseOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives a process crash. */
  synchronous?: 'normal' | 'full';
  /** Told when this open upgrades a database an earlier Flowdesk made. */
  onUpgrade?: UpgradeListener;
}

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Incremental vacuum lets maintenance give freed pages back to the disk. It must be chosen
    // before the first table; a database made without it is converted once (VACUUM).
    if ((db.pragma('auto_vacuum', { simple: true }) as number) !== 2) {
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
    }
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A 4 MB page cache, not better-sqlite3's 16 MB: the OS caches the file anyway, and with
    // 1,000,000 deliveries stored the engine's RSS after ingest was 214 MB with 16 MB, 198 with 4,
    // reads (orders.get p99 2.7 → 3.0 ms) and ingest (2,003 → 2,126 req/s) within the noise.
    db.pragma('cache_size = -4000');
    migrate(db, undefined, options.onUpgrade);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
