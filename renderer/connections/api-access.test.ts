import { describe, expect, it } from 'vitest';
import { ConnectionApi, writeBackSupport, type ConnectionDto, type PlatformInfoDto } from '../../engine/contract/index.ts';
import { apiFormFrom, apiFormInUse, buildApiArgs, noApiFor, requiredApiSecret, supportRows } from './api-access.ts';
import { buildCreateArgs, emptyForm } from './connection-form.ts';

const shopify: PlatformInfoDto = {
  platform: 'shopify',
  label: 'Shopify',
  storeIdLabel: 'Shop domain',
  secrets: [{ name: 'webhookSecret', label: 'Client secret', optional: false }],
  settingsSchema: { type: 'object', properties: {} },
  setup: [],
  api: {
    available: true,
    note: null,
    secrets: [{ name: 'adminToken', label: 'Admin API access token', optional: false }],
    options: [{ name: 'apiVersion', label: 'Admin API version', default: '2026-01' }],
    supports: writeBackSupport.shopify,
    reconcileMinutes: 60,
  },
};
const ladisales: PlatformInfoDto = { ...shopify, platform: 'ladisales', label: 'LadiSales', api: { ...shopify.api, available: false, note: 'no API', secrets: [], options: [], supports: writeBackSupport.ladisales } };
const sapo: PlatformInfoDto = { ...shopify, platform: 'sapo', label: 'Sapo', api: { ...shopify.api, note: 'Sapo GO has none', supports: writeBackSupport.sapo } };
const saved = (api: Partial<ConnectionApi>, hints: Record<string, string> = {}): ConnectionDto => ({
  id: 'con_1', platform: 'shopify', storeId: 'a.myshopify.com', name: 'A', store: 'A', settings: {}, webhookPath: '/hooks/con_1', webhookUrl: 'http://x/hooks/con_1',
  secretHint: '••••', secretHints: hints, api: ConnectionApi.parse(api), apiBaseUrl: 'https://a.myshopify.com/admin/api/2026-01', noApiReason: null, createdAt: '2026-01-01T00:00:00.000Z',
});

describe('the API access section', () => {
  it('sends nothing for a new connection that turns nothing on, and the API and its token when write-back is on', () => {
    const values = { ...emptyForm(shopify), storeId: 'a.myshopify.com', secrets: { webhookSecret: 'w' } };
    expect(buildCreateArgs(values, shopify)).toEqual({ ok: true, args: { platform: 'shopify', storeId: 'a.myshopify.com', secrets: { webhookSecret: 'w' } } });
    const on = { ...values, api: { ...values.api, writeBack: true, secrets: { adminToken: ' shpat_1 ' } } };
    expect(buildCreateArgs(on, shopify)).toEqual({
      ok: true,
      args: {
        platform: 'shopify',
        storeId: 'a.myshopify.com',
        secrets: { webhookSecret: 'w', adminToken: 'shpat_1' },
        api: { writeBack: true, reconcile: false, intake: 'webhook', reconcileEveryMinutes: null, pollEverySeconds: 60, baseUrl: '', options: {} },
      },
    });
  });

  it('checks the intervals it shows, keeps options that differ from their default, and asks for a stored secret only once', () => {
    const values = { ...apiFormFrom(shopify), reconcile: true, reconcileEveryMinutes: '2' };
    expect(buildApiArgs(values, shopify, 'a.myshopify.com')).toMatchObject({ ok: false, field: 'reconcileEveryMinutes', min: 5, max: 1440 });
    const polling = { ...apiFormFrom(shopify), intake: 'polling' as const, pollEverySeconds: '120', options: { apiVersion: '2025-10' } };
    expect(buildApiArgs(polling, shopify, 'a.myshopify.com')).toMatchObject({ ok: true, api: { intake: 'polling', pollEverySeconds: 120, options: { apiVersion: '2025-10' } } });
    expect(apiFormInUse(polling)).toBe(true);
    const current = saved({ writeBack: true, reconcileEveryMinutes: 30 }, { adminToken: '••••abcd' });
    const edit = apiFormFrom(shopify, current.api);
    expect(edit).toMatchObject({ writeBack: true, reconcileEveryMinutes: '30', options: { apiVersion: '' } });
    expect(buildApiArgs({ ...edit, writeBack: false }, shopify, current.storeId, current)).toMatchObject({ ok: true, api: { writeBack: false, reconcileEveryMinutes: 30 }, secrets: {} });
    expect(requiredApiSecret(shopify.api.secrets[0]!, current)).toBe(false);
    expect(requiredApiSecret(shopify.api.secrets[0]!)).toBe(true);
  });

  it('says in the form when there is no API: LadiSales, a Sapo GO store', () => {
    expect(noApiFor(ladisales, 'shop')?.reason).toBe('ladisales');
    expect(noApiFor(sapo, 'abc.mysapogo.com')?.reason).toBe('sapo_go');
    expect(noApiFor(sapo, 'abc.mysapo.net')).toBeNull();
    const values = { ...emptyForm(ladisales), storeId: 'shop', secrets: { webhookSecret: 'w' }, api: { ...apiFormFrom(ladisales), writeBack: true } };
    expect(buildCreateArgs(values, ladisales)).toMatchObject({ ok: true, args: { secrets: { webhookSecret: 'w' } } });
    expect(buildCreateArgs(values, ladisales)).not.toHaveProperty('args.api');
  });

  it('lists what the platform can do first, and leaves marketplace actions out for a shop platform', () => {
    const rows = supportRows(sapo);
    expect(rows.can).toContainEqual({ action: 'order.tags.add', support: 'workaround' });
    expect(rows.cannot).toContain('order.cancel');
    expect(rows.cannot).not.toContain('marketplace.cancel');
  });
});
