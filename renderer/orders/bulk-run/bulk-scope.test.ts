import { describe, expect, it } from 'vitest';
import { bulkScope } from './bulk-scope.ts';

describe('bulkScope', () => {
  it('names the search and the count, and says when the list is full', () => {
    expect(bulkScope({ pending: false, count: 2, capped: false, query: '710' })).toEqual({ key: 'scopeSearch', values: { count: 2, query: '710' } });
    expect(bulkScope({ pending: false, count: 3, capped: false, query: '' })).toEqual({ key: 'scopeAll', values: { count: 3 } });
    expect(bulkScope({ pending: false, count: 200, capped: true, query: '710' })).toEqual({ key: 'scopeCapped', values: { count: 200 } });
  });

  it('says nothing can run while the search changes, or when it shows no orders', () => {
    expect(bulkScope({ pending: true, count: 2, capped: false, query: '710' }).key).toBe('scopePending');
    expect(bulkScope({ pending: false, count: 0, capped: false, query: 'nope' }).key).toBe('scopeNone');
  });
});
