import Database from 'better-sqlite3';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The least a webhook receiver can do durably: one SQLite file in WAL mode with the engine's
 * default `synchronous = NORMAL`, one INSERT of the raw request per delivery (autocommit).
 */
export function openBareStore(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS inbox (
    id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, path TEXT NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL)`);
  const insert = db.prepare('INSERT INTO inbox (received_at, path, headers, body) VALUES (?, ?, ?, ?)');
  return {
    insert(path: string, headers: IncomingHttpHeaders, body: Buffer): number {
      return Number(insert.run(new Date().toISOString(), path, JSON.stringify(headers), body).lastInsertRowid);
    },
    close(): void {
      db.close();
    },
  };
}

/** Reads the whole body as bytes (no size limit: the bench sends what it sends). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
