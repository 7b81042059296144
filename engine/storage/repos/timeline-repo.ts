import type { Db } from '../database.ts';
import { TimelineData, type TimelineEntryDto, type TimelineKind } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface NewTimelineEntry {
  orderId: string;
  atMs: number;
  data: TimelineData;
  inboxId?: number | null;
  runId?: string | null;
}

interface RawRow {
  id: number;
  order_id: string;
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  inbox_id: number | null;
  run_id: string | null;
}

/**
 * An entry as stored: the kind in its column, the facts in `detail`. Entries written before
 * they were typed keep their English title, and their facts when these still parse.
 */
function toDto(r: RawRow): TimelineEntryDto {
  const detail = parseStored<Record<string, unknown> | null>(r.detail, null) ?? {};
  const parsed = TimelineData.safeParse({ ...detail, kind: r.kind });
  return {
    id: r.id,
    orderId: r.order_id,
    at: r.at,
    kind: r.kind,
    data: parsed.success ? parsed.data : null,
    legacyTitle: r.title === '' ? null : r.title,
    inboxId: r.inbox_id,
    runId: r.run_id,
  };
}

export function createTimelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (order_id, at, at_ms, kind, title, detail, inbox_id, run_id)
    VALUES (?, ?, ?, ?, '', ?, ?, ?)`);
  const forOrder = db.prepare('SELECT * FROM timeline WHERE order_id = ? ORDER BY at_ms, id');
  return {
    /** Appends an entry and answers it as stored (built from what was written, not read back). */
    append(e: NewTimelineEntry): TimelineEntryDto {
      const at = new Date(e.atMs).toISOString();
      const { kind, ...facts } = e.data;
      const info = insert.run(e.orderId, at, e.atMs, kind, JSON.stringify(facts), e.inboxId ?? null, e.runId ?? null);
      return { id: Number(info.lastInsertRowid), orderId: e.orderId, at, kind, data: e.data, legacyTitle: null, inboxId: e.inboxId ?? null, runId: e.runId ?? null };
    },
    forOrder(orderId: string): TimelineEntryDto[] {
      return (forOrder.all(orderId) as RawRow[]).map(toDto);
    },
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;
