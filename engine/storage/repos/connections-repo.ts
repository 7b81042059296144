import type { Db } from '../database.ts';
import type { Platform } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

/** The secrets a connection's adapter checks deliveries with. */
export type ConnectionSecrets = Record<string, string>;

export interface ConnectionRow {
  id: string;
  platform: Platform;
  storeId: string;
  name: string;
  secrets: ConnectionSecrets;
  createdAt: string;
}

interface RawRow {
  id: string;
  platform: Platform;
  store_id: string;
  name: string;
  secrets: string;
  created_at: string;
}

const toRow = (r: RawRow): ConnectionRow => ({
  id: r.id,
  platform: r.platform,
  storeId: r.store_id,
  name: r.name,
  secrets: parseStored<ConnectionSecrets>(r.secrets, {}),
  createdAt: r.created_at,
});

export function createConnectionsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO connections (id, platform, store_id, name, secrets, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare('SELECT * FROM connections WHERE id = ? AND removed_at IS NULL');
  const all = db.prepare('SELECT * FROM connections WHERE removed_at IS NULL ORDER BY created_at, id');
  return {
    insert(c: ConnectionRow): void {
      insert.run(c.id, c.platform, c.storeId, c.name, JSON.stringify(c.secrets), c.createdAt);
    },
    get(id: string): ConnectionRow | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRow(r);
    },
    list(): ConnectionRow[] {
      return (all.all() as RawRow[]).map(toRow);
    },
  };
}
export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>;
