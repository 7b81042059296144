/** The first-run guide's steps, in order (issue 16). */
export const guideSteps = ['connection', 'flow', 'send', 'watch'] as const;
export type GuideStep = (typeof guideSteps)[number];

/** What the guide reads of the engine's state: counted, never remembered by the guide itself. */
export interface GuideFacts {
  connections: number;
  flows: number;
  activeFlows: number;
  deliveries: number;
  /** Orders made from deliveries (a delivery that became an order has arrived). */
  orders: number;
}

export interface GuideProgress {
  done: Record<GuideStep, boolean>;
  /** The first step not done yet; null when every step is. */
  current: GuideStep | null;
  doneCount: number;
}

/**
 * Each step checked off from real state: a connection exists; a flow exists and one is on (a
 * flow that is off never runs, so the step is not done until one is); a delivery has been
 * received; and one has become an order. A fresh install has none of them.
 */
export function guideProgress(f: GuideFacts): GuideProgress {
  const done: Record<GuideStep, boolean> = {
    connection: f.connections > 0,
    flow: f.flows > 0 && f.activeFlows > 0,
    send: f.deliveries > 0,
    watch: f.deliveries > 0 && f.orders > 0,
  };
  const current = guideSteps.find((s) => !done[s]) ?? null;
  return { done, current, doneCount: guideSteps.filter((s) => done[s]).length };
}

/** A fresh install: nothing connected, no flow. The orders page then leads with the guide. */
export function isFreshInstall(f: Pick<GuideFacts, 'connections' | 'flows'>): boolean {
  return f.connections === 0 && f.flows === 0;
}
