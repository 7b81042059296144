import type { Db } from '../database.ts';
import { ConnectionApi, type Platform } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface ConnectionRow {
  id: string;
  platform: Platform;
  storeId: string;
  name: string;
  /** The Flowdesk store this connection belongs to. */
  store: string;
  /** The secrets its adapter checks deliveries with, by name. */
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
  /** Its use of the platform's API (write-back, reconciliation, polling); all off when never set. */
  api: ConnectionApi;
  createdAt: string;
}

interface RawRow {
  id: string;
  platform: Platform;
  store_id: string;
  name: string;
  store: string | null;
  secrets: string;
  settings: string;
  api: string | null;
  created_at: string;
}

function parseApi(text: string | null): ConnectionApi {
  const parsed = ConnectionApi.safeParse(parseStored<unknown>(text ?? '{}', {}));
  return parsed.success ? parsed.data : ConnectionApi.parse({});
}

/** How secrets are kept at rest: sealed on write, opened on read. */
export interface SecretsCodec {
  seal(plain: string): string;
  open(stored: string): string;
  isSealed(stored: string): boolean;
}

const plainCodec: SecretsCodec = { seal: (s) => s, open: (s) => s, isSealed: () => true };

export function createConnectionsRepo(db: Db, codec: SecretsCodec = plainCodec) {
  const toRow = (r: RawRow): ConnectionRow => ({
    id: r.id,
    platform: r.platform,
    storeId: r.store_id,
    name: r.name,
    store: r.store ?? r.name,
    secrets: parseStored<Record<string, string>>(codec.open(r.secrets), {}),
    settings: parseStored<Record<string, unknown>>(r.settings, {}),
    api: parseApi(r.api),
    createdAt: r.created_at,
  });
  const insert = db.prepare(`INSERT INTO connections (id, platform, store_id, name, store, secrets, settings, api, created_at)
    VALUES (@id, @platform, @storeId, @name, @store, @secrets, @settings, @api, @createdAt)`);
  const update = db.prepare('UPDATE connections SET name = @name, store = @store, secrets = @secrets, settings = @settings, api = @api WHERE id = @id');
  const remove = db.prepare('UPDATE connections SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
  const byId = db.prepare('SELECT * FROM connections WHERE id = ? AND removed_at IS NULL');
  const all = db.prepare('SELECT * FROM connections WHERE removed_at IS NULL ORDER BY created_at, id');
  const platformsOfStore = db.prepare('SELECT DISTINCT platform FROM connections WHERE store = ? AND removed_at IS NULL');
  const serialize = (c: ConnectionRow) => ({ ...c, secrets: codec.seal(JSON.stringify(c.secrets)), settings: JSON.stringify(c.settings), api: JSON.stringify(c.api ?? ConnectionApi.parse({})) });
  const allSecrets = db.prepare('SELECT id, secrets FROM connections');
  const setSecrets = db.prepare('UPDATE connections SET secrets = ? WHERE id = ?');
  // Every delivery looks its connection up; one engine owns the file, so a cache that every
  // write here clears stays true.
  const cache = new Map<string, ConnectionRow | undefined>();
  const storePlatforms = new Map<string, Platform[]>();
  const changed = () => {
    cache.clear();
    storePlatforms.clear();
  };
  return {
    insert(c: ConnectionRow): void {
      insert.run(serialize(c));
      changed();
    },
    update(c: ConnectionRow): void {
      update.run(serialize(c));
      changed();
    },
    remove(id: string, now: string): boolean {
      changed();
      return remove.run(now, id).changes === 1;
    },
    get(id: string): ConnectionRow | undefined {
      if (cache.has(id)) return cache.get(id);
      const r = byId.get(id) as RawRow | undefined;
      const row = r && toRow(r);
      if (cache.size > 10_000) cache.clear();
      cache.set(id, row);
      return row;
    },
    list(): ConnectionRow[] {
      return (all.all() as RawRow[]).map(toRow);
    },
    /** Seals secrets written before they were encrypted at rest; returns how many rows changed. */
    sealPlaintext(): number {
      let n = 0;
      for (const r of allSecrets.all() as { id: string; secrets: string }[]) {
        // Opening every sealed row first means a wrong key is refused before anything is written.
        if (codec.isSealed(r.secrets)) {
          codec.open(r.secrets);
          continue;
        }
        setSecrets.run(codec.seal(r.secrets), r.id);
        n++;
      }
      if (n > 0) changed();
      return n;
    },
    /** The platforms a Flowdesk store has a connection for. */
    platformsOf(store: string): Platform[] {
      let platforms = storePlatforms.get(store);
      if (!platforms) {
        platforms = (platformsOfStore.all(store) as { platform: Platform }[]).map((r) => r.platform);
        storePlatforms.set(store, platforms);
      }
      return platforms;
    },
  };
}
export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>;
