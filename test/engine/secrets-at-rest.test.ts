import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { postShopify, SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';

describe('connection secrets at rest', () => {
  let t: TempEngine | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('are encrypted in the database with a key file of mode 0600, and still verify deliveries', async () => {
    t = await startTempEngine();
    const c = await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    expect((await postShopify(c.webhookUrl)).status).toBe(200);
    const keyFile = join(t.dataDir, 'secret.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(t.dataDir, 'api-token')).mode & 0o777).toBe(0o600);

    const raw = new Database(join(t.dataDir, 'flowdesk.db'), { readonly: true });
    const stored = (raw.prepare('SELECT secrets FROM connections').get() as { secrets: string }).secrets;
    raw.close();
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(SHOPIFY_SECRET);
    expect(stored).not.toContain('cdef');

    // Restarted with the same key file, the secret still opens.
    t = await t.restart();
    const [listed] = await t.engine.call('connections.list', {});
    expect((await postShopify(listed!.webhookUrl)).status).toBe(200);
  });

  it('uses the host\'s key (the desktop keychain\'s) for a new data dir, and an existing key file over it', async () => {
    const hostKey = Buffer.alloc(32, 3);
    t = await startTempEngine({ secretKey: hostKey });
    await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    expect(existsSync(join(t.dataDir, 'secret.key'))).toBe(false);
    t = await t.restart({ secretKey: hostKey });
    expect(await t.engine.call('connections.list', {})).toHaveLength(1);
  });

  it('refuses, with a clear reason, a database whose secrets were sealed with another key', async () => {
    t = await startTempEngine();
    await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET });
    const dataDir = t.dataDir;
    const keyFile = join(dataDir, 'secret.key');
    const rightKey = readFileSync(keyFile);
    await t.engine.stop();
    writeFileSync(keyFile, Buffer.alloc(32, 7).toString('base64'));
    await expect(t.restart()).rejects.toThrow(/cannot decrypt connection secrets: the secrets key does not match/);
    // Nothing was changed: the right key still opens everything.
    writeFileSync(keyFile, rightKey);
    t = await startTempEngine({}, dataDir);
    expect(await t.engine.call('connections.list', {})).toHaveLength(1);
  });
});
