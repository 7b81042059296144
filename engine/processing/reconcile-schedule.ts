import { apiInUse, defaultReconcileMinutes } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Reconciler } from './reconcile.ts';

/**
 * When reconciliation runs by itself (issue 13): once at start for every connection that
 * reconciles or polls (covering the time the engine was down), then every
 * `reconcileEveryMinutes` (default 15 for WooCommerce, 60 for others), or every
 * `pollEverySeconds` for a connection that takes its orders by polling instead of webhooks.
 * A connection whose API settings change is planned again.
 */
export function createReconcileSchedule(repos: Repositories, reconciler: Reconciler) {
  const timers = new Map<string, NodeJS.Timeout>();

  function clear(id: string): void {
    const t = timers.get(id);
    if (t) clearInterval(t);
    timers.delete(id);
  }

  function plan(id: string, runNow: boolean): void {
    clear(id);
    const c = repos.connections.get(id);
    if (!c || !apiInUse(c.api)) return;
    const polling = c.api.intake === 'polling';
    if (!polling && !c.api.reconcile) return;
    const every = polling ? c.api.pollEverySeconds * 1000 : (c.api.reconcileEveryMinutes ?? defaultReconcileMinutes(c.platform)) * 60_000;
    const trigger = polling ? 'poll' : 'schedule';
    const tick = () => {
      try {
        reconciler.start(id, { trigger });
      } catch {
        clear(id); // the connection went
      }
    };
    if (runNow) {
      try {
        reconciler.start(id, { trigger: polling ? 'poll' : 'start' });
      } catch {
        return;
      }
    }
    const timer = setInterval(tick, every);
    timer.unref();
    timers.set(id, timer);
  }

  return {
    /** At engine start: every connection that reconciles or polls catches up now, then on its schedule. */
    start(): void {
      for (const c of repos.connections.list()) plan(c.id, true);
    },
    /** A connection's API settings changed (or it was made): plan it again, catching up at once when newly on. */
    replan(id: string): void {
      plan(id, !timers.has(id));
    },
    stop(): void {
      for (const id of [...timers.keys()]) clear(id);
    },
  };
}
