import type { Db } from '../database.ts';
import type { FlowDocument } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface FlowRecord {
  id: string;
  name: string;
  latestVersion: number;
  activeVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRecord {
  version: number;
  hash: string | null;
  createdAt: string;
  nodes: number;
  runs: number;
}

interface RawRow {
  id: string;
  name: string;
  latest_version: number;
  active_version: number | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: RawRow): FlowRecord => ({
  id: r.id,
  name: r.name,
  latestVersion: r.latest_version,
  activeVersion: r.active_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createFlowsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM flows WHERE id = ? AND deleted_at IS NULL');
  const all = db.prepare('SELECT * FROM flows WHERE deleted_at IS NULL ORDER BY created_at, id');
  const active = db.prepare(`SELECT f.id, f.name, v.version, v.document FROM flows f
    JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.active_version
    WHERE f.deleted_at IS NULL AND f.active_version IS NOT NULL`);
  const insertFlow = db.prepare(
    'INSERT INTO flows (id, name, latest_version, active_version, created_at, updated_at) VALUES (?, ?, 0, NULL, ?, ?)',
  );
  const insertVersion = db.prepare('INSERT INTO flow_versions (flow_id, version, document, created_at, hash) VALUES (?, ?, ?, ?, ?)');
  const bumpLatest = db.prepare('UPDATE flows SET latest_version = ?, name = ?, updated_at = ? WHERE id = ?');
  const setActive = db.prepare('UPDATE flows SET active_version = ?, updated_at = ? WHERE id = ?');
  const version = db.prepare('SELECT document FROM flow_versions WHERE flow_id = ? AND version = ?');
  const softDelete = db.prepare('UPDATE flows SET deleted_at = ?, active_version = NULL WHERE id = ?');
  const versionHash = db.prepare('SELECT hash FROM flow_versions WHERE flow_id = ? AND version = ?');
  const setHash = db.prepare('UPDATE flow_versions SET hash = ? WHERE flow_id = ? AND version = ? AND hash IS NULL');
  const unhashed = db.prepare('SELECT version, document FROM flow_versions WHERE flow_id = ? AND hash IS NULL');
  // Step counts come from the stored JSON and run counts from one grouped scan of the flow's
  // runs (runs_flow index): the history is read when the panel opens, not per run.
  const history = db.prepare(`SELECT v.version, v.hash, v.created_at, json_array_length(v.document, '$.nodes') AS nodes,
      COALESCE(r.runs, 0) AS runs
    FROM flow_versions v
    LEFT JOIN (SELECT flow_version, COUNT(*) AS runs FROM runs WHERE flow_id = ? GROUP BY flow_version) r ON r.flow_version = v.version
    WHERE v.flow_id = ? ORDER BY v.version DESC`);

  return {
    get(id: string): FlowRecord | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toRecord(r);
    },
    list(): FlowRecord[] {
      return (all.all() as RawRow[]).map(toRecord);
    },
    create(id: string, name: string, now: string): void {
      insertFlow.run(id, name, now, now);
    },
    addVersion(id: string, versionNo: number, doc: FlowDocument, now: string, hash: string): void {
      insertVersion.run(id, versionNo, JSON.stringify(doc), now, hash);
      bumpLatest.run(versionNo, doc.name, now, id);
    },
    getVersion(id: string, versionNo: number): FlowDocument | undefined {
      const r = version.get(id, versionNo) as { document: string } | undefined;
      return r && parseStored<FlowDocument>(r.document, { name: '', nodes: [], edges: [] });
    },
    /** A version's content hash; null for one saved before hashes were kept and not yet hashed. */
    getHash(id: string, versionNo: number): string | null | undefined {
      return (versionHash.get(id, versionNo) as { hash: string | null } | undefined)?.hash;
    },
    /** The versions without a hash yet, for the engine to hash (SQLite has no sha256). */
    unhashed(id: string): { version: number; document: FlowDocument }[] {
      return (unhashed.all(id) as { version: number; document: string }[]).map((r) => ({
        version: r.version,
        document: parseStored<FlowDocument>(r.document, { name: '', nodes: [], edges: [] }),
      }));
    },
    /** Fills in a missing hash; a hash once written is never changed. */
    setHash(id: string, versionNo: number, hash: string): void {
      setHash.run(hash, id, versionNo);
    },
    /** Every version, newest first, with its step and run counts. */
    history(id: string): VersionRecord[] {
      return (history.all(id, id) as { version: number; hash: string | null; created_at: string; nodes: number | null; runs: number }[]).map((r) => ({
        version: r.version,
        hash: r.hash,
        createdAt: r.created_at,
        nodes: r.nodes ?? 0,
        runs: r.runs,
      }));
    },
    setActive(id: string, versionNo: number | null, now: string): void {
      setActive.run(versionNo, now, id);
    },
    delete(id: string, now: string): void {
      softDelete.run(now, id);
    },
    listActive(): { id: string; name: string; version: number; document: FlowDocument }[] {
      return (active.all() as { id: string; name: string; version: number; document: string }[]).map((r) => ({
        id: r.id,
        name: r.name,
        version: r.version,
        document: parseStored<FlowDocument>(r.document, { name: r.name, nodes: [], edges: [] }),
      }));
    },
  };
}
export type FlowsRepo = ReturnType<typeof createFlowsRepo>;
