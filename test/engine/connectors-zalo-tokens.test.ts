import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinIntentHandlers } from '../../engine/connectors/index.ts';
import { createTimeline } from '../../engine/domain/timeline.ts';
import type { ExternalIntentHandler, IntentContext } from '../../engine/nodes/intents.ts';
import { openStore, type OpenedStore } from '../../engine/storage/open-store.ts';
import { makeDataDir, startTempEngine } from '../harness/temp-engine.ts';
import { startFakeZalo, ZALO_PHONES, type FakeZalo } from '../harness/fake-zalo.ts';

/**
 * Zalo's refresh token works once (connectors.md §1.1). Sends of one account that find the
 * token expired at the same moment must share ONE refresh, and the pair it brings must be on
 * disk before it is used: an engine reopened on the same file renews with it. The sends here
 * go through the connector's own handler on the engine's real database, two at a time, as two
 * workers would.
 */
describe('Zalo token refresh: serialized per account, stored before use', () => {
  let zalo: FakeZalo;
  let dataDir: string;
  let accountId: string;
  let store: OpenedStore | null = null;

  const send = () => ({ kind: 'zalo.zns.send' as const, account: accountId, phone: ZALO_PHONES.onZalo, templateId: '231785', templateData: { order_code: '#1' }, fallback: null });
  const ctx = (n: number): IntentContext => ({ runId: `run-${n}`, nodeId: 'zns', flowId: 'flow', flowName: 'Flow', orderId: null, atMs: Date.now(), idempotencyKey: `run-${n}:zns` });

  function open() {
    store = openStore(dataDir, { nowMs: Date.now(), synchronous: 'normal' });
    const handlers = builtinIntentHandlers({ repos: store.repos, timeline: createTimeline(store.repos.timeline), fetch });
    return handlers.find((h) => h.kind === 'zalo.zns.send') as unknown as ExternalIntentHandler<'zalo.zns.send'>;
  }
  const stored = () => store!.repos.accounts.get(accountId)!.credentials;

  beforeEach(async () => {
    zalo = await startFakeZalo();
    // Long enough for both sends to be waiting on the same refresh.
    zalo.refreshDelayMs = 200;
    dataDir = makeDataDir();
    const t = await startTempEngine({}, dataDir);
    accountId = (
      await t.engine.call('accounts.create', {
        connector: 'zalo',
        name: 'OA',
        credentials: { appId: zalo.appId, appSecret: zalo.appSecret, accessToken: zalo.tokens.accessToken, refreshToken: zalo.tokens.refreshToken },
        settings: { oauthBaseUrl: zalo.baseUrl, openApiBaseUrl: zalo.baseUrl, businessBaseUrl: zalo.baseUrl },
      })
    ).id;
    await t.engine.stop();
  });
  afterEach(async () => {
    store?.db.close();
    store = null;
    await zalo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('two sends refused with an expired token (-124) share one refresh, and each is sent once with the new token', async () => {
    const zns = open();
    zalo.expireAccessToken();
    const results = await Promise.all([zns.perform(send(), ctx(1)), zns.perform(send(), ctx(2))]);
    expect(zalo.refreshes()).toHaveLength(1);
    expect(results).toEqual([expect.objectContaining({ trackingId: 'run-1:zns' }), expect.objectContaining({ trackingId: 'run-2:zns' })]);
    expect(zalo.zns.map((m) => m.trackingId).sort()).toEqual(['run-1:zns', 'run-2:zns']);
    const sends = zalo.requests.filter((r) => r.path === '/message/template').map((r) => r.accessToken);
    expect(sends).toEqual(['zalo-access-token-0000000000', 'zalo-access-token-0000000000', 'zalo-access-token-0000000001', 'zalo-access-token-0000000001']);
    expect(stored()).toMatchObject({ accessToken: 'zalo-access-token-0000000001', refreshToken: 'zalo-refresh-token-0000000001' });
  });

  it('two sends that know the token expired refresh once before sending, and an engine reopened on the file renews with the stored token', async () => {
    let zns = open();
    store!.repos.accounts.mergeCredentials(accountId, { accessTokenExpiresAt: new Date(Date.now() - 60_000).toISOString() });
    await Promise.all([zns.perform(send(), ctx(1)), zns.perform(send(), ctx(2)), zns.perform(send(), ctx(3))]);
    expect(zalo.refreshes()).toHaveLength(1);
    // No send went out with the old token: the expiry said so first.
    expect(new Set(zalo.requests.filter((r) => r.path === '/message/template').map((r) => r.accessToken))).toEqual(new Set(['zalo-access-token-0000000001']));
    expect(Date.parse(String(stored()['accessTokenExpiresAt'])) - Date.now()).toBeGreaterThan(89_000_000);

    // The process goes away; the next one reads the new pair from the file.
    store!.db.close();
    store = null;
    zns = open();
    zalo.expireAccessToken();
    await zns.perform(send(), ctx(4));
    expect(zalo.refreshes().map((r) => r.body?.['refresh_token'])).toEqual(['zalo-refresh-token-0000000000', 'zalo-refresh-token-0000000001']);
    expect(stored()['refreshToken']).toBe(zalo.tokens.refreshToken);

    store!.db.close();
    store = null;
    const t = await startTempEngine({}, dataDir);
    try {
      expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true });
      expect(zalo.refreshes().at(-1)!.body?.['refresh_token']).toBe('zalo-refresh-token-0000000002');
    } finally {
      await t.engine.stop();
    }
  });

  it('a send refused with a token another send already renewed takes the stored token, without a second refresh', async () => {
    const zns = open();
    zalo.expireAccessToken();
    await zns.perform(send(), ctx(1));
    // The old token, refused now, is what a slower worker would still hold: the keeper sees it was renewed.
    zalo.refreshDelayMs = 0;
    await zns.perform(send(), ctx(2));
    expect(zalo.refreshes()).toHaveLength(1);
    expect(zalo.zns).toHaveLength(2);
  });
});
