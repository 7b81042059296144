// One real order's rows, as an engine wrote them, turned into templates that can be written
// again for another order: ids, emails, numbers and delivery ids swapped, references kept.
import type { Db } from '../../engine/storage/database.ts';

type Row = Record<string, unknown>;

/** A value: fixed, text/bytes with holes, a Flowdesk time (moved with the order), or a reference to a row written earlier for the same order. */
export type Cell =
  | { kind: 'const'; value: unknown }
  | { kind: 'iso'; ms: number }
  | { kind: 'ms'; ms: number }
  | { kind: 'text'; parts: string[]; keys: string[]; blob: boolean }
  | { kind: 'inbox' }
  | { kind: 'event'; templateId: number };

export interface RowTemplate {
  table: string;
  columns: string[];
  cells: Cell[];
  /** The row's own time (received, created, at…) in the template, in ms: what retention looks at. */
  timeMs: number;
  /** For events: the template's id, so runs can point at the new one. */
  eventTemplateId?: number;
}

/** What one delivery of the order writes, in write order; stage 0 also writes the customer, order and run. */
export type StageTemplate = RowTemplate[];

const ROWID_TABLES = new Set(['inbox', 'jobs', 'events', 'timeline']);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Columns holding Flowdesk's own times in ms (the platform's times stay as the platform sent them). */
const MS_COLUMNS = new Set(['at_ms', 'run_at', 'lease_until', 'jobs.created_at', 'jobs.updated_at']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` on the tokens: text = parts[0] + v(keys[0]) + parts[1] + … */
function compile(text: string, tokens: Map<string, string>, re: RegExp): { parts: string[]; keys: string[] } {
  const parts: string[] = [];
  const keys: string[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    keys.push(tokens.get(m[0]) as string);
    last = (m.index as number) + m[0].length;
  }
  parts.push(text.slice(last));
  return { parts, keys };
}

export function render(cell: Extract<Cell, { kind: 'text' }>, values: Record<string, string>): string {
  let out = cell.parts[0] as string;
  for (let i = 0; i < cell.keys.length; i++) out += (values[cell.keys[i] as string] as string) + (cell.parts[i + 1] as string);
  return out;
}

export interface OrderTemplate {
  stages: StageTemplate[];
  /** The literal values swapped in each row, by key (for the caller to make new ones). */
  tokens: Map<string, string>;
}

/**
 * Reads the order whose Shopify id is `platformOrderId` (and everything written for it) and
 * compiles its rows. Keys: orderId, customerId, runId, platformOrderId, customerPlatformId,
 * buyer, name, orderNumber, and per delivery s: ev<s>, wh<s>, inbox<s>.
 */
export function readOrderTemplate(db: Db, tpl: { index: number; platformOrderId: string; customerPlatformId: string; orderNumber: number }): OrderTemplate {
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const order = all('SELECT * FROM orders WHERE platform_order_id = ?', tpl.platformOrderId)[0];
  if (!order) throw new Error(`template order ${tpl.platformOrderId} not found`);
  const orderId = order['id'] as string;
  const customer = all('SELECT * FROM customers WHERE id = ?', order['customer_id'])[0];
  const inbox = all('SELECT * FROM inbox WHERE order_id = ? ORDER BY id', orderId);
  const runs = all('SELECT * FROM runs WHERE order_id = ?', orderId);
  if (!customer || inbox.length === 0 || runs.length !== 1) throw new Error('template order is incomplete (customer, deliveries, one run)');
  const run = runs[0] as Row;
  const runId = run['id'] as string;

  const tokens = new Map<string, string>([
    [orderId, 'orderId'], [customer['id'] as string, 'customerId'], [runId, 'runId'],
    [tpl.platformOrderId, 'platformOrderId'], [tpl.customerPlatformId, 'customerPlatformId'],
    [`buyer${tpl.index}`, 'buyer'], [`B${tpl.index}`, 'name'], [String(tpl.orderNumber), 'orderNumber'],
  ]);
  inbox.forEach((r, s) => {
    const headers = JSON.parse(r['headers'] as string) as Record<string, string>;
    tokens.set(headers['x-shopify-event-id'] as string, `ev${s}`);
    tokens.set(headers['x-shopify-webhook-id'] as string, `wh${s}`);
    tokens.set(`"inboxId":${r['id'] as number}`, `inbox${s}`);
  });
  const re = new RegExp([...tokens.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');

  const template = (table: string, row: Row, stageInboxId: number | null): RowTemplate => {
    const columns: string[] = [];
    const cells: Cell[] = [];
    let timeMs = 0;
    for (const [col, value] of Object.entries(row)) {
      if (col === 'id' && ROWID_TABLES.has(table)) continue;
      columns.push(col);
      if (col === 'inbox_id' && value !== null && stageInboxId !== null) cells.push({ kind: 'inbox' });
      else if ((table === 'runs' && col === 'event_id') || (table === 'events' && col === 'order_from' && value !== null)) cells.push({ kind: 'event', templateId: value as number });
      else if (typeof value === 'string' && ISO_UTC.test(value)) {
        cells.push({ kind: 'iso', ms: Date.parse(value) });
        timeMs = Math.max(timeMs, Date.parse(value));
      } else if (typeof value === 'number' && (MS_COLUMNS.has(col) || MS_COLUMNS.has(`${table}.${col}`))) {
        cells.push({ kind: 'ms', ms: value });
        timeMs = Math.max(timeMs, value);
      } else if (typeof value === 'string') cells.push({ kind: 'text', ...compile(value, tokens, re), blob: false });
      else if (Buffer.isBuffer(value)) cells.push({ kind: 'text', ...compile(value.toString('utf8'), tokens, re), blob: true });
      else cells.push({ kind: 'const', value });
    }
    return { table, columns, cells, timeMs, ...(table === 'events' ? { eventTemplateId: row['id'] as number } : {}) };
  };

  const stages: StageTemplate[] = inbox.map((r, s) => {
    const inboxId = r['id'] as number;
    const rows: RowTemplate[] = [template('inbox', r, null)];
    for (const b of all('SELECT * FROM inbox_bodies WHERE inbox_id = ?', inboxId)) rows.push(template('inbox_bodies', b, inboxId));
    for (const j of all("SELECT * FROM jobs WHERE kind = 'delivery.process' AND payload = ?", JSON.stringify({ inboxId }))) rows.push(template('jobs', j, inboxId));
    for (const e of all('SELECT * FROM events WHERE inbox_id = ? ORDER BY id', inboxId)) rows.push(template('events', e, inboxId));
    if (s === 0) {
      rows.push(template('customers', customer, inboxId), template('orders', order, inboxId));
    }
    for (const t of all('SELECT * FROM timeline WHERE inbox_id = ? ORDER BY id', inboxId)) rows.push(template('timeline', t, inboxId));
    if (s === 0) {
      rows.push(template('runs', run, inboxId));
      for (const j of all('SELECT * FROM jobs WHERE idempotency_key = ?', `run:${runId}`)) rows.push(template('jobs', j, inboxId));
      for (const st of all('SELECT * FROM run_steps WHERE run_id = ? ORDER BY seq', runId)) rows.push(template('run_steps', st, inboxId));
      for (const t of all('SELECT * FROM timeline WHERE run_id = ? AND inbox_id IS NULL ORDER BY id', runId)) rows.push(template('timeline', t, inboxId));
    }
    return rows;
  });
  return { stages, tokens };
}
