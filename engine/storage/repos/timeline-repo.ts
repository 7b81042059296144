import type { Db } from '../database.ts';
import type { TimelineEntryDto, TimelineKind } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

export interface NewTimelineEntry {
  orderId: string;
  atMs: number;
  kind: TimelineKind;
  title: string;
  detail?: Record<string, unknown> | null;
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

const toDto = (r: RawRow): TimelineEntryDto => ({
  id: r.id,
  orderId: r.order_id,
  at: r.at,
  kind: r.kind,
  title: r.title,
  detail: parseStored<Record<string, unknown> | null>(r.detail, null),
  inboxId: r.inbox_id,
  runId: r.run_id,
});

export function createTimelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (order_id, at, at_ms, kind, title, detail, inbox_id, run_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`);
  const forOrder = db.prepare('SELECT * FROM timeline WHERE order_id = ? ORDER BY at_ms, id');
  return {
    append(e: NewTimelineEntry): TimelineEntryDto {
      const r = insert.get(
        e.orderId,
        new Date(e.atMs).toISOString(),
        e.atMs,
        e.kind,
        e.title,
        e.detail ? JSON.stringify(e.detail) : null,
        e.inboxId ?? null,
        e.runId ?? null,
      ) as RawRow;
      return toDto(r);
    },
    forOrder(orderId: string): TimelineEntryDto[] {
      return (forOrder.all(orderId) as RawRow[]).map(toDto);
    },
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;
