import { isDeepStrictEqual } from 'node:util';
import type { Expectation, ExpectedRun, ExpectedStep } from './expectation.ts';

/** One way a flow's runs differ from what the case expects: where, and expected vs actual. */
export interface Difference {
  flow: string;
  /** "run 1" (1-based, in the order the runs were made), or null for the flow as a whole. */
  run: number | null;
  /** The step, by id and label, when the difference is in one. */
  node: { id: string; label: string | null } | null;
  /** What differs: "status", "path", "would do sms.send › text"… */
  field: string;
  expected: unknown;
  actual: unknown;
}

export type LabelOf = (flow: string, nodeId: string) => string | null;

const pathText = (path: string[], flow: string, labelOf: LabelOf) =>
  path.length === 0 ? '(no step)' : path.map((id) => labelOf(flow, id) ?? id).join(' → ');

const runText = (r: ExpectedRun, flow: string, labelOf: LabelOf) =>
  `${r.event} on ${r.order ?? 'no order'}, ${r.status}: ${pathText(r.path, flow, labelOf)}`;

function compareSteps(flow: string, run: number, e: ExpectedStep, a: ExpectedStep, labelOf: LabelOf, out: Difference[]): void {
  const node = { id: e.nodeId, label: labelOf(flow, e.nodeId) };
  const diff = (field: string, expected: unknown, actual: unknown) => {
    if (!isDeepStrictEqual(expected, actual)) out.push({ flow, run, node, field, expected, actual });
  };
  diff('status', e.status, a.status);
  diff('port', e.port ?? 'out', a.port ?? 'out');
  diff('reason', e.reason ?? null, a.reason ?? null);
  const ew = e.wouldDo ?? [];
  const aw = a.wouldDo ?? [];
  for (let i = 0; i < Math.max(ew.length, aw.length); i++) {
    const x = ew[i];
    const y = aw[i];
    if (!x || !y || x.kind !== y.kind) {
      diff(`would do #${i + 1}`, x ?? null, y ?? null);
      continue;
    }
    // Field by field, so the report shows the one rendered input that changed (the SMS text).
    for (const key of [...new Set([...Object.keys(x.args), ...Object.keys(y.args)])]) {
      diff(`would do ${x.kind} › ${key}`, x.args[key] ?? null, y.args[key] ?? null);
    }
  }
}

function compareRuns(flow: string, n: number, e: ExpectedRun, a: ExpectedRun, labelOf: LabelOf, out: Difference[]): void {
  const diff = (field: string, expected: unknown, actual: unknown) => {
    if (!isDeepStrictEqual(expected, actual)) out.push({ flow, run: n, node: null, field, expected, actual });
  };
  diff('event', e.event, a.event);
  diff('order', e.order, a.order);
  diff('status', e.status, a.status);
  diff('reason', e.reason ?? null, a.reason ?? null);
  if (!isDeepStrictEqual(e.path, a.path)) {
    out.push({ flow, run: n, node: null, field: 'path', expected: pathText(e.path, flow, labelOf), actual: pathText(a.path, flow, labelOf) });
  }
  // Steps on both paths are compared; one on only one path is what the path difference says.
  for (const step of e.steps) {
    const other = a.steps.find((s) => s.nodeId === step.nodeId);
    if (other) compareSteps(flow, n, step, other, labelOf, out);
  }
}

/** Every difference between the expected runs of each flow and the actual ones. */
export function compareExpectation(expected: Expectation, actual: Expectation, labelOf: LabelOf): Difference[] {
  const out: Difference[] = [];
  for (const flow of Object.keys(expected)) {
    if (!(flow in actual)) out.push({ flow, run: null, node: null, field: 'flow', expected: 'a flow of the suite', actual: 'no flow of the suite has this name' });
  }
  for (const [flow, runs] of Object.entries(actual)) {
    const want = expected[flow];
    if (!want) {
      if (runs.length > 0) out.push({ flow, run: null, node: null, field: 'runs', expected: 'not in the expectation file', actual: `${runs.length} run(s)` });
      continue;
    }
    if (want.length !== runs.length) out.push({ flow, run: null, node: null, field: 'number of runs', expected: want.length, actual: runs.length });
    for (let i = 0; i < Math.max(want.length, runs.length); i++) {
      const e = want[i];
      const a = runs[i];
      if (e && a) compareRuns(flow, i + 1, e, a, labelOf, out);
      // A run made or missed as a whole: said in one line, what it was and the way it went.
      else out.push({ flow, run: i + 1, node: null, field: 'run', expected: e ? runText(e, flow, labelOf) : '(no run)', actual: a ? runText(a, flow, labelOf) : '(no run)' });
    }
  }
  return out;
}
