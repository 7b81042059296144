import { describe, expect, it } from 'vitest';
import { guideProgress, isFreshInstall } from './guide-steps.ts';

const none = { connections: 0, flows: 0, activeFlows: 0, deliveries: 0, orders: 0 };

describe('the first-run guide reads its steps from the engine state', () => {
  it('a fresh install starts at the connection, with nothing done', () => {
    expect(guideProgress(none)).toEqual({ done: { connection: false, flow: false, send: false, watch: false }, current: 'connection', doneCount: 0 });
    expect(isFreshInstall(none)).toBe(true);
  });

  it('a flow that is off does not check the flow step off', () => {
    const p = guideProgress({ ...none, connections: 1, flows: 1 });
    expect(p.current).toBe('flow');
    expect(p.done.connection).toBe(true);
    expect(isFreshInstall({ connections: 1, flows: 0 })).toBe(false);
  });

  it('a delivery received but not yet an order: sent, still watching', () => {
    const p = guideProgress({ ...none, connections: 1, flows: 1, activeFlows: 1, deliveries: 1 });
    expect(p.current).toBe('watch');
    expect(p.doneCount).toBe(3);
  });

  it('steps done out of order are checked off each on its own; all done leaves no current step', () => {
    expect(guideProgress({ ...none, deliveries: 2, orders: 1 })).toMatchObject({ current: 'connection', doneCount: 2 });
    expect(guideProgress({ connections: 2, flows: 3, activeFlows: 1, deliveries: 5, orders: 4 })).toMatchObject({ current: null, doneCount: 4 });
  });
});
