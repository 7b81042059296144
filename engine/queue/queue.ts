import type { JobDto, JobState } from '../contract/index.ts';
import type { JobsRepo, JobRow } from '../storage/repos/jobs-repo.ts';
import type { Clock } from '../shared/clock.ts';
import { isoAt } from '../shared/clock.ts';

export interface QueueOptions {
  /** Who holds leases taken by this queue: one per engine start. */
  owner: string;
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
}

export interface EnqueueOptions {
  runAt?: number;
  idempotencyKey?: string;
  maxAttempts?: number;
}

export interface Job<P = unknown> {
  id: number;
  kind: string;
  payload: P;
  attempts: number;
  maxAttempts: number;
  /**
   * What the code that created this job already knows, for the worker that runs it next: in
   * memory only, never stored, absent on a job leased from the database.
   */
  memo?: unknown;
}

/**
 * Durable at-least-once jobs in SQLite. Every method is synchronous so it can run inside
 * the caller's transaction: enqueue with the write that causes the job, complete with the
 * write the job makes.
 */
export function createQueue(jobs: JobsRepo, clock: Clock, options: QueueOptions) {
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const retryMaxMs = options.retryMaxMs ?? 10 * 60_000;
  const defaultMaxAttempts = options.maxAttempts ?? 8;
  const listeners = new Set<() => void>();

  const toJob = (r: JobRow): Job => ({
    id: r.id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as unknown,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
  });

  return {
    enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}): number {
      const now = clock.now();
      const id = jobs.insert(
        kind,
        JSON.stringify(payload),
        opts.idempotencyKey ?? null,
        opts.maxAttempts ?? defaultMaxAttempts,
        opts.runAt ?? now,
        now,
      );
      // Wake workers after the surrounding transaction has had its chance to commit.
      queueMicrotask(() => {
        for (const l of listeners) l();
      });
      return id;
    },
    /**
     * Adds a job already leased to this queue's owner, for the caller to run next (inside the
     * transaction that creates it). If this process dies first, the next start takes it up.
     */
    enqueueLeased(kind: string, payload: unknown, opts: EnqueueOptions = {}, memo?: unknown): Job {
      const now = clock.now();
      const maxAttempts = opts.maxAttempts ?? defaultMaxAttempts;
      const id = jobs.insertLeased(kind, JSON.stringify(payload), opts.idempotencyKey ?? null, maxAttempts, options.owner, now + leaseMs, now);
      return { id, kind, payload, attempts: 1, maxAttempts, ...(memo === undefined ? {} : { memo }) };
    },
    /** Up to `n` more due jobs of one kind, leased together (for a batch handler). */
    leaseMore(kind: string, n: number): Job[] {
      if (n <= 0) return [];
      return jobs.leaseMany(kind, options.owner, clock.now(), leaseMs, n).map(toJob);
    },
    lease(): Job | undefined {
      const r = jobs.lease(options.owner, clock.now(), leaseMs);
      return r && toJob(r);
    },
    complete(id: number): void {
      jobs.complete(id, clock.now());
    },
    /** Records a failure: back in the queue after a backoff, or dead once out of attempts. */
    fail(job: Job, error: string, retryable = true): 'retry' | 'dead' {
      const now = clock.now();
      if (!retryable || job.attempts >= job.maxAttempts) {
        jobs.reschedule(job.id, 'dead', now, error, now);
        return 'dead';
      }
      const backoff = Math.min(retryBaseMs * 2 ** (job.attempts - 1), retryMaxMs);
      const jitter = Math.floor(Math.random() * Math.min(backoff / 4, 1_000));
      jobs.reschedule(job.id, 'queued', now + backoff + jitter, error, now);
      return 'retry';
    },
    /** At start: jobs leased by an earlier process (which died or was stopped) go back in the queue. */
    reclaimAbandoned(): number {
      return jobs.reclaimFromOthers(options.owner, clock.now());
    },
    nextDueAt(): number | null {
      return jobs.nextDueAt();
    },
    onEnqueue(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    counts(): Record<JobState, number> {
      return jobs.counts();
    },
    list(state: JobState | null, limit: number): JobDto[] {
      return jobs.list(state, limit).map(toDto);
    },
    retryDead(id: number): JobDto | undefined {
      jobs.requeueDead(id, clock.now());
      const r = jobs.get(id);
      queueMicrotask(() => {
        for (const l of listeners) l();
      });
      return r && toDto(r);
    },
  };
}
export type Queue = ReturnType<typeof createQueue>;

export function toDto(r: JobRow): JobDto {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: isoAt(r.runAt),
    lastError: r.lastError,
    createdAt: isoAt(r.createdAt),
    updatedAt: isoAt(r.updatedAt),
  };
}
