import { describe, expect, it } from 'vitest';
import type { RunDetailDto } from '../../../engine/contract/index.ts';
import { withDeferredStep } from './wait-reason-words.ts';

const document: RunDetailDto['document'] = {
  name: 'Cancelled → SMS',
  nodes: [
    { id: 'trigger', type: 'orders.order_cancelled', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
    { id: 'sms', type: 'sms.send_esms', typeVersion: 1, position: { x: 0, y: 100 }, params: {} },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'sms', targetPort: 'in' }],
};
const trigger = { seq: 1, nodeId: 'trigger', nodeType: 'orders.order_cancelled', status: 'done' as const, reason: null, port: 'out', input: null, output: null, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, intents: [], dueAt: null };
const dueAt = '2026-01-01T01:00:00.000Z';
const wait = { nodeId: 'sms', reason: 'the eSMS balance is too low: top it up (code 103)', reasonCode: 'balance_low' as const, reasonArgs: { provider: 'eSMS' } };

describe('the canvas of a run whose step a provider deferred', () => {
  it('shows that step waiting until the run goes on', () => {
    expect(withDeferredStep({ status: 'waiting', steps: [trigger], dueAt, waitReason: wait, document })).toEqual([
      trigger,
      { seq: 2, nodeId: 'sms', nodeType: 'sms.send_esms', status: 'waiting', reason: null, port: null, input: null, output: null, startedAt: trigger.startedAt, durationMs: 0, intents: [], dueAt },
    ]);
  });

  it('adds nothing to a run that is not waiting on a provider, or whose step was recorded', () => {
    expect(withDeferredStep({ status: 'waiting', steps: [trigger], dueAt, waitReason: null, document })).toEqual([trigger]);
    expect(withDeferredStep({ status: 'succeeded', steps: [trigger], dueAt: null, waitReason: wait, document })).toEqual([trigger]);
    const sent = { ...trigger, seq: 2, nodeId: 'sms', nodeType: 'sms.send_esms' };
    expect(withDeferredStep({ status: 'waiting', steps: [trigger, sent], dueAt, waitReason: wait, document })).toEqual([trigger, sent]);
  });
});
