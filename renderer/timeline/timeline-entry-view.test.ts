import { describe, expect, it } from 'vitest';
import { TimelineKind, type TimelineData, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { mergeTimeline, timelineIcons, viewTimelineEntry } from './timeline-entry-view.ts';

function entry(over: Partial<TimelineEntryDto>): TimelineEntryDto {
  return { id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: 'note', data: null, legacyTitle: 't', inboxId: null, runId: null, ...over };
}

/** An entry of the data's kind. */
function typed(data: TimelineData, over: Partial<TimelineEntryDto> = {}): TimelineEntryDto {
  return entry({ kind: data.kind, data, legacyTitle: null, ...over });
}

const run = { kind: 'run', flowId: 'flow_1', flowName: 'VIP', flowVersion: 2 } as const;
const step = { kind: 'step', nodeId: 'n1', nodeType: 'logic.compare', label: 'Big order' } as const;

describe('viewTimelineEntry', () => {
  it('has an icon and a label for every kind the contract names, typed or not', () => {
    for (const kind of TimelineKind.options) {
      const view = viewTimelineEntry(entry({ kind }));
      expect(timelineIcons[kind]).toBeTruthy();
      expect(view.labelKey).toBe(`timeline.kind.${kind}`);
      expect(view).toMatchObject({ outcome: null, signature: null, changes: [], topic: null, dryRun: false });
    }
  });

  it('reads a delivery’s verdict and signature words', () => {
    const view = viewTimelineEntry(
      typed({ kind: 'delivery', topic: 'orders/paid', verdict: 'accepted', signature: 'X-Shopify-Hmac-Sha256 verified' }, { inboxId: 4 }),
    );
    expect(view).toMatchObject({ icon: 'inbox', tone: 'good', topic: 'orders/paid' });
    expect(view.signature).toEqual({ verdict: 'accepted', verified: true, text: 'X-Shopify-Hmac-Sha256 verified' });
    const bad = viewTimelineEntry(typed({ kind: 'delivery', topic: null, verdict: 'bad_signature', signature: null }));
    expect(bad.tone).toBe('bad');
    expect(bad.signature?.verified).toBe(false);
  });

  it('gives steps and runs their outcome, with the reason for a skip, a cancel or a failure', () => {
    const skipped = viewTimelineEntry(typed({ ...step, status: 'skipped', reason: 'no phone number' }, { runId: 'run_1' }));
    expect(skipped).toMatchObject({ tone: 'warn', outcome: { status: 'skipped', reason: 'no phone number' }, runHref: '#/runs/run_1' });
    const failed = viewTimelineEntry(typed({ ...run, status: 'failed', error: 'step "x" failed: boom' }, { runId: 'run 2' }));
    expect(failed).toMatchObject({ tone: 'bad', outcome: { status: 'failed', reason: 'step "x" failed: boom' }, runHref: '#/runs/run%202' });
    const cancelled = viewTimelineEntry(typed({ ...run, status: 'cancelled', reason: 'flow deactivated' }));
    expect(cancelled).toMatchObject({ tone: 'warn', outcome: { status: 'cancelled', reason: 'flow deactivated' } });
    expect(viewTimelineEntry(typed({ ...run, status: 'succeeded', error: null })).tone).toBe('good');
    expect(viewTimelineEntry(typed({ ...run, status: 'waiting', dueAt: '2026-01-02T00:00:00.000Z' }))).toMatchObject({
      tone: 'neutral',
      outcome: { status: 'waiting', reason: null },
    });
    expect(viewTimelineEntry(typed({ kind: 'note', text: 'hi', by: 'VIP' })).outcome).toBeNull();
  });

  it('shows a dry run’s step that recorded intents as "would do", and marks the dry run', () => {
    const wouldDo = viewTimelineEntry(typed({ ...step, status: 'done', wouldDo: ['order.addTags'] }));
    expect(wouldDo).toMatchObject({ tone: 'neutral', outcome: { status: 'would_do' } });
    expect(viewTimelineEntry(typed({ ...step, status: 'done', wouldDo: [] })).outcome?.status).toBe('done');
    expect(viewTimelineEntry(typed({ ...run, status: 'running', dryRun: true })).dryRun).toBe(true);
    expect(viewTimelineEntry(typed({ ...run, status: 'running' })).dryRun).toBe(false);
  });

  it('lists status changes field by field', () => {
    const view = viewTimelineEntry(
      typed({
        kind: 'status_change',
        source: 'orders/paid',
        changes: { financialStatus: { from: 'pending', to: 'paid' }, storeStatus: { from: null, to: 'Shipping' } },
      }),
    );
    expect(view.changes).toEqual([
      { field: 'financialStatus', from: 'pending', to: 'paid' },
      { field: 'storeStatus', from: null, to: 'Shipping' },
    ]);
    expect(view).toMatchObject({ tone: 'accent', topic: 'orders/paid' });
  });

  it('marks stale deliveries as a warning', () => {
    expect(viewTimelineEntry(entry({ kind: 'stale_delivery' })).tone).toBe('warn');
  });

  it('draws an old entry without facts by its kind alone', () => {
    expect(viewTimelineEntry(entry({ kind: 'delivery', data: null, legacyTitle: 'orders/create received' }))).toMatchObject({
      tone: 'good',
      signature: null,
      topic: null,
    });
    expect(viewTimelineEntry(entry({ kind: 'run', data: null })).outcome).toBeNull();
  });
});

describe('mergeTimeline', () => {
  it('adds each entry once, in the order the engine appended them', () => {
    const a = entry({ id: 1 });
    const c = entry({ id: 3 });
    const merged = mergeTimeline([a, c], [entry({ id: 2 }), entry({ id: 3, legacyTitle: 'again' }), entry({ id: 4 })]);
    expect(merged.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(merged[2]!.legacyTitle).toBe('again');
  });

  it('keeps the same array when nothing is added', () => {
    const list = [entry({ id: 1 })];
    expect(mergeTimeline(list, [])).toBe(list);
  });
});
