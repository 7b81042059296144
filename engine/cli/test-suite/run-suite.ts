import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CapturedDelivery, FlowDocument } from '../../contract/index.ts';
import { createEngine, type Engine } from '../../create-engine.ts';
import { createNodeRegistry } from '../../nodes/registry.ts';
import { fillAccounts } from '../../flows/account-fields.ts';
import { silentLogger } from '../../shared/logger.ts';
import { EngineError } from '../../shared/errors.ts';
import { compareExpectation, type Difference } from './compare.ts';
import { observeRun, type Expectation } from './expectation.ts';
import { SuiteError, type LoadedCase, type LoadedSuite } from './suite-file.ts';

/** What became of one captured delivery when it was posted. */
export interface DeliveryOutcome {
  n: number;
  topic: string | null;
  httpStatus: number;
  verdict: string;
  reason: string | null;
}

export interface CaseResult {
  name: string;
  expectPath: string;
  deliveries: DeliveryOutcome[];
  /** What fails the case besides its expectation: a delivery refused (its signature did not verify…). */
  problems: string[];
  /** Worth saying, not a failure: a topic Flowdesk ignores, a delivery it could not process. */
  notes: string[];
  actual: Expectation;
  /** Null with --update, or when there was no expectation to compare with. */
  differences: Difference[] | null;
}

// Headers the HTTP client sets itself for the new request; the rest go as captured.
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect', 'upgrade', 'te', 'trailer', 'proxy-connection']);

/** The suite's flow files, their account fields pointed at the accounts this engine made. */
function flowFileFor(file: Record<string, unknown>, refs: ReadonlyMap<string, string>, byConnector: (connectors: readonly string[]) => string[]): Record<string, unknown> {
  const doc = (file as { flow: FlowDocument }).flow;
  const mapped: FlowDocument = {
    ...doc,
    nodes: doc.nodes.map((n) => ({
      ...n,
      params: Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === 'string' && refs.has(v) ? refs.get(v)! : v])),
    })),
  };
  return { ...file, flow: fillAccounts(mapped, createNodeRegistry(), byConnector) };
}

async function post(engine: Engine, hookPath: string, d: CapturedDelivery): Promise<{ status: number; body: { verdict?: string; reason?: string | null } }> {
  const headers = Object.fromEntries(Object.entries(d.headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())));
  // The query the platform put on the URL is part of the delivery (a LadiSales token): kept.
  const query = new URL(d.path || '/', 'http://capture').search;
  const res = await fetch(`${engine.info().webhookBaseUrl}${hookPath}${query}`, {
    method: d.method,
    headers,
    ...(d.method === 'GET' || d.method === 'HEAD' ? {} : { body: Buffer.from(d.bodyBase64, 'base64') }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as { verdict?: string; reason?: string | null } };
  } catch {
    return { status: res.status, body: { reason: text.slice(0, 200) } };
  }
}

const engineWords = (error: unknown) => (error instanceof EngineError || error instanceof Error ? error.message : String(error));

/**
 * One case on an engine of its own (a temp data dir, free ports, every run dry): the suite's
 * connections, accounts and flows set up, the captured deliveries posted to its webhook
 * listener in order (so each is verified as the platform's would be), then each flow's runs.
 */
async function runCase(suite: LoadedSuite, c: LoadedCase, update: boolean): Promise<CaseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowdesk-suite-'));
  const engine = createEngine({
    dataDir, webhookPort: 0, apiPort: 0, http: false, logger: silentLogger,
    dryRunsOnly: true, reconcileAtStart: false, maintenanceEveryMs: 0,
    // A delivery that cannot be processed gives up fast: a test waits for it.
    queue: { retryBaseMs: 20, retryMaxMs: 100, maxAttempts: 3 },
  });
  try {
    await engine.start();
    const hooks = new Map<string, { id: string; path: string }>();
    const names = new Map<string, string>();
    for (const [i, conn] of suite.json.connections.entries()) {
      try {
        const made = await engine.call('connections.create', { platform: conn.platform, storeId: conn.storeId, secrets: conn.secrets, ...(conn.settings ? { settings: conn.settings } : {}) });
        hooks.set(`${conn.platform} ${conn.storeId}`, { id: made.id, path: made.webhookPath });
        names.set(made.id, `<connection ${conn.platform} ${conn.storeId}>`);
      } catch (error) {
        throw new SuiteError(`${join(suite.dir, 'suite.json')}: connections.${i}: ${engineWords(error)}`);
      }
    }
    const refs = new Map<string, string>();
    const accountIds: { id: string; connector: string }[] = [];
    for (const [i, a] of suite.json.accounts.entries()) {
      try {
        const made = await engine.call('accounts.create', { connector: a.connector, name: a.name, credentials: a.credentials, ...(a.settings ? { settings: a.settings } : {}) });
        if (a.ref) refs.set(a.ref, made.id);
        accountIds.push({ id: made.id, connector: a.connector });
        names.set(made.id, `<account ${a.name}>`);
      } catch (error) {
        throw new SuiteError(`${join(suite.dir, 'suite.json')}: accounts.${i}: ${engineWords(error)}`);
      }
    }
    const flowIds: { id: string; name: string }[] = [];
    for (const f of suite.flows) {
      const file = flowFileFor(f.file, refs, (connectors) => accountIds.filter((a) => connectors.includes(a.connector)).map((a) => a.id));
      let imported;
      try {
        imported = await engine.call('flows.import', { file, activate: true });
      } catch (error) {
        throw new SuiteError(`${f.path}: ${engineWords(error)}`);
      }
      if (imported.needs.length > 0) throw new SuiteError(`${f.path}: fields left blank for secrets must be filled in before the flow can run (${imported.needs.map((n) => `${n.nodeId}.${n.field}`).join(', ')})`);
      if (imported.activeVersion === null) throw new SuiteError(`${f.path}: the flow could not be turned on`);
      flowIds.push({ id: imported.id, name: f.name });
      names.set(imported.id, `<flow ${f.name}>`);
    }

    const deliveries: DeliveryOutcome[] = [];
    const problems: string[] = [];
    const notes: string[] = [];
    for (const [i, d] of c.capture.deliveries.entries()) {
      const hook = hooks.get(`${d.platform} ${d.storeId}`);
      if (!hook) throw new SuiteError(`${c.capturePath}: delivery ${i + 1} is from ${d.platform} store ${d.storeId}, and suite.json has no connection for it`);
      const answer = await post(engine, hook.path, d);
      const outcome: DeliveryOutcome = { n: i + 1, topic: d.topic, httpStatus: answer.status, verdict: answer.body.verdict ?? 'no answer', reason: answer.body.reason ?? null };
      deliveries.push(outcome);
      const what = `delivery ${i + 1} (${d.topic ?? 'no topic'})`;
      if (outcome.verdict === 'bad_signature') problems.push(`${what}: its signature does not verify with the suite's secret for ${d.platform} ${d.storeId}: ${outcome.reason ?? ''}`.trim());
      else if (answer.status >= 300) problems.push(`${what}: refused with ${answer.status} (${outcome.verdict}): ${outcome.reason ?? ''}`.trim());
      else if (outcome.verdict !== 'accepted') notes.push(`${what}: ${outcome.verdict}${outcome.reason ? `: ${outcome.reason}` : ''}`);
    }
    await engine.idle();

    for (const entry of await engine.call('inbox.list', { limit: 1000 })) {
      if (entry.processing === 'dead' || entry.processing === 'failed') notes.push(`delivery of ${entry.topic ?? 'no topic'} could not be processed: ${entry.outcome ?? ''}`);
    }
    const actual: Expectation = {};
    for (const flow of flowIds) {
      // Oldest first: the order the deliveries made them in.
      const summaries = (await engine.call('runs.list', { flowId: flow.id, limit: 1000 })).reverse();
      const details = [];
      for (const s of summaries) {
        if (s.orderId && s.orderNumber) names.set(s.orderId, `<order ${s.orderNumber}>`);
        details.push(await engine.call('runs.get', { id: s.id }));
      }
      actual[flow.name] = details.map((run) => observeRun(run, names));
    }
    const labels = new Map(suite.flows.map((f) => [f.name, new Map(((f.file as { flow: FlowDocument }).flow.nodes).map((n) => [n.id, n.label ?? null]))]));
    const differences = update || !c.expected ? null : compareExpectation(c.expected, actual, (flow, id) => labels.get(flow)?.get(id) ?? null);
    return { name: c.name, expectPath: c.expectPath, deliveries, problems, notes, actual, differences };
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every (selected) case, one after the other, each on a fresh engine. */
export async function runSuite(suite: LoadedSuite, o: { update: boolean }): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of suite.cases) results.push(await runCase(suite, c, o.update));
  return results;
}
