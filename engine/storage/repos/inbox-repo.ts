import type { Db } from '../database.ts';
import type { DeliveryFilter, DeliverySource, InboxEntryDto, InboxProcessing, InboxVerdict, Platform } from '../../contract/index.ts';
import { inboxSummaryDto as toDto, searchInbox, type InboxSummaryRow } from './inbox-search.ts';
import { parseStored } from '../../shared/json.ts';

export interface NewInboxEntry {
  receivedAt: string;
  connectionId: string | null;
  platform: Platform | null;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  bodySize: number;
  topic: string | null;
  deliveryKey: string | null;
  resourceVersion: string | null;
  verdict: InboxVerdict;
  reason: string | null;
  duplicateOf: number | null;
  httpStatus: number;
  processing: InboxProcessing;
  /** Absent for a webhook. */
  source?: Exclude<DeliverySource, 'webhook'>;
}

export interface InboxRecord extends InboxEntryDto {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  resourceVersion: string | null;
  bodyPrunedAt: string | null;
}

/** A whole inbox row: the summary's columns and the request as it came. */
interface RawRow extends InboxSummaryRow {
  method: string;
  path: string;
  headers: string;
  resource_version: string | null;
  body_pruned_at?: string | null;
}

const summaryColumns = `id, received_at, connection_id, platform, body_size, topic, delivery_key, verdict, reason,
  duplicate_of, http_status, processing, outcome, order_id, source`;


export function createInboxRepo(db: Db) {
  const insertSql = `INSERT INTO inbox (received_at, connection_id, platform, method, path, headers,
    body_size, topic, delivery_key, resource_version, verdict, reason, duplicate_of, http_status, processing, source)
    VALUES (@receivedAt, @connectionId, @platform, @method, @path, @headers, @bodySize, @topic, @deliveryKey,
    @resourceVersion, @verdict, @reason, @duplicateOf, @httpStatus, @processing, @source)`;
  const insertRow = db.prepare(insertSql);
  // The bytes apart, written once: marking the delivery processed rewrites only its small row (0026).
  const insertBody = db.prepare('INSERT INTO inbox_bodies (inbox_id, body) VALUES (?, ?)');
  const params = (e: NewInboxEntry) => ({ ...e, headers: JSON.stringify(e.headers), source: e.source ?? null });
  // The live copy of a delivery (accepted, not dead, not marked a copy) is unique by its key: see 0024.
  const live = "verdict = 'accepted' AND processing <> 'dead' AND duplicate_of IS NULL";
  const insertUnlessStored = db.prepare(`${insertSql} ON CONFLICT (connection_id, delivery_key) WHERE ${live} DO NOTHING`);
  const acceptedByKey = db.prepare(`SELECT id FROM inbox WHERE connection_id = ? AND delivery_key = ? AND ${live}`);
  const byId = db.prepare('SELECT * FROM inbox WHERE id = ?');
  // Its own statement, not a join: a LEFT JOIN reading the blob measured 48 µs a delivery, the two look-ups 14.
  const bodyById = db.prepare('SELECT body FROM inbox_bodies WHERE inbox_id = ?').pluck();
  /** The row, then its bytes (if it has any), in one transaction: the caller's, or its own. */
  const write = (statement: typeof insertRow, e: NewInboxEntry): number | null => {
    const store = () => {
      const info = statement.run(params(e));
      if (info.changes === 0) return null;
      const id = Number(info.lastInsertRowid);
      if (e.body !== null) insertBody.run(id, e.body);
      return id;
    };
    return db.inTransaction ? store() : db.transaction(store)();
  };
  const summaryById = db.prepare(`SELECT ${summaryColumns} FROM inbox WHERE id = ?`);
  const setProcessing = db.prepare('UPDATE inbox SET processing = ?, outcome = ?, order_id = COALESCE(?, order_id) WHERE id = ?');
  const list = db.prepare(`SELECT ${summaryColumns} FROM inbox
    WHERE (@connectionId IS NULL OR connection_id = @connectionId)
      AND (@verdict IS NULL OR verdict = @verdict)
      AND (@beforeId IS NULL OR id < @beforeId)
    ORDER BY id DESC LIMIT @limit`);

  return {
    insert(e: NewInboxEntry): number {
      return write(insertRow, e)!;
    },
    /**
     * An accepted delivery with a key, unless its live copy is already stored (then null, and
     * nothing is written): the unique index decides, in the insert itself.
     */
    insertAccepted(e: NewInboxEntry & { verdict: 'accepted'; connectionId: string; deliveryKey: string }): number | null {
      return write(insertUnlessStored, e);
    },
    findAccepted(connectionId: string, deliveryKey: string): number | undefined {
      const r = acceptedByKey.get(connectionId, deliveryKey) as { id: number } | undefined;
      return r?.id;
    },
    get(id: number): InboxRecord | undefined {
      const r = byId.get(id) as RawRow | undefined;
      if (!r) return undefined;
      return {
        ...toDto(r),
        method: r.method,
        path: r.path,
        headers: parseStored<Record<string, string>>(r.headers, {}),
        body: (bodyById.get(id) as Buffer | undefined) ?? null,
        resourceVersion: r.resource_version,
        bodyPrunedAt: r.body_pruned_at ?? null,
      };
    },
    summary(id: number): InboxEntryDto | undefined {
      const r = summaryById.get(id) as RawRow | undefined;
      return r && toDto(r);
    },
    setProcessing(id: number, processing: InboxProcessing, outcome: string | null, orderId: string | null = null): void {
      setProcessing.run(processing, outcome, orderId, id);
    },
    list(f: { connectionId?: string | undefined; verdict?: InboxVerdict | undefined; beforeId?: number | undefined; limit: number }): InboxEntryDto[] {
      const rows = list.all({
        connectionId: f.connectionId ?? null,
        verdict: f.verdict ?? null,
        beforeId: f.beforeId ?? null,
        limit: f.limit,
      }) as RawRow[];
      return rows.map(toDto);
    },
    /** The Inbox screen's filters and search, newest first (inbox-search.ts). */
    search(filter: DeliveryFilter, limit: number, beforeId?: number): InboxEntryDto[] {
      return searchInbox(db, filter, limit, beforeId);
    },
  };
}
export type InboxRepo = ReturnType<typeof createInboxRepo>;
