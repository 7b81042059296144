import type { EngineChild } from './engine-child.ts';

export interface KillUnderLoad {
  /** Deliveries the platform got a 200 for: each one is a promise Flowdesk made. */
  acknowledged: number;
  /** Every delivery attempt, those refused while the engine was down included. */
  attempts: number;
  kills: number;
  /** Kills that landed exactly between the outside call going out and the engine hearing its answer. */
  intercepted: number;
  /** The runs after the last engine drained, and the engine's status then. */
  runs: any[];
  status: any;
}

export interface KillUnderLoadOptions {
  engine: EngineChild;
  deliveries: number;
  kills: number;
  /** Posts delivery `n` once; its HTTP status, or a throw while the engine is down. */
  post(n: number): Promise<number>;
  /** Kills the engine between an outside call and its answer (an answer relay); true when it caught one in time. */
  killBetweenCallAndAnswer(): Promise<boolean>;
  /** A pause between one sender's deliveries (ms). */
  paceMs?: number;
  /** How long the last engine may take to finish every run (ms). */
  drainMs: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The crash tests' shared load: four senders deliver until each delivery gets a 200, retrying
 * while the engine is down as a platform does, while the engine child is SIGKILLed `kills`
 * times and restarted on the same SQLite file: every other kill between an outside call and
 * its answer, the rest at random. Then the last engine drains until every run has finished.
 */
export async function killUnderLoad(o: KillUnderLoadOptions): Promise<KillUnderLoad> {
  const e = o.engine;
  let acknowledged = 0;
  let attempts = 0;
  async function deliver(n: number): Promise<void> {
    for (;;) {
      attempts++;
      try {
        if ((await o.post(n)) === 200) {
          acknowledged++;
          return;
        }
      } catch {
        // The engine is down: the platform tries again shortly.
      }
      await pause(20 + Math.random() * 40);
    }
  }
  let next = 0;
  const senders = Array.from({ length: 4 }, async () => {
    while (next < o.deliveries) {
      await deliver(next++);
      if (o.paceMs) await pause(o.paceMs);
    }
  });

  let kills = 0;
  let intercepted = 0;
  const killer = (async () => {
    while (kills < o.kills) {
      let hit = false;
      if (kills % 2 === 0) {
        hit = await o.killBetweenCallAndAnswer();
        if (hit) intercepted++;
      }
      if (!hit) {
        await pause(100 + Math.random() * 400);
        await e.kill();
      }
      kills++;
      await pause(Math.random() * 100);
      await e.start();
    }
  })();
  await Promise.all([...senders, killer]);

  let runs: any[] = [];
  let status: any;
  for (const deadline = Date.now() + o.drainMs; Date.now() < deadline; ) {
    status = await e.api('engine.status', {});
    runs = await e.api('runs.list', { limit: 1000 });
    const open = runs.filter((r) => r.status === 'queued' || r.status === 'running' || r.status === 'waiting');
    if (status.queue.queued === 0 && status.queue.leased === 0 && runs.length === o.deliveries && open.length === 0) break;
    await pause(50);
  }
  return { acknowledged, attempts, kills, intercepted, runs, status };
}
