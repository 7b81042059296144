import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDto, InboxEntryDto, Platform, PlatformInfoDto } from '../../engine/contract/index.ts';
import { Platform as Platforms } from '../../engine/contract/index.ts';
import { makeDataDir } from '../harness/temp-engine.ts';
import { postShopify } from '../harness/shopify.ts';
import { cliPlatforms, DEAD_API } from './platform-deliveries.ts';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

// Each step runs the real `flowdesk` process (about a second of CPU apiece): allow for many.
describe('flowdesk connections: every platform from the command line', { timeout: 180_000 }, () => {
  let dataDir: string;
  let server: ChildProcess;
  let printed = '';
  const added = new Map<Platform, ConnectionDto>();

  function flowdesk(...args: string[]) {
    const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }
  function json<T>(...args: string[]): T {
    const r = flowdesk('--json', ...args);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as T;
  }
  const connections = () => json<ConnectionDto[]>('connections', 'list');
  /** The inbox entry of a connection's latest delivery. */
  const latest = (id: string) => json<InboxEntryDto[]>('inbox', 'list', '--connection', id)[0];

  beforeAll(async () => {
    dataDir = makeDataDir();
    server = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', '0', '--api-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
    for (let i = 0; i < 200 && !printed.includes('Press Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 25));
  });
  afterAll(() => {
    server.kill('SIGKILL');
  });

  it('lists every platform, and shows an example of each in connections add --help', () => {
    const platforms = json<PlatformInfoDto[]>('connections', 'platforms');
    expect(platforms.map((p) => p.platform)).toEqual(Platforms.options);
    expect(platforms.find((p) => p.platform === 'lazada')!.secrets.map((s) => s.name)).toEqual(['appSecret', 'accessToken']);
    const help = flowdesk('connections', 'add', '--help').out;
    for (const p of Platforms.options) expect(help).toContain(`flowdesk connections add --platform ${p} `);
    const text = flowdesk('connections', 'platforms', 'kiotviet').out;
    expect(text).toMatch(/webhookSecret +Webhook secret/);
    expect(text).toMatch(/lockedVariant = null/);
    expect(text).toMatch(/apiBaseUrl = "https:\/\/public\.kiotapi\.com"/);
    expect(text).toContain('Setup:');
  });

  it('adds a connection of each platform, and each accepts a genuine delivery in its own format', async () => {
    for (const c of cliPlatforms) {
      const r = flowdesk('--json', 'connections', 'add', '--platform', c.platform, ...c.args);
      expect(r.code, `${c.platform}: ${r.err}`).toBe(0);
      const connection = JSON.parse(r.out) as ConnectionDto;
      added.set(c.platform, connection);
      expect(await c.deliver(connection.webhookUrl, c.secret), c.platform).toBe(200);
    }
    const inbox = json<InboxEntryDto[]>('inbox', 'list');
    for (const c of cliPlatforms) {
      const entry = inbox.find((e) => e.connectionId === added.get(c.platform)!.id);
      expect(entry, c.platform).toMatchObject({ verdict: 'accepted', httpStatus: 200, platform: c.platform });
      expect(entry!.reason, c.platform).toMatch(/verified|matches/);
    }
    const lazada = added.get('lazada')!;
    expect(lazada.settings).toMatchObject({ appKey: '112233', apiBaseUrl: `${DEAD_API}/rest` });
    expect(Object.keys(lazada.secretHints)).toEqual(['appSecret', 'accessToken']);
    expect(added.get('kiotviet')!.secretHints).toEqual({ webhookSecret: '••••ZXQ=' });
    expect(added.get('catchhook')!.settings['topic']).toEqual({ source: 'event', value: 'order.placed' });
    expect(added.get('haravan')!.name).toBe('Haravan shop');
    const listed = flowdesk('connections', 'list').out;
    for (const c of cliPlatforms) expect(listed).toContain(added.get(c.platform)!.id);
    expect(listed).not.toContain(cliPlatforms[0]!.secret);
  });

  it('refuses a bad --setting, an unknown setting and an unknown secret name in one clear line, adding nothing', () => {
    const before = connections().length;
    const lazada = ['connections', 'add', '--platform', 'lazada', '--store', '99', '--secret', 'appSecret=s', '--secret', 'accessToken=t'];
    const cases: [args: string[], message: RegExp][] = [
      [[...lazada, '--setting', 'storeStatuses=42'], /invalid Lazada settings: setting "storeStatuses": .*expected array/],
      [[...lazada, '--setting', 'apiBaseUrl=not a url'], /setting "apiBaseUrl"/],
      [[...lazada, '--setting', 'appkey=112233'], /unknown Lazada setting "appkey"; its settings are appKey, apiBaseUrl/],
      [[...lazada, '--secret', 'appsecret=x'], /unknown Lazada secret "appsecret"; its secrets are appSecret, accessToken/],
      [['connections', 'add', '--platform', 'kiotviet', '--store', 'x', '--secret', 's', '--setting', 'lockedVariant=sha3'], /setting "lockedVariant"/],
      [['connections', 'add', '--platform', 'shopify', '--store', 'x.myshopify.com'], /missing secret/],
    ];
    for (const [args, message] of cases) {
      const r = flowdesk(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
      expect(r.out).toBe('');
    }
    expect(connections()).toHaveLength(before);
  });

  it('updates a secret: a delivery signed with the new one is accepted, the old one refused', async () => {
    const shopify = added.get('shopify')!;
    const r = flowdesk('connections', 'update', shopify.id, '--secret', 'webhookSecret=shpss_rotated_0123456789abcdef', '--name', 'Rotated');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Updated connection ${shopify.id}`);
    expect(r.out).toContain('webhookSecret ••••cdef');
    expect((await postShopify(shopify.webhookUrl, { secret: 'shpss_rotated_0123456789abcdef' })).status).toBe(200);
    expect(latest(shopify.id)).toMatchObject({ verdict: 'accepted' });
    expect((await postShopify(shopify.webhookUrl, { secret: cliPlatforms[0]!.secret })).status).toBe(401);
    expect(latest(shopify.id)).toMatchObject({ verdict: 'bad_signature' });
    expect(connections().find((c) => c.id === shopify.id)!.name).toBe('Rotated');
  });

  it('updates settings by merging them over the current ones', () => {
    const lazada = added.get('lazada')!;
    expect(flowdesk('connections', 'update', lazada.id, '--setting', 'salesChannel=Lazada VN').code).toBe(0);
    const after = connections().find((c) => c.id === lazada.id)!;
    expect(after.settings).toMatchObject({ salesChannel: 'Lazada VN', appKey: '112233', apiBaseUrl: `${DEAD_API}/rest` });
    const bad = flowdesk('connections', 'update', lazada.id, '--setting', 'storeStatuses={"a":1}');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/^flowdesk: invalid Lazada settings: setting "storeStatuses"/);
    expect(connections().find((c) => c.id === lazada.id)!.settings).toEqual(after.settings);
  });

  it('remove --dry-run removes nothing and names the flows removing would deactivate; remove does it', () => {
    const ladisales = added.get('ladisales')!;
    const file = join(dataDir, 'ladi.flow.json');
    const flow = {
      name: 'Tag LadiSales orders',
      nodes: [
        { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: ['ladisales'] } },
        { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 120 }, params: { tags: ['LADI'] } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'tag', targetPort: 'in' }],
    };
    writeFileSync(file, JSON.stringify({ format: 'flowdesk.flow/v1', flow }));
    const flowId = json<{ id: string }>('flows', 'import', file, '--activate').id;

    const dry = flowdesk('connections', 'remove', ladisales.id, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`Dry run, nothing removed: removing ${ladisales.id} would deactivate 1 flow: ${flowId} "Tag LadiSales orders"`);
    expect(connections().map((c) => c.id)).toContain(ladisales.id);
    const active = () => json<{ id: string; activeVersion: number | null }[]>('flows', 'list').find((f) => f.id === flowId)!.activeVersion;
    expect(active()).toBe(1);

    const done = json<{ deactivatedFlows: { id: string }[]; dryRun: boolean }>('connections', 'remove', ladisales.id);
    expect(done).toMatchObject({ dryRun: false, deactivatedFlows: [{ id: flowId }] });
    expect(connections().map((c) => c.id)).not.toContain(ladisales.id);
    expect(active()).toBeNull();
  });
});
