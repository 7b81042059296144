import { describe, expect, it } from 'vitest';
import { activeFilters, facetOptions, listArgs, noFilters } from './order-list-filter.ts';

describe('the orders list filters as API arguments', () => {
  it('asks for nothing but the page when no filter is set', () => {
    expect(listArgs(noFilters, '', 100)).toEqual({ limit: 100 });
    expect(activeFilters(noFilters)).toBe(0);
  });

  it('sends each filter set, the store status "none" as "", and the date range as whole local days', () => {
    const f = { ...noFilters, financialStatus: 'paid', cancelled: 'no', storeStatus: '', tag: ' vip ', from: '2026-03-01', to: '2026-03-31', connectionId: 'con_1' } as const;
    const args = listArgs(f, '#10', 50, 'c1');
    expect(args).toMatchObject({ limit: 50, query: '#10', financialStatus: 'paid', cancelled: 'no', storeStatus: '', tag: 'vip', connectionId: 'con_1', cursor: 'c1' });
    // From the first day's local midnight up to (not including) the midnight after the last day.
    expect(args.placedFrom).toBe(new Date(2026, 2, 1).toISOString());
    expect(args.placedTo).toBe(new Date(2026, 3, 1).toISOString());
    expect(activeFilters(f)).toBe(7);
  });

  it('ignores a half-typed date', () => {
    expect(listArgs({ ...noFilters, from: '2026-03' }, '', 10)).toEqual({ limit: 10 });
  });
});

describe('the options of a filter select', () => {
  it('lists known values in their order, then others busiest first, each with its count; none with 0 unless picked', () => {
    const counts = { paid: 3, pending: 5, weird: 1, other: 7 };
    expect(facetOptions(counts, ['pending', 'paid', 'refunded'], null)).toEqual([
      { value: 'pending', count: 5 }, { value: 'paid', count: 3 }, { value: 'other', count: 7 }, { value: 'weird', count: 1 },
    ]);
    expect(facetOptions(counts, ['pending', 'paid', 'refunded'], 'refunded').map((o) => o.value)).toContain('refunded');
  });
});
