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

/** A page's bounds and filter, as the repository reads them. */
export interface TimelinePageQuery {
  /** Only these kinds; all when empty. */
  kinds: readonly TimelineKind[];
  /** Entries strictly before this point (`atMs`, then `id`): the oldest entry of the page before. */
  before: { atMs: number; id: number } | null;
  limit: number;
}

/** Raw rows as a page reads them, newest first, with their time for the cursor. */
type PageRow = RawRow & { at_ms: number };

const byNewest = (a: PageRow, b: PageRow) => b.at_ms - a.at_ms || b.id - a.id;
const MAX_CURSOR = { atMs: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };

/** Step node types that message the customer (seeds 000/001): the customer page lists them. */
export const MESSAGE_NODE_PREFIXES = ['email.', 'sms.', 'zalo.', 'messenger.', 'telegram.'] as const;

export function createTimelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (order_id, at, at_ms, kind, title, detail, inbox_id, run_id)
    VALUES (?, ?, ?, ?, '', ?, ?, ?)`);
  const forOrder = db.prepare('SELECT * FROM timeline WHERE order_id = ? ORDER BY at_ms, id');
  // Both walk an index backwards from the cursor and stop after `limit` rows: the whole order is
  // read by neither, however long its timeline (timeline_order: order, time, id, kind; a kind
  // filter reads the kind from the index and the rows of the entries it keeps only).
  const pageAll = db.prepare(`SELECT * FROM timeline WHERE order_id = @orderId AND (at_ms, id) < (@atMs, @id)
    ORDER BY at_ms DESC, id DESC LIMIT @limit`);
  const pageKind = db.prepare(`SELECT * FROM timeline WHERE order_id = @orderId AND kind = @kind AND (at_ms, id) < (@atMs, @id)
    ORDER BY at_ms DESC, id DESC LIMIT @limit`);
  // From timeline_order alone (it ends with the kind): no entry's facts are read to count them.
  const countKinds = db.prepare('SELECT kind, COUNT(*) AS n FROM timeline WHERE order_id = ? GROUP BY kind');
  const messageSteps = db.prepare(`SELECT * FROM timeline WHERE order_id = @orderId AND kind = 'step'
    AND (${MESSAGE_NODE_PREFIXES.map((p) => `json_extract(detail, '$.nodeType') LIKE '${p}%'`).join(' OR ')})
    ORDER BY at_ms DESC, id DESC LIMIT @limit`);
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
    /**
     * The newest `limit` entries of these orders before the cursor, newest first, with one more
     * (to tell whether an older page exists). Each order and kind is read as its own index range
     * of at most `limit + 1` rows and the ranges merged, so a filter on a rare kind does not scan
     * the order's other entries.
     */
    page(orderIds: readonly string[], q: TimelinePageQuery): { entries: TimelineEntryDto[]; last: { atMs: number; id: number } | null; more: boolean } {
      const { atMs, id } = q.before ?? MAX_CURSOR;
      const limit = q.limit + 1;
      const rows: PageRow[] = [];
      for (const orderId of orderIds) {
        if (q.kinds.length === 0) rows.push(...(pageAll.all({ orderId, atMs, id, limit }) as PageRow[]));
        else for (const kind of new Set(q.kinds)) rows.push(...(pageKind.all({ orderId, kind, atMs, id, limit }) as PageRow[]));
      }
      rows.sort(byNewest);
      const more = rows.length > q.limit;
      const kept = rows.slice(0, q.limit);
      const oldest = kept.at(-1);
      return { entries: kept.map(toDto), last: oldest ? { atMs: oldest.at_ms, id: oldest.id } : null, more };
    },
    /** How many entries of each kind these orders' timelines hold. */
    counts(orderIds: readonly string[]): Partial<Record<TimelineKind, number>> {
      const out: Partial<Record<TimelineKind, number>> = {};
      for (const orderId of orderIds) {
        for (const r of countKinds.all(orderId) as { kind: TimelineKind; n: number }[]) out[r.kind] = (out[r.kind] ?? 0) + r.n;
      }
      return out;
    },
    /** The newest message steps (email, SMS, Zalo, Messenger, Telegram) of these orders, newest first. */
    messageSteps(orderIds: readonly string[], limit: number): TimelineEntryDto[] {
      const rows = orderIds.flatMap((orderId) => messageSteps.all({ orderId, limit }) as PageRow[]);
      return rows.sort(byNewest).slice(0, limit).map(toDto);
    },
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;
