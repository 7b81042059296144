import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';

const migrationsDir = new URL('./migrations/', import.meta.url);

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ id: Number(name.slice(0, 4)), name, sql: readFileSync(new URL(name, migrationsDir), 'utf8') }));
}

/**
 * The SQL functions the schema's triggers and migrations call, on this connection (SQLite keeps
 * them per connection; every connection that writes is opened by openDatabase, which migrates).
 * tag_key: a tag as compared, case folded as everywhere else (domain/tags.ts): SQLite's own
 * lower() folds ASCII letters only.
 */
function registerSqlFunctions(db: Database.Database): void {
  db.function('tag_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}

/** A migration this open applied, and how long it took. */
export interface AppliedMigration {
  name: string;
  ms: number;
}

/**
 * Told when opening upgrades a database made by an earlier Flowdesk (not when it creates one):
 * a migration that moves every stored delivery can take seconds, once, and says so.
 */
export interface UpgradeListener {
  starting(pending: string[]): void;
  finished(applied: AppliedMigration[]): void;
}

/**
 * Applies pending numbered migrations in order, each in its own transaction, and records
 * them. A database that has migrations this build does not know (made by a newer Flowdesk)
 * is refused rather than guessed at.
 */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations(), upgrade?: UpgradeListener): void {
  registerSqlFunctions(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as { id: number; name: string }[];
  const known = new Set(migrations.map((m) => m.id));
  const unknown = applied.filter((m) => !known.has(m.id));
  if (unknown.length > 0) {
    throw new Error(
      `this data was written by a newer Flowdesk (unknown migrations: ${unknown.map((m) => m.name).join(', ')}); upgrade Flowdesk to open it`,
    );
  }
  const done = new Set(applied.map((m) => m.id));
  const pending = migrations.filter((m) => !done.has(m.id));
  const upgrading = applied.length > 0 && pending.length > 0 ? upgrade : undefined;
  upgrading?.starting(pending.map((m) => m.name));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const report: AppliedMigration[] = [];
  for (const m of pending) {
    const t0 = performance.now();
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    })();
    report.push({ name: m.name, ms: performance.now() - t0 });
  }
  upgrading?.finished(report);
}
