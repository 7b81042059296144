import { describe, expect, it } from 'vitest';
import { builtinNodeTypes, createNodeRegistry } from './registry.ts';
import { compare } from './logic/compare.run.ts';

describe('the node registry', () => {
  it('refuses two node types with one id', () => {
    expect(() => createNodeRegistry([...builtinNodeTypes, builtinNodeTypes[0]!])).toThrow(/registered twice/);
  });

  it('describes each node type for the editor, with its params as JSON Schema', () => {
    const dtos = createNodeRegistry().toDtos();
    const compareDto = dtos.find((d) => d.type === 'logic.compare')!;
    expect(compareDto.outputs.map((p) => p.id)).toEqual(['yes', 'no']);
    expect(compareDto.paramsSchema).toMatchObject({ type: 'object', properties: { field: { type: 'string', title: 'Field' } } });
    // Each order trigger starts on its event, and by hand (`manual.run`); the schedule on its firing.
    const triggers = dtos.filter((d) => d.category === 'trigger').map((d) => d.triggers?.filter((e) => e !== 'manual.run' && e !== 'flow.started'));
    expect(triggers).toEqual([
      ['order.created'], ['order.updated'], ['order.paid'], ['order.cancelled'], ['order.fulfilled'],
      ['order.partially_fulfilled'], ['order.delivered'], ['order.delivery_failed'], ['order.returned'], ['order.refunded'],
      ['order.payment_failed'], ['order.deleted'], ['marketplace.status_changed'], ['order.tag_added'], ['customer.created'], ['customer.updated'],
      ['customer.tag_added'], [],
      // The fulfillment order triggers (issue 14): on their event only.
      ['fulfillment.routed'], ['fulfillment.request_submitted'], ['fulfillment.request_accepted'], ['fulfillment.request_rejected'],
      ['fulfillment.cancellation_requested'], ['fulfillment.cancellation_accepted'], ['fulfillment.cancellation_rejected'], ['fulfillment.failed_to_complete'],
      ['fulfillment.cancelled'], ['fulfillment.on_hold'], ['fulfillment.hold_released'], ['fulfillment.moved'], ['fulfillment.rescheduled'], ['fulfillment.opened'],
      ['fulfillment.created'],
      ['schedule.fired'], ['customer.sequence_enrolled'],
    ]);
    expect(dtos.filter((d) => d.triggers?.includes('manual.run')).map((d) => d.type)).toHaveLength(18);
  });
});

describe('a typed comparison', () => {
  const num = (operator: 'gt' | 'lte', value: string) => ({ field: 'x', valueType: 'number' as const, operator, value });
  it('compares decimal strings as numbers, not text', () => {
    expect(compare(num('gt', '100'), '403.00')).toBe(true);
    expect(compare(num('gt', '100'), '99.99')).toBe(false);
    expect(compare(num('gt', '100'), '1000')).toBe(true); // "1000" < "100" as text
    expect(compare(num('lte', '5'), 'abc')).toBeNull();
  });
  it('matches text case-insensitively, and lists when any element matches', () => {
    const p = { field: 'x', valueType: 'text' as const, operator: 'eq' as const, value: 'vip' };
    expect(compare(p, 'VIP')).toBe(true);
    expect(compare(p, ['new', 'Vip'])).toBe(true);
    expect(compare({ ...p, operator: 'neq' }, ['new', 'Vip'])).toBe(false);
    expect(compare({ ...p, operator: 'is_empty' }, [])).toBe(true);
  });
  it('compares dates as instants', () => {
    const p = { field: 'x', valueType: 'date' as const, operator: 'lt' as const, value: '2026-11-21' };
    expect(compare(p, '2026-11-20T10:15:00-05:00')).toBe(true);
    expect(compare(p, '2026-11-22T00:00:00Z')).toBe(false);
  });
});
