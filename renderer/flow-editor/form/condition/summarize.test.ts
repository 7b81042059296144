import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enConditions from '../../../i18n/locales/en/conditions.json';
import enOrders from '../../../i18n/locales/en/orders.json';
import viConditions from '../../../i18n/locales/vi/conditions.json';
import viOrders from '../../../i18n/locales/vi/orders.json';
import { rootScope } from './field-catalog.ts';
import type { GroupInput } from './rule-model.ts';
import { summarizeCondition, type SummaryWords } from './summarize.ts';

let en: SummaryWords;
let vi: SummaryWords;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { conditions: enConditions, orders: enOrders }, vi: { conditions: viConditions, orders: viOrders } },
    lng: 'en',
    ns: ['conditions', 'orders'],
    defaultNS: 'conditions',
    interpolation: { escapeValue: false },
  });
  en = { lang: 'en', t: i18n.getFixedT('en', 'conditions') };
  vi = { lang: 'vi', t: i18n.getFixedT('vi', 'conditions') };
});

/** The example: big orders with a pre-order line item. */
const bigPreorder: GroupInput = {
  id: 'root',
  join: 'all',
  rules: [
    { id: 'r1', field: 'order.totalPrice', type: 'number', operator: 'gte', value: 2000000 },
    {
      id: 'q1',
      quantifier: 'any',
      list: 'order.lineItems',
      where: { id: 'g1', join: 'all', rules: [{ id: 'r2', field: 'sku', type: 'text', operator: 'starts_with', value: 'PRE-' }] },
    },
  ],
};

describe('summarizeCondition: a condition in a line, in the user language', () => {
  it('reads the issue example in English and Vietnamese, with each language’s number format', () => {
    expect(summarizeCondition(bigPreorder, rootScope, en)).toBe('Order total ≥ 2,000,000 and at least one line item: SKU starts with PRE-');
    expect(summarizeCondition(bigPreorder, rootScope, vi)).toBe('Tổng tiền ≥ 2.000.000 và ít nhất một sản phẩm: Mã SKU bắt đầu bằng PRE-');
  });

  it('brackets nested groups and checks that other rules follow, and joins OR groups with or', () => {
    const tree: GroupInput = {
      id: 'root',
      join: 'any',
      rules: [
        { ...bigPreorder.rules[1]!, quantifier: 'none' } as GroupInput['rules'][number],
        {
          id: 'g2',
          join: 'all',
          rules: [
            { id: 'r3', field: 'order.financialStatus', type: 'text', operator: 'equals', value: 'paid' },
            { id: 'r4', field: 'order.tags', type: 'list', operator: 'includes_any', value: ['VIP', 'Sỉ'] },
          ],
        },
      ],
    };
    expect(summarizeCondition(tree, rootScope, en)).toBe('(No line item: SKU starts with PRE-) or (Order payment status is Paid and Order tags include any of VIP, Sỉ)');
    expect(summarizeCondition(tree, rootScope, vi)).toBe(
      '(Không sản phẩm nào: Mã SKU bắt đầu bằng PRE-) hoặc (Trạng thái thanh toán là Đã thanh toán và Thẻ đơn hàng có một trong VIP, Sỉ)',
    );
  });

  it('words relative dates with their unit, ranges, yes/no fields and line item lists', () => {
    const tree: GroupInput = {
      id: 'root',
      join: 'all',
      rules: [
        { id: 'r1', field: 'order.createdAt', type: 'date', operator: 'within_last_days', value: 7, unit: 'days' },
        { id: 'r2', field: 'order.subtotalPrice', type: 'number', operator: 'between', value: 100000, value2: 500000.5 },
        { id: 'r3', field: 'order.cashOnDelivery', type: 'boolean', operator: 'is_true' },
        { id: 'r4', field: 'order.lineItems', type: 'list', operator: 'is_not_empty' },
        { id: 'r5', field: 'order.cancelledAt', type: 'date', operator: 'more_than_days_ago', value: 1, unit: 'weeks' },
      ],
    };
    expect(summarizeCondition(tree, rootScope, en)).toBe(
      'Order date in the last 7 days and Subtotal between 100,000 and 500,000.5 and Cash on delivery (COD): yes and Line items: at least one and Cancelled at more than 1 week ago',
    );
    expect(summarizeCondition(tree, rootScope, vi)).toBe(
      'Ngày đặt trong vòng 7 ngày qua và Tạm tính từ 100.000 đến 500.000,5 và Thanh toán khi nhận hàng (COD): có và Sản phẩm trong đơn: có ít nhất một và Ngày hủy cách đây hơn 1 tuần',
    );
  });

  it('says what an empty condition does, and marks what is still to fill in', () => {
    expect(summarizeCondition({ id: 'root', join: 'all', rules: [] }, rootScope, en)).toBe('No rules yet (always Yes)');
    expect(summarizeCondition({ id: 'root', join: 'any', rules: [] }, rootScope, vi)).toBe('Chưa có quy tắc (luôn Không)');
    const draft: GroupInput = { id: 'root', join: 'all', rules: [{ id: 'r1', field: '', type: 'text', operator: 'equals' }, { id: 'r2', field: 'order.totalPrice', type: 'number', operator: 'gt' }] };
    expect(summarizeCondition(draft, rootScope, en)).toBe('(Choose a field) is … and Order total > …');
  });

  it('names event types and platforms in words, and nested lists by their item', () => {
    const tree: GroupInput = {
      id: 'root',
      join: 'all',
      rules: [
        { id: 'r1', field: 'event.type', type: 'text', operator: 'equals', value: 'order.delivery_failed' },
        { id: 'r2', field: 'order.platform', type: 'text', operator: 'not_equals', value: 'lazada' },
        {
          id: 'q1',
          quantifier: 'all',
          list: 'order.lineItems',
          where: {
            id: 'g1',
            join: 'all',
            rules: [{ id: 'q2', quantifier: 'any', list: 'properties', where: { id: 'g2', join: 'all', rules: [{ id: 'r3', field: 'name', type: 'text', operator: 'equals', value: 'Gift' }] } }],
          },
        },
      ],
    };
    expect(summarizeCondition(tree, rootScope, en)).toBe('Event is Delivery failed and Order platform is not Lazada and every line item: at least one property: Property name is Gift');
  });
});
