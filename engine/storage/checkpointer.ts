import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger.ts';
import type { Db } from './database.ts';

/**
 * Moves WAL checkpoints off the event loop. A checkpoint copies the WAL into the database
 * file and fsyncs it; done inside a commit (SQLite's default, every 1000 pages) that stall
 * lands on whoever commits — a webhook's answer, a run. Here the engine's connection never
 * checkpoints by itself; a worker thread with its own connection runs a PASSIVE checkpoint
 * (which never blocks writers) every `everyMs`, and one more when upkeep asks (after a vacuum,
 * so the file shrinks). Under sustained load the WAL cannot start over and grows (1.2 GB after 12 s
 * at full speed here); cutting it back holds every writer while the file is truncated and synced
 * (250 ms for 1.2 GB on this machine), so upkeep asks for that (`truncate`) only when no webhook is
 * arriving.
 */
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const step = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(step, workerData.everyMs);
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
  if (m !== 'stop') return;
  clearInterval(timer);
  step();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export interface Checkpointer {
  /** One PASSIVE checkpoint now, on the thread. */
  checkpoint(): Promise<void>;
  /** A PASSIVE checkpoint, then the WAL emptied and cut to zero bytes (holds writers meanwhile). */
  truncate(): Promise<void>;
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, logger: Logger, opts: { everyMs?: number } = {}): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    // It holds one connection and a timer: keep its heap small.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2, codeRangeSizeMb: 4, stackSizeMb: 1 },
    workerData: { sqlite, file: db.name, everyMs: opts.everyMs ?? 1_000 },
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
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 2_000).unref();
      }),
  };
}
