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
  const insertVersion = db.prepare('INSERT INTO flow_versions (flow_id, version, document, created_at) VALUES (?, ?, ?, ?)');
  const bumpLatest = db.prepare('UPDATE flows SET latest_version = ?, name = ?, updated_at = ? WHERE id = ?');
  const setActive = db.prepare('UPDATE flows SET active_version = ?, updated_at = ? WHERE id = ?');
  const version = db.prepare('SELECT document FROM flow_versions WHERE flow_id = ? AND version = ?');
  const softDelete = db.prepare('UPDATE flows SET deleted_at = ?, active_version = NULL WHERE id = ?');

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
    addVersion(id: string, versionNo: number, doc: FlowDocument, now: string): void {
      insertVersion.run(id, versionNo, JSON.stringify(doc), now);
      bumpLatest.run(versionNo, doc.name, now, id);
    },
    getVersion(id: string, versionNo: number): FlowDocument | undefined {
      const r = version.get(id, versionNo) as { document: string } | undefined;
      return r && parseStored<FlowDocument>(r.document, { name: '', nodes: [], edges: [] });
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
