import { describe, expect, it } from 'vitest';
import { TimelineKind, type TimelineEntryDto } from '../../engine/contract/index.ts';
import { mergeTimeline, timelineIcons, viewTimelineEntry } from './timeline-entry-view.ts';

function entry(over: Partial<TimelineEntryDto>): TimelineEntryDto {
  return { id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: 'note', title: 't', detail: null, inboxId: null, runId: null, ...over };
}

describe('viewTimelineEntry', () => {
  it('has an icon and a label for every kind the contract names', () => {
    for (const kind of TimelineKind.options) {
      const view = viewTimelineEntry(entry({ kind }));
      expect(timelineIcons[kind]).toBeTruthy();
      expect(view.labelKey).toBe(`timeline.kind.${kind}`);
    }
  });

  it('reads a delivery’s verdict and signature words', () => {
    const view = viewTimelineEntry(
      entry({ kind: 'delivery', inboxId: 4, detail: { topic: 'orders/paid', verdict: 'accepted', signature: 'X-Shopify-Hmac-Sha256 verified' } }),
    );
    expect(view).toMatchObject({ icon: 'inbox', tone: 'good', topic: 'orders/paid', showTitle: false });
    expect(view.signature).toEqual({ verdict: 'accepted', verified: true, text: 'X-Shopify-Hmac-Sha256 verified' });
    const bad = viewTimelineEntry(entry({ kind: 'delivery', detail: { verdict: 'bad_signature' } }));
    expect(bad.tone).toBe('bad');
    expect(bad.signature?.verified).toBe(false);
  });

  it('gives steps and runs their outcome, with the reason for a skip or a failure', () => {
    const skipped = viewTimelineEntry(entry({ kind: 'step', runId: 'run_1', detail: { status: 'skipped', reason: 'no phone number' } }));
    expect(skipped).toMatchObject({ tone: 'warn', outcome: { status: 'skipped', reason: 'no phone number' }, runHref: '#/runs/run_1' });
    const failed = viewTimelineEntry(entry({ kind: 'run', runId: 'run 2', detail: { status: 'failed', error: 'step "x" failed: boom' } }));
    expect(failed).toMatchObject({ tone: 'bad', outcome: { status: 'failed', reason: 'step "x" failed: boom' }, runHref: '#/runs/run%202' });
    expect(viewTimelineEntry(entry({ kind: 'run', detail: { status: 'succeeded', error: null } })).tone).toBe('good');
    expect(viewTimelineEntry(entry({ kind: 'step', detail: { status: 'weird' } })).outcome).toBeNull();
    expect(viewTimelineEntry(entry({ kind: 'note' })).outcome).toBeNull();
  });

  it('lists status changes field by field', () => {
    const view = viewTimelineEntry(
      entry({ kind: 'status_change', detail: { source: 'orders/paid', changes: { financialStatus: { from: 'pending', to: 'paid' }, storeStatus: { from: null, to: 'Shipping' } } } }),
    );
    expect(view.changes).toEqual([
      { field: 'financialStatus', from: 'pending', to: 'paid' },
      { field: 'storeStatus', from: null, to: 'Shipping' },
    ]);
    expect(view).toMatchObject({ tone: 'accent', topic: 'orders/paid', showTitle: false });
    expect(viewTimelineEntry(entry({ kind: 'note' })).showTitle).toBe(true);
  });

  it('marks stale deliveries as a warning', () => {
    expect(viewTimelineEntry(entry({ kind: 'stale_delivery' })).tone).toBe('warn');
  });
});

describe('mergeTimeline', () => {
  it('adds each entry once, in the order the engine appended them', () => {
    const a = entry({ id: 1 });
    const c = entry({ id: 3 });
    const merged = mergeTimeline([a, c], [entry({ id: 2 }), entry({ id: 3, title: 'again' }), entry({ id: 4 })]);
    expect(merged.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(merged[2]!.title).toBe('again');
  });

  it('keeps the same array when nothing is added', () => {
    const list = [entry({ id: 1 })];
    expect(mergeTimeline(list, [])).toBe(list);
  });
});
