import { describe, expect, it } from 'vitest';
import { AppendFileRowParams, formSchemaOf, HttpRequestParams, SendSmsParams, type NodeSpecDto } from '../../engine/contract/index.ts';
import { formFields } from './core/schema-form.ts';
import { paletteGroups } from './core/palette.ts';
import { paramSummary } from './param-summary.ts';

const fields = formFields(formSchemaOf(SendSmsParams));
const params = { account: 'acc_01JABCDEF', text: 'Don hang {{ order.number }} da duoc huy' };
const option = (v: string) => v;

describe("an SMS step's card", () => {
  it("names the account, never its id", () => {
    const names = new Map([['acc_01JABCDEF', 'SpeedSMS brandname']]);
    expect(paramSummary(fields, params, option, 4, (id) => names.get(id))).toBe('SpeedSMS brandname · Don hang {{ order.number }} da duoc huy');
  });

  it('leaves the account out while its name is unknown (not loaded, or removed)', () => {
    expect(paramSummary(fields, params, option)).toBe('Don hang {{ order.number }} da duoc huy');
    expect(paramSummary(fields, params, option, 4, () => undefined)).not.toContain('acc_');
  });
});

describe("a spreadsheet row step's card", () => {
  it('lists the columns by their headers, not as objects', () => {
    const sheet = formFields(formSchemaOf(AppendFileRowParams));
    const columns = [{ header: 'Mã đơn', value: '{{ order.number }}' }, { header: 'Tổng', value: '{{ order.totalPrice }}' }];
    expect(paramSummary(sheet, { path: '/data/don-hang.xlsx', columns }, option)).toBe('/data/don-hang.xlsx · Mã đơn, Tổng');
  });
});

describe("an HTTP step's card", () => {
  it('shows a credential header by its name, never its value', () => {
    const http = formFields(formSchemaOf(HttpRequestParams));
    const summary = paramSummary(http, { method: 'POST', url: 'https://erp.example.vn/orders', headers: ['Authorization: Bearer sk_live_123456', 'X-Shop: an'], body: '' }, option, 5);
    expect(summary).toContain('Authorization: ••••, X-Shop: an');
    expect(summary).not.toContain('sk_live');
  });
});

describe('the palette', () => {
  const spec = (type: string, replacedBy?: string): NodeSpecDto => ({
    type, version: 1, label: type, description: '', category: 'action', connector: 'sms', icon: 'sms', inputs: [], outputs: [], paramsSchema: {},
    ...(replacedBy ? { replacedBy } : {}),
  });
  it('offers the newer type, not the one it replaced (which still opens in flows that use it)', () => {
    const groups = paletteGroups([spec('sms.send'), spec('sms.send_esms', 'sms.send')], 'sms', (s) => ({ label: s.label, description: s.description }));
    expect(groups.flatMap((g) => g.entries.map((e) => e.spec.type))).toEqual(['sms.send']);
  });
});
