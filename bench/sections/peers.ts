// Peers, installed from the npm registry into a cache dir outside the repo and run with this
// node: Node-RED (http in → function → http response) and n8n (Webhook → Set), measured with
// the same body and connections as Flowdesk. A peer that cannot be installed or started is
// skipped with the reason printed, never replaced by a made-up figure.
import { mb, type BenchContext, type Measured } from '../lib/context.ts';
import type { SignedRequest } from '../lib/shopify-body.ts';
import type { Installed } from '../peers/install.ts';
import { installN8n, N8N_VERSION, prepareN8n, startN8n, storedExecutions, type N8nSaving } from '../peers/n8n.ts';
import { installNodeRed, NODE_RED_VERSION, startNodeRed } from '../peers/node-red.ts';
import type { PeerProcess } from '../peers/peer-process.ts';

export type PeerRun = (Measured & { startMs: number; rssMain: number }) | { skipped: string };
export interface PeersResult {
  nodeRed: PeerRun;
  n8nDefault: PeerRun;
  n8nNoSave: PeerRun;
  installs: Record<string, { dir: string; installS: number | null } | { skipped: string }>;
  /** Executions n8n had stored after each run (its database, read afterwards): the saving setting at work. */
  n8nStoredExecutions: { afterDefault: Stored; afterNoSave: Stored };
}

type Install = Installed | { skipped: string };
type Stored = { kept: number; deleted: number } | null;
const stored = (s: Stored) => (s ? `${s.kept} kept${s.deleted > 0 ? ` (+${s.deleted} marked deleted)` : ''}` : '?');

async function install(name: string, version: string, fn: () => Promise<Installed>): Promise<Install> {
  try {
    const i = await fn();
    console.log(`  ${name} ${version}: ${i.installS === null ? 'reused' : `installed in ${i.installS} s into`} ${i.dir}`);
    return i;
  } catch (error) {
    const skipped = `install failed: ${(error as Error).message}`;
    console.log(`  ${name} ${version}: skipped, ${skipped}`);
    return { skipped };
  }
}

/** Installs (or finds) both peers before anything is measured, so a long install never sits between two figures. */
export async function installPeers(ctx: BenchContext): Promise<{ nodeRed: Install; n8n: Install }> {
  if (!ctx.settings.peers) {
    const skipped = 'not run (--no-peers)';
    return { nodeRed: { skipped }, n8n: { skipped } };
  }
  console.log('\npeers (npm registry → cache dir outside the repo; run with this node)');
  const nodeRed = await install('node-red', NODE_RED_VERSION, installNodeRed);
  const n8n: Install = ctx.settings.n8n ? await install('n8n', N8N_VERSION, installN8n) : { skipped: 'not run (--no-n8n)' };
  return { nodeRed, n8n };
}

async function measurePeer(ctx: BenchContext, name: string, start: () => Promise<{ url: string; peer: PeerProcess; startMs: number }>, next: () => SignedRequest): Promise<PeerRun> {
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start();
  } catch (error) {
    const skipped = `did not start: ${(error as Error).message}`;
    console.log(`  ${name.padEnd(34)} skipped, ${skipped}`);
    return { skipped };
  }
  const { peer, url, startMs } = started;
  const forget = ctx.onCleanup(() => peer.stop());
  try {
    const m = await ctx.measure(name, url, next, async () => peer.rss().tree);
    return { ...m, startMs, rssMain: peer.rss().main };
  } finally {
    await peer.stop();
    forget();
  }
}

export async function runPeers(ctx: BenchContext, installs: { nodeRed: Install; n8n: Install }, next: () => SignedRequest): Promise<PeersResult> {
  const probe = next();
  const result: PeersResult = {
    nodeRed: { skipped: 'not installed' },
    n8nDefault: { skipped: 'not installed' },
    n8nNoSave: { skipped: 'not installed' },
    installs: { nodeRed: installs.nodeRed, n8n: installs.n8n },
    n8nStoredExecutions: { afterDefault: null, afterNoSave: null },
  };
  if (!ctx.settings.peers) {
    console.log('\npeers: not run (--no-peers)');
    return { ...result, nodeRed: { skipped: 'not run (--no-peers)' }, n8nDefault: { skipped: 'not run (--no-peers)' }, n8nNoSave: { skipped: 'not run (--no-peers)' } };
  }
  console.log(`\npeers (same body, ${ctx.settings.connections} connections, ${ctx.settings.durationS} s after ${ctx.settings.warmupS} s warm-up)`);

  const nr = installs.nodeRed;
  if ('skipped' in nr) {
    result.nodeRed = nr;
    console.log(`  c  Node-RED: skipped, ${nr.skipped}`);
  } else {
    result.nodeRed = await measurePeer(ctx, 'c  Node-RED in → function → out', () => startNodeRed(nr, ctx.tmpRoot, probe), next);
  }

  const n8n = installs.n8n;
  if ('skipped' in n8n) {
    result.n8nDefault = result.n8nNoSave = n8n;
    console.log(`  d  n8n: skipped, ${n8n.skipped}`);
  } else {
    let folder: string | null = null;
    try {
      folder = await prepareN8n(n8n, ctx.tmpRoot);
    } catch (error) {
      const skipped = `workflow import/publish failed: ${(error as Error).message}`;
      result.n8nDefault = result.n8nNoSave = { skipped };
      console.log(`  d  n8n: skipped, ${skipped}`);
    }
    if (folder) {
      const run = (saving: N8nSaving) => () => startN8n(n8n, folder, saving, ctx.tmpRoot, probe);
      result.n8nDefault = await measurePeer(ctx, 'd  n8n Webhook → Set, saving on', run('default'), next);
      const afterDefault = storedExecutions(folder);
      result.n8nNoSave = await measurePeer(ctx, 'd  n8n Webhook → Set, saving off', run('off'), next);
      const afterNoSave = storedExecutions(folder);
      result.n8nStoredExecutions = { afterDefault, afterNoSave };
      console.log(`  n8n's executions in its database: ${stored(afterDefault)} after the run with saving on, ${stored(afterNoSave)} after the one with saving off`);
    }
  }
  const rssLine = (['nodeRed', 'n8nDefault', 'n8nNoSave'] as const)
    .map((k) => {
      const r = result[k];
      return 'skipped' in r ? null : `${k} ${mb(r.rss)} MB (main process ${mb(r.rssMain)} MB), up in ${(r.startMs / 1000).toFixed(1)} s`;
    })
    .filter(Boolean);
  if (rssLine.length > 0) console.log(`  RSS after load (with the processes each started): ${rssLine.join('; ')}`);
  return result;
}
