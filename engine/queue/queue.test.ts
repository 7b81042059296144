import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database.ts';
import { createJobsRepo } from '../storage/repos/jobs-repo.ts';
import { createQueue } from './queue.ts';
import { createWorker } from './worker.ts';
import { PermanentJobError } from '../shared/errors.ts';
import { silentLogger } from '../shared/logger.ts';

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the durable job queue', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowdesk-queue-'));
    file = join(dir, 'q.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leases each due job once, oldest first, and not again once complete', () => {
    const clock = manualClock();
    const q = createQueue(createJobsRepo(db), clock, { owner: 'a' });
    const first = q.enqueue('k', { n: 1 });
    q.enqueue('k', { n: 2 });
    q.enqueue('k', { n: 3 }, { runAt: clock.now() + 10_000 });
    const a = q.lease()!;
    const b = q.lease()!;
    expect([a.id, a.payload, b.payload]).toEqual([first, { n: 1 }, { n: 2 }]);
    expect(q.lease()).toBeUndefined(); // the third is not due yet
    q.complete(a.id);
    expect(q.counts()).toMatchObject({ done: 1, leased: 1, queued: 1 });
    clock.advance(10_000);
    expect(q.lease()?.payload).toEqual({ n: 3 });
  });

  it('an idempotency key makes a second enqueue return the first job', () => {
    const q = createQueue(createJobsRepo(db), manualClock(), { owner: 'a' });
    const one = q.enqueue('k', {}, { idempotencyKey: 'run:1' });
    expect(q.enqueue('k', {}, { idempotencyKey: 'run:1' })).toBe(one);
    expect(q.counts().queued).toBe(1);
  });

  it('retries with growing backoff, then dead-letters the job with its last error', () => {
    const clock = manualClock();
    const q = createQueue(createJobsRepo(db), clock, { owner: 'a', retryBaseMs: 1_000, maxAttempts: 3 });
    q.enqueue('k', {});
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const job = q.lease()!;
      expect(job.attempts).toBe(attempt);
      const outcome = q.fail(job, `boom ${attempt}`);
      if (outcome === 'dead') break;
      const due = q.nextDueAt()!;
      waits.push(due - clock.now());
      expect(q.lease()).toBeUndefined();
      clock.advance(due - clock.now());
    }
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(waits[1]).toBeGreaterThanOrEqual(2_000);
    const [dead] = q.list('dead', 10);
    expect(dead).toMatchObject({ attempts: 3, lastError: 'boom 3' });
    // A dead job can be put back by hand.
    expect(q.retryDead(dead!.id)?.state).toBe('queued');
    expect(q.lease()?.id).toBe(dead!.id);
  });

  it('a worker retries a throwing handler and dead-letters a permanent failure at once', async () => {
    const q = createQueue(createJobsRepo(db), { now: () => Date.now() }, { owner: 'w', retryBaseMs: 5, retryMaxMs: 10 });
    let calls = 0;
    const worker = createWorker(q, {
      flaky: async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
      },
      bad: async () => {
        throw new PermanentJobError('cannot ever work');
      },
    }, { now: () => Date.now() }, silentLogger, { concurrency: 2, idleMs: 20 });
    worker.start();
    q.enqueue('flaky', {});
    q.enqueue('bad', {});
    await new Promise((r) => setTimeout(r, 10));
    await worker.idle();
    await worker.stop();
    expect(calls).toBe(3);
    expect(q.counts()).toMatchObject({ done: 1, dead: 1, queued: 0, leased: 0 });
    expect(q.list('dead', 1)[0]?.attempts).toBe(1);
  });

  it('a job leased by a process that was killed is taken up again after restart', async () => {
    const q = createQueue(createJobsRepo(db), { now: () => Date.now() }, { owner: 'setup' });
    const id = q.enqueue('k', { important: true });
    db.close();

    const script = fileURLToPath(new URL('../../test/harness/lease-and-hang.ts', import.meta.url));
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    expect(JSON.parse(line.toString())).toEqual({ leased: id });
    child.kill('SIGKILL');
    await once(child, 'exit');

    db = openDatabase(file);
    const restarted = createQueue(createJobsRepo(db), { now: () => Date.now() }, { owner: 'next-process' });
    expect(restarted.lease()).toBeUndefined(); // still leased by the dead process (its lease runs for an hour)
    expect(restarted.reclaimAbandoned()).toBe(1);
    const job = restarted.lease();
    expect(job).toMatchObject({ id, payload: { important: true }, attempts: 2 });
  });
});
