import type { Db } from '../database.ts';
import { parseStored } from '../../shared/json.ts';
import type { SecretsCodec } from './connections-repo.ts';

export interface AccountRow {
  id: string;
  connector: string;
  name: string;
  /** Every credential, secrets included, opened: never to leave the engine as is. */
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
  lastTest: unknown;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  id: string;
  connector: string;
  name: string;
  credentials: string;
  settings: string;
  last_test: string | null;
  created_at: string;
  updated_at: string;
}

const plainCodec: SecretsCodec = { seal: (s) => s, open: (s) => s, isSealed: () => true };

/** Connector accounts; credentials sealed on write and opened on read, as connection secrets are. */
export function createAccountsRepo(db: Db, codec: SecretsCodec = plainCodec) {
  const toRow = (r: RawRow): AccountRow => ({
    id: r.id,
    connector: r.connector,
    name: r.name,
    credentials: parseStored<Record<string, unknown>>(codec.open(r.credentials), {}),
    settings: parseStored<Record<string, unknown>>(r.settings, {}),
    lastTest: parseStored<unknown>(r.last_test, null),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const serialize = (a: AccountRow) => ({
    id: a.id,
    connector: a.connector,
    name: a.name,
    credentials: codec.seal(JSON.stringify(a.credentials)),
    settings: JSON.stringify(a.settings),
    lastTest: a.lastTest === null || a.lastTest === undefined ? null : JSON.stringify(a.lastTest),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });
  const insert = db.prepare(`INSERT INTO connector_accounts (id, connector, name, credentials, settings, last_test, created_at, updated_at)
    VALUES (@id, @connector, @name, @credentials, @settings, @lastTest, @createdAt, @updatedAt)`);
  const update = db.prepare(`UPDATE connector_accounts SET name = @name, credentials = @credentials, settings = @settings,
    last_test = @lastTest, updated_at = @updatedAt WHERE id = @id`);
  const setTest = db.prepare('UPDATE connector_accounts SET last_test = ? WHERE id = ?');
  const setCredentials = db.prepare('UPDATE connector_accounts SET credentials = ? WHERE id = ?');
  const sealedById = db.prepare('SELECT credentials FROM connector_accounts WHERE id = ?');
  // Read, merge and write in one transaction: a second writer cannot slip between and be lost.
  const merge = db.transaction((id: string, patch: Record<string, unknown>): boolean => {
    const r = sealedById.get(id) as { credentials: string } | undefined;
    if (!r) return false;
    const credentials = { ...parseStored<Record<string, unknown>>(codec.open(r.credentials), {}), ...patch };
    setCredentials.run(codec.seal(JSON.stringify(credentials)), id);
    return true;
  });
  const remove = db.prepare('DELETE FROM connector_accounts WHERE id = ?');
  const byId = db.prepare('SELECT * FROM connector_accounts WHERE id = ?');
  const all = db.prepare('SELECT * FROM connector_accounts WHERE (@connector IS NULL OR connector = @connector) ORDER BY created_at, id');
  return {
    insert(a: AccountRow): void {
      insert.run(serialize(a));
    },
    update(a: AccountRow): void {
      update.run(serialize(a));
    },
    setLastTest(id: string, test: unknown): void {
      setTest.run(JSON.stringify(test), id);
    },
    /**
     * Merges `patch` into the stored credentials, sealed again: a token the provider renewed
     * (Zalo's single-use refresh token). Not an edit by the user, so `updated_at` and the last
     * test stay. False when the account is gone.
     */
    mergeCredentials(id: string, patch: Record<string, unknown>): boolean {
      return merge(id, patch);
    },
    remove(id: string): boolean {
      return remove.run(id).changes === 1;
    },
    get(id: string): AccountRow | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRow(r);
    },
    list(connector?: string): AccountRow[] {
      return (all.all({ connector: connector ?? null }) as RawRow[]).map(toRow);
    },
  };
}
export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
