import type { BatchSummaryDto, IntentRecord } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { RunBatchesRepo } from '../storage/repos/run-batches-repo.ts';
import { parseStored } from '../shared/json.ts';
import { notFound } from '../shared/errors.ts';

/** Counts kept by key, answered most frequent first. */
function tally<K>() {
  const m = new Map<string, { key: K; runs: number }>();
  return {
    add(id: string, key: K) {
      const t = m.get(id);
      if (t) t.runs++;
      else m.set(id, { key, runs: 1 });
    },
    sorted: () => [...m.values()].sort((a, b) => b.runs - a.runs),
  };
}

/**
 * What a batch did or would do (a bulk dry run is a backfill preview): how many runs took each
 * path, how many runs each action fired in, and why runs were skipped or failed. Runs not
 * finished yet (queued, running) or cancelled count nowhere.
 */
export function batchSummary(repos: Repositories, batches: RunBatchesRepo, id: string): BatchSummaryDto {
  const batch = batches.get(id);
  if (!batch) throw notFound('batch', id);
  const doc = repos.flows.getVersion(batch.flowId, batch.flowVersion);
  const labels = new Map(doc?.nodes.map((n) => [n.id, n.label?.trim() || null]) ?? []);
  const paths = tally<string[]>();
  const actions = tally<{ kind: string; nodeId: string }>();
  const skipped = tally<string>();
  const failed = tally<string>();
  for (const run of batches.runsWithSteps(id)) {
    if (run.status === 'queued' || run.status === 'running' || run.status === 'cancelled') continue;
    const path = run.steps.map((s) => s.nodeId);
    paths.add(JSON.stringify(path), path);
    const fired = new Map<string, { kind: string; nodeId: string }>();
    for (const s of run.steps) {
      for (const r of parseStored<IntentRecord[]>(s.intents, [])) fired.set(`${s.nodeId}\u0000${r.kind}`, { kind: r.kind, nodeId: s.nodeId });
    }
    for (const [key, action] of fired) actions.add(key, action);
    if (run.status === 'skipped') skipped.add(run.error ?? '', run.error ?? 'no reason given');
    if (run.status === 'failed') failed.add(run.error ?? '', run.error ?? 'no reason given');
  }
  return {
    batchId: id,
    paths: paths.sorted().map((p) => ({ path: p.key, runs: p.runs })),
    actions: actions.sorted().map((a) => ({ ...a.key, label: labels.get(a.key.nodeId) ?? null, runs: a.runs })),
    skipped: skipped.sorted().map((s) => ({ reason: s.key, runs: s.runs })),
    failed: failed.sorted().map((f) => ({ error: f.key, runs: f.runs })),
  };
}
