import Database from 'better-sqlite3';

export interface DrainCounts {
  accepted: number;
  /** Inbox entries with another verdict (duplicate, bad signature…): 0 when the bench is right. */
  notAccepted: number;
  processed: number;
  notProcessed: number;
  runsSucceeded: number;
  runsOther: number;
  orders: number;
  jobsLeft: number;
  /** Steps recorded and notes the flows wrote: the five-node flow makes five steps and one note a run. */
  steps: number;
  notes: number;
}

/** Reads what a stopped engine left in its database, read-only. */
export function drainCounts(dbFile: string): DrainCounts {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number | undefined) ?? 0;
    return {
      accepted: count("SELECT COUNT(*) FROM inbox WHERE verdict = 'accepted'"),
      notAccepted: count("SELECT COUNT(*) FROM inbox WHERE verdict <> 'accepted'"),
      processed: count("SELECT COUNT(*) FROM inbox WHERE verdict = 'accepted' AND processing = 'processed'"),
      notProcessed: count("SELECT COUNT(*) FROM inbox WHERE verdict = 'accepted' AND processing <> 'processed'"),
      runsSucceeded: count("SELECT COUNT(*) FROM runs WHERE status = 'succeeded'"),
      runsOther: count("SELECT COUNT(*) FROM runs WHERE status <> 'succeeded'"),
      orders: count('SELECT COUNT(*) FROM orders'),
      jobsLeft: count("SELECT COUNT(*) FROM jobs WHERE state <> 'done'"),
      steps: count('SELECT COUNT(*) FROM run_steps'),
      notes: count("SELECT COUNT(*) FROM timeline WHERE kind = 'note'"),
    };
  } finally {
    db.close();
  }
}
