import type { Logger } from '../shared/logger.ts';
import type { Clock } from '../shared/clock.ts';
import { PermanentJobError } from '../shared/errors.ts';
import type { Job, Queue } from './queue.ts';

/**
 * What a handler may say when it returns: that it completed the job inside its own
 * transaction (no second write needed), and jobs it created already leased to this worker,
 * to run next in the same slot without another lease.
 */
export interface HandlerResult {
  completed?: boolean;
  next?: Job[];
}

export type JobHandler = (job: Job) => Promise<void | HandlerResult>;

/** What a batch handler says: the jobs that failed (the rest it completed), and jobs to run next. */
export interface BatchResult {
  failures: { job: Job; error: unknown }[];
  next?: Job[];
}

/** Handles up to `size` jobs of one kind at once (they are leased together); `size` may change with the load. */
export interface BatchHandler {
  size: number | (() => number);
  handle(jobs: Job[]): Promise<BatchResult>;
}

export interface WorkerOptions {
  concurrency: number;
  /** Kinds whose jobs are better handled many at a time. */
  batches?: Record<string, BatchHandler>;
  /** Longest sleep between polls when nothing is due; enqueues wake the worker at once. */
  idleMs?: number;
}

const sizeOf = (b: BatchHandler): number => (typeof b.size === 'function' ? b.size() : b.size);

/**
 * Pulls jobs from the queue and runs their handler. A handler that returns has done its
 * job (and may have completed it inside its own transaction); one that throws gets a retry.
 */
export function createWorker(queue: Queue, handlers: Record<string, JobHandler>, clock: Clock, logger: Logger, opts: WorkerOptions) {
  const idleMs = opts.idleMs ?? 1_000;
  let running = false;
  let active = 0;
  let timer: NodeJS.Timeout | null = null;
  let pumping = false;
  const inFlight = new Set<Promise<void>>();
  let unsubscribe: (() => void) | null = null;

  function failed(job: Job, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = queue.fail(job, message, !(error instanceof PermanentJobError));
    logger.warn(`job ${job.id} (${job.kind}) failed: ${message}`, { attempt: job.attempts, outcome });
  }

  /** `jobs` already leased; filled up to the batch size with more due jobs of their kind. */
  async function runBatch(jobs: Job[], batch: BatchHandler): Promise<Job[]> {
    const size = sizeOf(batch);
    if (jobs.length < size) jobs.push(...queue.leaseMore(jobs[0]!.kind, size - jobs.length));
    try {
      const result = await batch.handle(jobs);
      for (const f of result.failures) failed(f.job, f.error);
      return result.next ?? [];
    } catch (error) {
      for (const job of jobs) failed(job, error);
      return [];
    }
  }

  /** Runs a leased job, then the jobs it hands on, batching those whose kind has a batch handler. */
  async function runOne(first: Job): Promise<void> {
    const todo = [first];
    for (let job = todo.shift(); job; job = todo.shift()) {
      const batch = opts.batches?.[job.kind];
      if (batch) {
        const jobs = [job];
        const size = sizeOf(batch);
        for (let i = 0; i < todo.length && jobs.length < size; ) {
          if (todo[i]!.kind === job.kind) jobs.push(...todo.splice(i, 1));
          else i++;
        }
        todo.push(...(await runBatch(jobs, batch)));
        continue;
      }
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
        const result = await handler(job);
        if (!result?.completed) queue.complete(job.id);
        if (result?.next) todo.push(...result.next);
      } catch (error) {
        failed(job, error);
      }
    }
  }

  function schedule(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const next = queue.nextDueAt();
    const wait = next === null ? idleMs : Math.max(0, Math.min(idleMs, next - clock.now()));
    timer = setTimeout(pump, wait);
  }

  function pump(): void {
    if (!running || pumping) return;
    // Every slot busy (a webhook arriving while runs are under way): the slot that frees up pumps
    // again, leasing or setting the timer then; nothing to look up now.
    if (active >= opts.concurrency) return;
    pumping = true;
    try {
      while (running && active < opts.concurrency) {
        const job = queue.lease();
        if (!job) break;
        active++;
        const p = runOne(job).finally(() => {
          active--;
          inFlight.delete(p);
          pump();
        });
        inFlight.add(p);
      }
    } catch (error) {
      logger.error('worker could not lease a job', { error: String(error) });
    } finally {
      pumping = false;
    }
    schedule();
  }

  return {
    start(): void {
      if (running || opts.concurrency <= 0) return;
      running = true;
      unsubscribe = queue.onEnqueue(pump);
      pump();
    },
    /** Stops taking jobs and waits for those under way. */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
      await Promise.allSettled([...inFlight]);
    },
    /**
     * Resolves once no job is under way and none is due within `horizonMs` (so retries with
     * a short backoff are waited for). For tests and the bench.
     */
    async idle(horizonMs = 1_000): Promise<void> {
      for (;;) {
        await Promise.allSettled([...inFlight]);
        const next = queue.nextDueAt();
        if (inFlight.size === 0 && (!running || next === null || next > clock.now() + horizonMs)) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}
export type Worker = ReturnType<typeof createWorker>;
