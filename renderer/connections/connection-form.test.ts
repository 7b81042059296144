import { describe, expect, it } from 'vitest';
import { writeBackSupport, type ConnectionDto, type PlatformInfoDto } from '../../engine/contract/index.ts';
import { buildCreateArgs, buildUpdateArgs, editFormFrom, emptyForm, groupByStore, secretWords, settingsDefaults } from './connection-form.ts';

const shopify: PlatformInfoDto = {
  platform: 'shopify',
  label: 'Shopify',
  storeIdLabel: 'Shop domain',
  secrets: [{ name: 'webhookSecret', label: 'Client secret', optional: false }],
  settingsSchema: { type: 'object', properties: {} },
  setup: [],
  api: { available: false, note: null, secrets: [], options: [], supports: writeBackSupport.shopify, reconcileMinutes: 60 },
};
const kiotviet: PlatformInfoDto = {
  ...shopify,
  platform: 'kiotviet',
  secrets: [
    { name: 'webhookSecret', label: 'Webhook secret', optional: false },
    { name: 'clientSecret', label: 'API client secret', optional: true },
  ],
  settingsSchema: { type: 'object', properties: { lockedVariant: { default: null }, clientId: { type: 'string' }, apiBase: { default: 'https://x' } } },
};

describe('settingsDefaults', () => {
  it('takes each property’s default and leaves out those without one', () => {
    expect(settingsDefaults(kiotviet.settingsSchema)).toEqual({ lockedVariant: null, apiBase: 'https://x' });
    expect(settingsDefaults({})).toEqual({});
  });
});

describe('buildCreateArgs', () => {
  it('sends secrets by name, leaves blanks out, and leaves untouched settings to the engine', () => {
    const values = { ...emptyForm(kiotviet), storeId: ' shop-a ', name: '  ', secrets: { webhookSecret: 's3cret', clientSecret: '' } };
    expect(buildCreateArgs(values, kiotviet)).toEqual({
      ok: true,
      args: { platform: 'kiotviet', storeId: 'shop-a', secrets: { webhookSecret: 's3cret' } },
    });
  });

  it('sends changed settings, and refuses text that is not a JSON object', () => {
    const base = { ...emptyForm(kiotviet), storeId: 'a', name: 'Shop A', store: 'Shop', secrets: { webhookSecret: 'x' } };
    expect(buildCreateArgs({ ...base, settingsText: '{"lockedVariant":"sha256/raw-secret/hex"}' }, kiotviet)).toEqual({
      ok: true,
      args: { platform: 'kiotviet', storeId: 'a', name: 'Shop A', store: 'Shop', secrets: { webhookSecret: 'x' }, settings: { lockedVariant: 'sha256/raw-secret/hex' } },
    });
    expect(buildCreateArgs({ ...base, settingsText: '{oops' }, kiotviet)).toMatchObject({ ok: false, problem: 'settings_invalid' });
    expect(buildCreateArgs({ ...base, settingsText: '[1]' }, kiotviet)).toEqual({ ok: false, problem: 'settings_not_object' });
  });

  it('sends the settings the form holds once one differs from its default', () => {
    const base = { ...emptyForm(kiotviet), storeId: 'a', secrets: { webhookSecret: 'x' } };
    expect(base.settingsText).toBeNull();
    const changed = { ...base, settings: { ...base.settings, apiBase: 'https://y' } };
    expect(buildCreateArgs(changed, kiotviet)).toMatchObject({ ok: true, args: { settings: { lockedVariant: null, apiBase: 'https://y' } } });
  });
});

describe('groupByStore', () => {
  const conn = (id: string, store: string, name: string): ConnectionDto =>
    ({ id, store, name, platform: 'shopify' }) as ConnectionDto;

  it('groups connections by store, both in name order', () => {
    const groups = groupByStore([conn('1', 'beta', 'z'), conn('2', 'Alpha', 'b'), conn('3', 'beta', 'a')]);
    expect(groups.map((g) => [g.store, g.connections.map((c) => c.id)])).toEqual([
      ['Alpha', ['2']],
      ['beta', ['3', '1']],
    ]);
  });
});

describe('secretWords', () => {
  it('turns a secret’s name into words', () => {
    expect(secretWords('webhookSecret')).toBe('webhook secret');
    expect(secretWords('urlToken')).toBe('url token');
  });
});

describe('buildUpdateArgs', () => {
  const saved: ConnectionDto = {
    id: 'con_k', platform: 'kiotviet', storeId: 'shop-a', name: 'Shop A', store: 'Shop A', settings: { clientId: 'abc' },
    webhookPath: '/hooks/con_k', webhookUrl: 'http://127.0.0.1/hooks/con_k', secretHint: 's3…', secretHints: { webhookSecret: 's3…' },
    api: { writeBack: false, reconcile: false, poll: false, pollSeconds: 60, options: {} } as unknown as ConnectionDto['api'],
    apiBaseUrl: null, noApiReason: null, createdAt: '2026-12-01T00:00:00.000Z',
  };

  it('starts from what is saved, over the defaults, and sends nothing when nothing changed', () => {
    const values = editFormFrom(saved, kiotviet);
    expect(values.settings).toEqual({ lockedVariant: null, apiBase: 'https://x', clientId: 'abc' });
    expect(values.secrets).toEqual({ webhookSecret: '', clientSecret: '' });
    expect(buildUpdateArgs(values, saved, kiotviet)).toEqual({ ok: true, args: { id: 'con_k' } });
  });

  it('sends a renamed connection, a secret typed (blank ones are kept), and the settings as a whole when one changed', () => {
    const values = editFormFrom(saved, kiotviet);
    const edited = { ...values, name: ' Shop A — HN ', secrets: { webhookSecret: '', clientSecret: 'new-secret' }, settings: { ...values.settings, lockedVariant: 'hmac' } };
    expect(buildUpdateArgs(edited, saved, kiotviet)).toEqual({
      ok: true,
      args: { id: 'con_k', name: 'Shop A — HN', secrets: { clientSecret: 'new-secret' }, settings: { lockedVariant: 'hmac', apiBase: 'https://x', clientId: 'abc' } },
    });
  });

  it('refuses settings typed as text that is not a JSON object, sending nothing', () => {
    const values = { ...editFormFrom(saved, kiotviet), settingsText: '[1, 2]' };
    expect(buildUpdateArgs(values, saved, kiotviet)).toEqual({ ok: false, problem: 'settings_not_object' });
  });
});
