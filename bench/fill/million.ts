// Fills a data dir that an engine has already written one full order into (its four
// deliveries, the five-node flow's run) with as many more orders as it takes to reach
// `deliveries` stored deliveries, writing directly with better-sqlite3 in big transactions.
// The schema is the engine's own (openDatabase runs its migrations).
//
// The orders are spread over the past `days` days, newest last, and what the engine's storage
// upkeep would have removed by now under its default settings is not written: raw bodies older
// than the body retention (the delivery's record stays), run logs and the events only they
// used older than the run-log retention, done jobs older than a day. The order timeline is all
// there. (The size budget is left to the engine: the bench runs its upkeep and times it.)
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StorageSettings } from '../../engine/contract/index.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { newId } from '../../engine/shared/ids.ts';
import { childConfig, runChild } from '../lib/child-ipc.ts';
import { readOrderTemplate, render, type RowTemplate } from './order-template.ts';

export interface FillConfig {
  dbFile: string;
  deliveries: number;
  days: number;
  template: { index: number; platformOrderId: string; customerPlatformId: string; orderNumber: number };
}

export interface FillInfo {
  seconds: number;
  orders: number;
  rows: Record<string, number>;
  /** Raw bodies kept (younger than the retention) and removed. */
  bodies: { kept: number; pruned: number };
  fileBytes: number;
  /** Flowdesk ids of a few filled orders: the first, the middle and the last written. */
  sample: { first: string; middle: string; last: string; middleNumber: string };
  /** Ids of 200 orders picked at random. */
  picks: string[];
}

/** Orders get their later deliveries this many orders later: an order's rows are spread through the file. */
const LAG = [0, 3, 600, 14_400];
const DAY = 86_400_000;

const config = childConfig<FillConfig>();

await runChild<FillInfo>(async () => {
  const t0 = performance.now();
  const db = openDatabase(config.dbFile);
  const tpl = readOrderTemplate(db, config.template);
  const perOrder = tpl.stages.length;
  const orders = Math.max(0, Math.floor(config.deliveries / perOrder) - 1);
  const defaults = StorageSettings.parse({});
  const now = Date.now();
  const cut = { body: now - defaults.rawBodyRetentionDays * DAY, runLog: now - defaults.runLogRetentionDays * DAY, jobs: now - DAY };
  const nowIso = new Date(now).toISOString();

  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');

  const statements = new Map<RowTemplate, ReturnType<typeof db.prepare>>();
  for (const stage of tpl.stages) for (const r of stage) {
    statements.set(r, db.prepare(`INSERT INTO ${r.table} (${r.columns.join(', ')}) VALUES (${r.columns.map(() => '?').join(', ')})`));
  }
  // Raw bodies are written as the template order's bytes (same size, never read back by what is
  // measured): rendering 1,000,000 bodies of 10 KB would double the fill's time.
  const bodies = new Map<object, Buffer>();
  for (const stage of tpl.stages) for (const r of stage) for (const c of r.cells) {
    if (c.kind === 'text' && c.blob) bodies.set(c, Buffer.from(c.parts.join('')));
  }
  const rows: Record<string, number> = {};
  const bodyCount = { kept: 0, pruned: 0 };
  const orderIds: string[] = new Array(orders);
  const customerIds: string[] = new Array(orders);
  const runIds: string[] = new Array(orders);
  for (let k = 0; k < orders; k++) {
    orderIds[k] = newId('ord');
    customerIds[k] = newId('cus');
    runIds[k] = newId('run');
  }
  const spanMs = config.days * DAY;
  const baseMs = (tpl.stages[0] as RowTemplate[])[0]?.timeMs ?? now;

  const write = (k: number, s: number) => {
    // Order k happened (orders - k) / orders of the span ago; its rows keep the template's spacing.
    const shift = -Math.round(((orders - k) / orders) * spanMs);
    const values: Record<string, string> = {
      orderId: orderIds[k] as string, customerId: customerIds[k] as string, runId: runIds[k] as string,
      platformOrderId: String(5_000_000_000 + k), customerPlatformId: String(7_000_000_000 + k),
      buyer: `buyer${k}`, name: `B${k}`, orderNumber: String(100_000 + k),
      [`ev${s}`]: randomUUID(), [`wh${s}`]: randomUUID(),
    };
    let inboxId = 0;
    const events = new Map<number, number>();
    // One time per order decides what upkeep has removed (its rows are seconds apart in the template).
    const at = baseMs + shift;
    for (const r of tpl.stages[s] as RowTemplate[]) {
      if ((r.table === 'runs' || r.table === 'run_steps' || r.table === 'events') && at < cut.runLog) continue;
      if (r.table === 'jobs' && at < cut.jobs) continue;
      const pruneBody = at < cut.body;
      if (r.table === 'inbox_bodies' && pruneBody) continue;
      const params = r.cells.map((c, i) => {
        switch (c.kind) {
          case 'const': return pruneBody && r.table === 'inbox' && r.columns[i] === 'body_pruned_at' ? nowIso : c.value;
          case 'iso': return new Date(c.ms + shift).toISOString();
          case 'ms': return c.ms + shift;
          case 'inbox': return inboxId;
          case 'event': return events.get(c.templateId) ?? null;
          case 'text': return c.blob ? (bodies.get(c) as Buffer) : render(c, values);
        }
      });
      const info = (statements.get(r) as ReturnType<typeof db.prepare>).run(params);
      rows[r.table] = (rows[r.table] ?? 0) + 1;
      if (r.table === 'inbox') {
        inboxId = Number(info.lastInsertRowid);
        values[`inbox${s}`] = `"inboxId":${inboxId}`;
        bodyCount[pruneBody ? 'pruned' : 'kept']++;
      } else if (r.eventTemplateId !== undefined) events.set(r.eventTemplateId, Number(info.lastInsertRowid));
    }
  };

  const lastT = orders - 1 + (LAG[perOrder - 1] ?? 0);
  const batch = db.transaction((from: number, to: number) => {
    for (let t = from; t < to; t++) {
      for (let s = 0; s < perOrder; s++) {
        const k = t - (LAG[s] ?? 0);
        if (k >= 0 && k < orders) write(k, s);
      }
    }
  });
  for (let t = 0; t <= lastT; t += 20_000) batch(t, Math.min(lastT + 1, t + 20_000));
  db.pragma('journal_mode = WAL');
  db.close();
  const mid = Math.floor(orders / 2);
  return {
    info: {
      seconds: (performance.now() - t0) / 1000,
      orders,
      rows,
      bodies: bodyCount,
      fileBytes: statSync(config.dbFile).size,
      sample: { first: orderIds[0] ?? '', middle: orderIds[mid] ?? '', last: orderIds[orders - 1] ?? '', middleNumber: `#B${mid}` },
      picks: Array.from({ length: Math.min(200, orders) }, () => orderIds[Math.floor(Math.random() * orders)] as string),
    },
    stop: async () => {},
  };
});
