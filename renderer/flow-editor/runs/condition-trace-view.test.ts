import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, findConditionField } from '../../../engine/contract/index.ts';
import enConditions from '../../i18n/locales/en/conditions.json';
import viConditions from '../../i18n/locales/vi/conditions.json';
import viOrders from '../../i18n/locales/vi/orders.json';
import type { GroupInput } from '../form/condition/rule-model.ts';
import { actualText, recordedCondition } from './condition-trace-view.ts';

const condition: GroupInput = {
  id: 'root',
  join: 'all',
  rules: [
    { id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 2000000 },
    { id: 'q1', quantifier: 'any', list: 'order.lineItems', where: { id: 'g1', join: 'all', rules: [{ id: 'r2', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' }] } },
  ],
};
const data = { order: { totalPrice: '2450000.00', lineItems: [{ sku: 'PRE-001' }, { sku: 'TEE-1' }] } };

describe('a Conditions step as the run view reads it', () => {
  it('pairs the tree the step ran with the verdict of each node', () => {
    const output = evaluateCondition(condition, data, new Date('2026-06-01T00:00:00Z'));
    const recorded = recordedCondition({ condition }, output)!;
    expect(recorded.result).toBe(true);
    expect(recorded.byId.get('r1')).toMatchObject({ result: true, actual: '2450000.00' });
    expect(recorded.byId.get('q1')).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
    expect(recorded.byId.get('r2')).toMatchObject({ result: true, tally: { held: 1, of: 2 } });
    // A step that failed before evaluating recorded no verdict.
    expect(recordedCondition({ condition }, { error: 'x' })).toBeNull();
    expect(recordedCondition(undefined, output)).toBeNull();
  });

  it('shows the value a rule read in the user’s format: money as a number, statuses in words', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { conditions: enConditions }, vi: { conditions: viConditions, orders: viOrders } }, lng: 'vi', ns: ['conditions', 'orders'], defaultNS: 'conditions' });
    const vi = { lang: 'vi' as const, t: i18n.getFixedT('vi', 'conditions') };
    const en = { lang: 'en' as const, t: i18n.getFixedT('en', 'conditions') };
    expect(actualText('2450000.00', findConditionField('order.totalPrice'), vi)).toBe('2.450.000');
    expect(actualText('2450000.00', findConditionField('order.totalPrice'), en)).toBe('2,450,000');
    expect(actualText('paid', findConditionField('order.financialStatus'), vi)).toBe('Đã thanh toán');
    expect(actualText(['VIP', 'Sỉ'], findConditionField('order.tags'), en)).toBe('VIP, Sỉ');
    expect(actualText(null, undefined, en)).toBe('(nothing)');
    expect(actualText(true, findConditionField('order.test'), vi)).toBe('có');
  });
});
