import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { loadMigrations, migrate, type AppliedMigration } from './migrate.ts';

describe('storage', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const d = mkdtempSync(join(tmpdir(), 'flowdesk-db-'));
    dirs.push(d);
    return join(d, 'flowdesk.db');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('opens in WAL mode with every numbered migration applied once', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[];
    expect(applied.map((m) => m.id)).toEqual(loadMigrations().map((m) => m.id));
    db.close();
  });

  it('says when it upgrades a database an earlier version made, and how long each step took; not when it creates one', () => {
    const calls: { starting: string[][]; finished: AppliedMigration[][] } = { starting: [], finished: [] };
    const listener = { starting: (p: string[]) => calls.starting.push(p), finished: (a: AppliedMigration[]) => calls.finished.push(a) };
    const fresh = tempFile();
    openDatabase(fresh, { onUpgrade: listener }).close();
    expect(calls.starting).toEqual([]);

    const all = loadMigrations();
    const older = tempFile();
    const raw = new Database(older);
    migrate(raw, all.slice(0, all.length - 2));
    raw.close();
    openDatabase(older, { onUpgrade: listener }).close();
    const lastTwo = all.slice(-2).map((m) => m.name);
    expect(calls.starting).toEqual([lastTwo]);
    expect(calls.finished).toHaveLength(1);
    expect(calls.finished[0]!.map((m) => m.name)).toEqual(lastTwo);
    for (const m of calls.finished[0]!) expect(m.ms).toBeGreaterThanOrEqual(0);

    openDatabase(older, { onUpgrade: listener }).close();
    expect(calls.starting).toHaveLength(1);
  });

  it('refuses a database written by a newer Flowdesk instead of guessing', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (9999, '9999-from-the-future.sql', 'x')").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Flowdesk.*9999-from-the-future/);
  });
});
