import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger.ts';
import type { Db } from './database.ts';

/**
 * Moves WAL checkpoints off the event loop. A checkpoint copies the WAL into the database
 * file and fsyncs it; done inside a commit (SQLite's default, every 1000 pages) that stall
 * lands on whoever commits — a webhook's answer, a run. Here a worker thread with its own
 * connection runs PASSIVE checkpoints (which never block writers): every `everyMs` while the
 * WAL is still, and again `activeMs` after each one while it grows, so each copies a few
 * milliseconds of writes; one that ends with the WAL fully copied (no commit landed meanwhile:
 * often at moderate rates, rarely at full speed) lets the next commit start it over from its
 * beginning. After a partial one the thread also flushes the copied pages to disk itself (SQLite
 * syncs the database only when a checkpoint reaches the WAL's end), so the one that does reach
 * the end has little left to sync.
 *
 * Under sustained writes no PASSIVE checkpoint reaches the end: by the time its sync is done,
 * commits have landed after it, and the WAL would grow without bound (4.8 GB after 30 s at full
 * speed, the ingest rate falling from ~7,000 to ~4,500 requests a second as it grew). So once the
 * WAL holds `finishAtPages`, the thread finishes one: copy-and-sync passes until a pass finds
 * little new (each pass's sync is shorter than the last, so fewer commits land during it), then a
 * FULL checkpoint, which holds commits only while it copies that little rest and syncs it: 0–12 ms
 * in the bench's half-rate runs, where the engine's connection finishing it inside a commit held
 * that commit 20–80 ms (syncing all the thread had copied since its last pass). The next commit
 * starts the WAL over. If that keeps failing (a reader holding an old snapshot past the FULL's short
 * wait, a writer that never pauses outrunning the passes), the engine's connection finishes one
 * itself, inside a commit, at `walLimitPages`; past that point the thread makes no passes, which
 * would hold the lock the connection needs for it.
 * Cutting the file back to zero bytes (`truncate`) holds writers while it is synced, so upkeep
 * asks for that only when no webhook is arriving.
 */
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const { openSync, closeSync, fdatasyncSync } = require('node:fs');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const file = openSync(workerData.file, 'r');
let lastLog = -1;
/** The WAL's length at the last finish: still that long, it has had no commit since (it starts over at the next). */
let finishedAt = -1;
/**
 * Copy-and-sync passes until one finds fewer than \`restPages\` new frames, then a FULL checkpoint;
 * the WAL's length it finished at, or -1.
 */
const finish = (r) => {
  for (let pass = 0; pass < 6; pass++) {
    fdatasyncSync(file);
    const next = db.pragma('wal_checkpoint(PASSIVE)')[0];
    const arrived = next.log - r.log;
    r = next;
    if (r.busy !== 0 || arrived < workerData.restPages) break;
    // Outrun by the writes (a writer that never pauses): the engine's connection finishes one at
    // its bound, and checkpoints here would hold the lock it needs for that.
    if (r.log >= workerData.walLimitPages) return -1;
  }
  fdatasyncSync(file);
  // The FULL holds commits while it waits for a reader on an older snapshot: not for long.
  db.pragma('busy_timeout = 10');
  try {
    const full = db.pragma('wal_checkpoint(FULL)')[0];
    return full.busy === 0 ? full.log : -1;
  } finally {
    db.pragma('busy_timeout = 5000');
  }
};
/** One PASSIVE checkpoint; true when the WAL has grown since the last one, or it could not run. */
const step = () => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    // Busy: the engine's connection is finishing one itself; the WAL starts over after it.
    if (r.busy !== 0) return true;
    // Past the connection's bound, the thread keeps out of the way of the one finishing there.
    if (r.log >= workerData.finishAtPages && r.log < workerData.walLimitPages && r.log !== finishedAt) {
      finishedAt = finish(r);
      lastLog = -1;
      return true;
    }
    if (r.checkpointed > 0 && r.checkpointed < r.log) fdatasyncSync(file);
    const grew = r.log !== lastLog;
    lastLog = r.log;
    return grew;
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
    return false;
  }
};
let timer;
const loop = () => {
  timer = setTimeout(loop, step() ? workerData.activeMs : workerData.everyMs);
};
timer = setTimeout(loop, workerData.activeMs);
parentPort.on('message', (m) => {
  if (m === 'checkpoint' || m === 'truncate') {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      if (m === 'truncate') db.pragma('wal_checkpoint(TRUNCATE)');
      parentPort.postMessage({ checkpointed: true });
    } catch (error) {
      parentPort.postMessage({ checkpointed: true, error: String(error) });
    }
    return;
  }
  if (m?.stop !== true) return;
  clearTimeout(timer);
  step();
  db.close();
  if (m.closeFile) closeSync(file);
  parentPort.postMessage({ stopped: true });
});
`;

export interface Checkpointer {
  /** One PASSIVE checkpoint now, on the thread. */
  checkpoint(): Promise<void>;
  /** A PASSIVE checkpoint, then the WAL emptied and cut to zero bytes (holds writers meanwhile). */
  truncate(): Promise<void>;
  /** Ends the thread, after one last checkpoint; call it once the engine's connection is closed. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Between checkpoints while nothing is written (1 s). */
  everyMs?: number;
  /** Between checkpoints while the WAL grows (20 ms: measured against 5 and 100, `bench/tools/paced-p99.ts`). */
  activeMs?: number;
  /** Where the thread finishes a checkpoint so the WAL starts over, in pages (49,152: 192 MB of 4 KB pages). */
  finishAtPages?: number;
  /** Where the engine's connection finishes one inside a commit if the thread has not (65,536: 256 MB). */
  walLimitPages?: number;
}

export function startCheckpointer(db: Db, logger: Logger, opts: CheckpointerOptions = {}): Checkpointer {
  const walLimitPages = opts.walLimitPages ?? 65_536;
  db.pragma(`wal_autocheckpoint = ${walLimitPages}`);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    // It holds one connection and a timer: keep its heap small.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2, codeRangeSizeMb: 4, stackSizeMb: 1 },
    workerData: {
      sqlite, file: db.name, everyMs: opts.everyMs ?? 1_000, activeMs: opts.activeMs ?? 20,
      walLimitPages, finishAtPages: opts.finishAtPages ?? Math.floor((walLimitPages * 3) / 4),
      // What the FULL may copy: ~1 MB, a few milliseconds to sync on this disk (README "Performance").
      restPages: 300,
    },
  });
  worker.unref();
  const requests: { resolve: () => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (m: { error?: string; checkpointed?: boolean }) => {
    if (m.checkpointed) {
      const t = requests.shift();
      if (m.error) t?.reject(new Error(m.error));
      else t?.resolve();
      return;
    }
    if (m.error) logger.warn('WAL checkpoint failed', { error: m.error });
  });
  worker.on('error', (error) => {
    for (const t of requests.splice(0)) t.reject(error);
    // Without the thread, SQLite checkpoints in commits again, as by default.
    logger.warn('the checkpoint thread stopped; checkpoints go back into commits', { error: String(error) });
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  const ask = (what: 'checkpoint' | 'truncate') =>
    new Promise<void>((resolve, reject) => {
      requests.push({ resolve, reject });
      worker.postMessage(what);
    });
  return {
    checkpoint: () => ask('checkpoint'),
    truncate: () => ask('truncate'),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          for (const t of requests.splice(0)) t.reject(new Error('the checkpoint thread stopped'));
          resolve();
        };
        worker.once('exit', done);
        worker.once('message', (m: { stopped?: boolean }) => {
          if (m.stopped) void worker.terminate();
        });
        // SQLite's file locks belong to the process, and closing any descriptor of the file drops
        // them all: the thread's own (for fdatasync) is closed only once the engine's connection
        // is (the engine closes it first), else left open.
        worker.postMessage({ stop: true, closeFile: !db.open });
        setTimeout(() => void worker.terminate(), 2_000).unref();
      }),
  };
}
