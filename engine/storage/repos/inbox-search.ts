import type { Db } from '../database.ts';
import type { DeliveryFilter, DeliverySource, InboxEntryDto, InboxProcessing, InboxVerdict, Platform } from '../../contract/index.ts';

/** The columns of an inbox row a summary reads (the list, the search). */
export interface InboxSummaryRow {
  id: number;
  received_at: string;
  connection_id: string | null;
  platform: Platform | null;
  body_size: number;
  topic: string | null;
  delivery_key: string | null;
  verdict: InboxVerdict;
  reason: string | null;
  duplicate_of: number | null;
  http_status: number;
  processing: InboxProcessing;
  outcome: string | null;
  order_id: string | null;
  source: Exclude<DeliverySource, 'webhook'> | null;
}

export const inboxSummaryDto = (r: InboxSummaryRow): InboxEntryDto => ({
  id: r.id,
  receivedAt: r.received_at,
  connectionId: r.connection_id,
  platform: r.platform,
  topic: r.topic,
  deliveryKey: r.delivery_key,
  verdict: r.verdict,
  reason: r.reason,
  duplicateOf: r.duplicate_of,
  httpStatus: r.http_status,
  bodySize: r.body_size,
  processing: r.processing,
  outcome: r.outcome,
  orderId: r.order_id,
  source: r.source ?? 'webhook',
});

/** `%` and `_` typed by a user are letters, not wildcards. */
const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A filter's instant as stored (received_at is ISO in UTC): a time with an offset compares right. */
const utc = (when: string | undefined) => (when === undefined ? null : new Date(when).toISOString());

const statements = new WeakMap<Db, ReturnType<Db['prepare']>>();

/**
 * The deliveries a filter finds, newest first, `limit` at most, older than `beforeId` (the next
 * page): the one query behind the Inbox screen, the export and the bulk replay. Free text is
 * matched against the topic, the delivery key, the reason, the outcome and the order number.
 */
export function searchInbox(db: Db, filter: DeliveryFilter, limit: number, beforeId?: number): InboxEntryDto[] {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare(`SELECT i.id, i.received_at, i.connection_id, i.platform, i.body_size, i.topic, i.delivery_key,
        i.verdict, i.reason, i.duplicate_of, i.http_status, i.processing, i.outcome, i.order_id, i.source
      FROM inbox i LEFT JOIN orders o ON o.id = i.order_id
      WHERE (@connectionId IS NULL OR i.connection_id = @connectionId)
        AND (@platform IS NULL OR i.platform = @platform)
        AND (@topic IS NULL OR i.topic = @topic)
        AND (@verdict IS NULL OR i.verdict = @verdict)
        AND (@duplicate IS NULL OR (i.duplicate_of IS NOT NULL) = @duplicate)
        AND (@since IS NULL OR i.received_at >= @since)
        AND (@until IS NULL OR i.received_at < @until)
        AND (@beforeId IS NULL OR i.id < @beforeId)
        AND (@like IS NULL OR i.topic LIKE @like ESCAPE '\\' OR i.delivery_key LIKE @like ESCAPE '\\' OR i.reason LIKE @like ESCAPE '\\'
          OR i.outcome LIKE @like ESCAPE '\\' OR o.number LIKE @like ESCAPE '\\')
      ORDER BY i.id DESC LIMIT @limit`);
    statements.set(db, statement);
  }
  const query = filter.query?.trim();
  const rows = statement.all({
    connectionId: filter.connectionId ?? null,
    platform: filter.platform ?? null,
    topic: filter.topic ?? null,
    verdict: filter.verdict ?? null,
    duplicate: filter.duplicate === undefined ? null : filter.duplicate ? 1 : 0,
    since: utc(filter.since),
    until: utc(filter.until),
    beforeId: beforeId ?? null,
    like: query ? likeOf(query) : null,
    limit,
  }) as InboxSummaryRow[];
  return rows.map(inboxSummaryDto);
}
