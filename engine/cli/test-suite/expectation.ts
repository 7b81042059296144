import { z } from 'zod';
import type { RunDetailDto } from '../../contract/index.ts';

/** What one step did: its outcome, the port it took, why it skipped or failed, what it would do. */
export const ExpectedStep = z.strictObject({
  nodeId: z.string(),
  status: z.string(),
  /** The port it went on by, when not the plain `out` (the branch a condition took). */
  port: z.string().optional(),
  reason: z.string().optional(),
  /** Each action the step would have done, with its rendered inputs (subject, text, to, url…). */
  wouldDo: z.array(z.strictObject({ kind: z.string(), args: z.record(z.string(), z.unknown()) })).optional(),
});
export type ExpectedStep = z.infer<typeof ExpectedStep>;

export const ExpectedRun = z.strictObject({
  event: z.string(),
  /** The order's number as the platform shows it (#1001), or null. */
  order: z.string().nullable(),
  status: z.string(),
  /** Why the run was skipped or failed. */
  reason: z.string().optional(),
  /** The node ids the run went through, in order. */
  path: z.array(z.string()),
  steps: z.array(ExpectedStep),
});
export type ExpectedRun = z.infer<typeof ExpectedRun>;

/**
 * An expectation file: per flow name (as in its flow file), the runs the case's deliveries made
 * it start, in the order they were made. `[]`: the flow must not run. Nothing in it changes
 * from one run of the suite to the next (no ids, no times), so it diffs cleanly in review.
 */
export const Expectation = z.record(z.string(), z.array(ExpectedRun));
export type Expectation = z.infer<typeof Expectation>;

const ID = /\b(ord|cus|acc|con|flw|run|evt|tsk|seq)_[0-9a-z]{12}(?:[0-9a-z]{4})?\b/g;
const idWords: Record<string, string> = { ord: 'order', cus: 'customer', acc: 'account', con: 'connection', flw: 'flow', run: 'run', evt: 'event', tsk: 'task', seq: 'sequence' };

/** Keys sorted, ids the engine made up replaced by what they name: the same on every run. */
export function stable(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return value.replace(ID, (id, prefix: string) => names.get(id) ?? `<${idWords[prefix] ?? prefix}>`);
  if (Array.isArray(value)) return value.map((v) => stable(v, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k], names)]));
  }
  return value;
}

/** A run as the expectation file holds it. `names` maps the ids a run may show to stable words. */
export function observeRun(run: RunDetailDto, names: ReadonlyMap<string, string>): ExpectedRun {
  const steps = [...run.steps].sort((a, b) => a.seq - b.seq).map((s): ExpectedStep => {
    const wouldDo = s.intents.map((i) => ({
      kind: i.kind,
      // A wait's due time is the moment of the run plus the delay: it would differ on every run.
      args: stable(i.kind === 'run.wait' ? { ...i.args, until: '<time of the run + the wait>' } : i.args, names) as Record<string, unknown>,
    }));
    return {
      nodeId: s.nodeId,
      status: s.status,
      // A step's one way on (`out`) says nothing; the branch a condition took does.
      ...(s.port && s.port !== 'out' ? { port: s.port } : {}),
      ...(s.reason ? { reason: stable(s.reason, names) as string } : {}),
      ...(wouldDo.length > 0 ? { wouldDo } : {}),
    };
  });
  return {
    event: run.eventType,
    order: run.orderNumber,
    status: run.status,
    ...(run.error ? { reason: stable(run.error, names) as string } : {}),
    path: steps.map((s) => s.nodeId),
    steps,
  };
}

/** The file's text: two-space JSON, keys in the order above, flows in the suite's order. */
export function expectationText(actual: Expectation): string {
  return `${JSON.stringify(actual, null, 2)}\n`;
}
