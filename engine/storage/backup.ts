import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupDto } from '../contract/index.ts';
import type { Db } from './database.ts';
import { loadMigrations } from './migrate.ts';

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
const PENDING = 'restore-pending.json';

function toDto(dir: string, file: string): BackupDto {
  const st = statSync(join(dir, file));
  return { file, path: join(dir, file), bytes: st.size, createdAt: st.mtime.toISOString() };
}

export function listBackups(dir: string): BackupDto[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.db'))
    .map((f) => toDto(dir, f))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** An online backup with SQLite's backup API: consistent while webhooks keep arriving. */
export async function createBackup(db: Db, dir: string, nowMs: number, prefix = 'flowdesk'): Promise<BackupDto> {
  mkdirSync(dir, { recursive: true });
  let file = `${prefix}-${stamp(nowMs)}.db`;
  for (let i = 2; existsSync(join(dir, file)); i++) file = `${prefix}-${stamp(nowMs)}-${i}.db`;
  await db.backup(join(dir, file));
  return toDto(dir, file);
}

/** Checks a file is a Flowdesk database this version can open; the reason otherwise. */
export function checkBackup(path: string): string | null {
  if (!existsSync(path)) return `no backup at ${path}`;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') return `${basename(path)} is damaged: ${String(ok)}`;
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!table) return `${basename(path)} is not a Flowdesk database`;
    const known = new Set(loadMigrations().map((m) => m.id));
    const newer = (db.prepare('SELECT id, name FROM schema_migrations').all() as { id: number; name: string }[]).filter((m) => !known.has(m.id));
    if (newer.length > 0) return `${basename(path)} was written by a newer Flowdesk (${newer.map((m) => m.name).join(', ')})`;
    return null;
  } catch (error) {
    return `${basename(path)} cannot be read as a database: ${(error as Error).message}`;
  } finally {
    db?.close();
  }
}

/** The backup a name or path means: a bare name is looked up in the backups folder. */
export function resolveBackup(backupsDir: string, file: string): string {
  return isAbsolute(file) ? file : join(backupsDir, basename(file));
}

/** Marks a checked backup to replace the database at the next start. */
export function scheduleRestore(dataDir: string, path: string): void {
  writeFileSync(join(dataDir, PENDING), JSON.stringify({ path }), { mode: 0o600 });
}

/**
 * At start, before the database opens: puts a scheduled backup in its place, keeping the
 * current database in the backups folder. Returns what was done, or null.
 */
export function applyPendingRestore(dataDir: string, dbFile: string, backupsDir: string, nowMs: number): { restoredFrom: string; savedCurrentAs: string } | null {
  const marker = join(dataDir, PENDING);
  if (!existsSync(marker)) return null;
  const { path } = JSON.parse(readFileSync(marker, 'utf8')) as { path: string };
  const problem = checkBackup(path);
  if (problem) {
    rmSync(marker, { force: true });
    throw new Error(`the restore scheduled from ${path} was not done: ${problem}`);
  }
  mkdirSync(backupsDir, { recursive: true });
  const saved = join(backupsDir, `before-restore-${stamp(nowMs)}.db`);
  if (existsSync(dbFile)) {
    // The WAL holds committed pages not yet in the file: fold them in before keeping it.
    const current = new Database(dbFile);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    renameSync(dbFile, saved);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  copyFileSync(path, dbFile);
  rmSync(marker, { force: true });
  return { restoredFrom: path, savedCurrentAs: saved };
}
