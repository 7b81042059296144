import { describe, expect, it } from 'vitest';
import { ConditionParams } from '../../contract/nodes/logic/condition.spec.ts';
import { runCondition } from './condition.run.ts';

const params = ConditionParams.parse({
  condition: {
    id: 'root', join: 'all', rules: [
      { id: 'total', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 2000000 },
      { id: 'pre', quantifier: 'any', list: 'order.lineItems', where: { id: 'pre-item', join: 'all', rules: [
        { id: 'sku', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' },
      ] } },
    ],
  },
});
const now = new Date('2026-02-10T12:00:00+07:00');
const data = (totalPrice: string) => ({ order: { totalPrice, lineItems: [{ sku: 'pre-001' }, { sku: 'STD-9' }] } });

describe('runCondition', () => {
  it('takes Yes when the condition holds, with the trace as output', () => {
    const out = runCondition(params, data('2000000'), now);
    expect(out.port).toBe('yes');
    expect(out.output.result).toBe(true);
    expect(out.output.trace.map((t) => [t.id, t.result])).toEqual([['root', true], ['total', true], ['pre', true], ['pre-item', true], ['sku', true]]);
  });

  it('takes No when it does not', () => {
    const out = runCondition(params, data('1999999.99'), now);
    expect(out).toMatchObject({ port: 'no', output: { result: false } });
    expect(out.output.trace.find((t) => t.id === 'total')).toEqual({ id: 'total', result: false, actual: '1999999.99' });
  });

  it('passes everything with the default empty condition', () => {
    expect(runCondition(ConditionParams.parse({}), {}, now).port).toBe('yes');
  });
});
