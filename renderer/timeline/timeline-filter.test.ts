import { describe, expect, it } from 'vitest';
import { TimelineKind, type TimelineData, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { foldRepeatedFailures, groupCounts, groupOf, kindsOf, timelineGroupIds } from './timeline-filter.ts';

let nextId = 1;
function entry(data: TimelineData, runId: string | null = 'run_1'): TimelineEntryDto {
  const id = nextId++;
  return { id, orderId: 'ord_1', at: new Date(Date.UTC(2026, 10, 1, 0, 0, id)).toISOString(), kind: data.kind, data, legacyTitle: null, inboxId: null, runId };
}
const failed = (reason: string, nodeId = 'n_email'): TimelineData => ({ kind: 'step', nodeId, nodeType: 'email.send_smtp', status: 'failed', reason });

describe('the timeline filter bar', () => {
  it('puts every kind in exactly one group, and each group asks for its kinds', () => {
    const all = timelineGroupIds.flatMap(kindsOf);
    expect([...all].sort()).toEqual([...TimelineKind.options].sort());
    expect(kindsOf('runs')).toEqual(['run', 'step']);
    expect(kindsOf('deliveries')).toEqual(['delivery', 'stale_delivery', 'echo']);
    expect(groupOf('fulfillment')).toBe('fulfillment');
  });

  it('adds the counts by kind up by group', () => {
    expect(groupCounts({ delivery: 4, echo: 1, run: 2, step: 7, note: 1 })).toMatchObject({ deliveries: 5, runs: 9, tags: 1, status: 0, customer: 0 });
  });
});

describe('repeated step failures', () => {
  it('reads four identical failures of one step of one run as one line ×4, keeping the last', () => {
    const same = [1, 2, 3, 4].map(() => entry(failed('template error in "to"')));
    const lines = foldRepeatedFailures([entry({ kind: 'run', status: 'running' }), ...same, entry({ kind: 'run', status: 'failed', error: 'x' })]);
    expect(lines.map((l) => [l.entry.kind, l.repeat])).toEqual([['run', 1], ['step', 4], ['run', 1]]);
    expect(lines[1]!.entry.id).toBe(same[3]!.id);
  });

  it('keeps apart different errors, different steps, other runs and failures that are not in a row', () => {
    const a = entry(failed('timeout'));
    const b = entry(failed('timeout', 'n_sms'));
    const c = entry(failed('refused'));
    const d = entry(failed('refused'), 'run_2');
    const e = entry({ kind: 'note', text: 'called the customer' });
    const f = entry(failed('refused'), 'run_2');
    expect(foldRepeatedFailures([a, b, c, d, e, f]).map((l) => l.repeat)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('says the same error of the same step in later runs short: the first line has it in full (issue 16: "the same error four times")', () => {
    // Four deliveries (created, updated, paid, fulfilled), four runs failing the same step the same way.
    const runs = ['run_a', 'run_b', 'run_c', 'run_d'].flatMap((run) => [entry({ kind: 'run', status: 'running' }, run), entry(failed('Body: unknown variable "order.totl"'), run)]);
    const other = entry(failed('Body: unknown variable "order.nope"'), 'run_e');
    const lines = foldRepeatedFailures([...runs, other]);
    expect(lines.filter((l) => l.entry.kind === 'step').map((l) => l.again === true)).toEqual([false, true, true, true, false]);
  });
});
