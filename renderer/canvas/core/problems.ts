import type { FlowDocument, FlowProblem, FlowProblemCode, NodeSpecDto } from '../../../engine/contract/index.ts';
import { checkParams, issueText, type ParamIssue } from './param-check.ts';
import type { FormField } from './schema-form.ts';

/** A problem as the editor shows it: the engine's, or one of the immediate client-side checks. */
export interface CanvasProblem {
  code: FlowProblemCode | 'no_name';
  /** English wording; for the engine's problems, the engine's own words. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** The params field, for `invalid_params` (dotted into nested params). */
  path?: string;
  /** For the engine's `invalid_params`: what is wrong, without the step's and field's names. */
  reason?: string;
  source: 'client' | 'engine';
  /** For client problems: what the i18n message (`problems.<code>`) fills in. */
  values?: Record<string, string>;
  /** For client `invalid_params`: what is wrong with the field. */
  issue?: ParamIssue;
  /** A warning lets the flow be saved; absent means an error. */
  severity?: 'error' | 'warning';
}

export const isWarning = (p: CanvasProblem): boolean => p.severity === 'warning';

export interface ProblemContext {
  specs: ReadonlyMap<string, NodeSpecDto>;
  fields: ReadonlyMap<string, readonly FormField[]>;
}

function nodeName(node: FlowDocument['nodes'][number], spec: NodeSpecDto | undefined): string {
  return node.label?.trim() || spec?.label || node.type;
}

/** Client-side checks run on every change: no name, no trigger, unknown types, params, edges, loops. */
export function clientProblems(doc: FlowDocument, ctx: ProblemContext): CanvasProblem[] {
  const problems: CanvasProblem[] = [];
  if (doc.name.trim() === '') problems.push({ code: 'no_name', message: 'the flow needs a name', source: 'client' });
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  let triggers = 0;
  for (const node of doc.nodes) {
    const spec = ctx.specs.get(node.type);
    const name = nodeName(node, spec);
    if (!spec) {
      problems.push({ code: 'unknown_node_type', message: `"${name}" is of unknown type ${node.type}`, nodeId: node.id, source: 'client', values: { node: name, type: node.type } });
      continue;
    }
    if (spec.category === 'trigger') triggers++;
    const fields = ctx.fields.get(node.type) ?? [];
    for (const { path, issue } of checkParams(fields, node.params)) {
      const title = fields.find((f) => f.key === path)?.title ?? path;
      problems.push({
        code: 'invalid_params',
        message: `${name}: ${title}: ${issueText(issue)}`,
        nodeId: node.id,
        path,
        source: 'client',
        values: { node: name, field: title },
        issue,
      });
    }
  }
  if (triggers === 0) problems.push({ code: 'no_trigger', message: 'the flow has no trigger: add one to say when it runs', source: 'client' });

  for (const edge of doc.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push({ code: 'dangling_edge', message: `connection ${edge.id} points to a missing step ${missing}`, edgeId: edge.id, source: 'client', values: { edge: edge.id, missing } });
      continue;
    }
    const sourceSpec = ctx.specs.get(source.type);
    const targetSpec = ctx.specs.get(target.type);
    if (sourceSpec && !sourceSpec.outputs.some((p) => p.id === edge.sourcePort)) {
      const node = nodeName(source, sourceSpec);
      problems.push({ code: 'bad_port', message: `${node} has no output "${edge.sourcePort}"`, edgeId: edge.id, nodeId: source.id, source: 'client', values: { node, port: edge.sourcePort } });
    }
    if (targetSpec && !targetSpec.inputs.some((p) => p.id === edge.targetPort)) {
      const node = nodeName(target, targetSpec);
      problems.push({ code: 'bad_port', message: `${node} has no input "${edge.targetPort}"`, edgeId: edge.id, nodeId: target.id, source: 'client', values: { node, port: edge.targetPort } });
    }
  }
  const loop = findCycle(doc);
  if (loop) {
    const node = nodeName(nodes.get(loop)!, ctx.specs.get(nodes.get(loop)!.type));
    problems.push({ code: 'cycle', message: `the flow loops back through "${node}"`, nodeId: loop, source: 'client', values: { node } });
  }
  return problems;
}

/** A node on a loop, or null: flows run top to bottom and never come back. */
export function findCycle(doc: { nodes: readonly { id: string }[]; edges: readonly { source: string; target: string }[] }): string | null {
  const out = new Map<string, string[]>();
  for (const e of doc.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): string | null => {
    if (state.get(id) === 'open') return id;
    if (state.get(id) === 'done') return null;
    state.set(id, 'open');
    for (const next of out.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    state.set(id, 'done');
    return null;
  };
  for (const n of doc.nodes) {
    const found = visit(n.id);
    if (found) return found;
  }
  return null;
}

/** The engine's problems as the editor shows them. */
export function fromEngine(problems: readonly FlowProblem[]): CanvasProblem[] {
  return problems.map(({ args, ...p }) => ({ ...p, source: 'engine' as const, ...(args ? { values: args } : {}) }));
}

/**
 * What the editor lists: the engine's answer when it is about the document as it is now (it is
 * authoritative: it runs the spec's own schema, refinements included), otherwise the immediate
 * client checks. Where both say a field is wrong, the client's wording is kept: it names the
 * step and the field as the form does. The flow's name is checked here only, since the engine
 * cannot validate a document without one.
 */
export function shownProblems(client: readonly CanvasProblem[], engine: readonly CanvasProblem[] | null): CanvasProblem[] {
  if (!engine) return [...client];
  const fieldKey = (p: CanvasProblem) => `${p.nodeId ?? ''}/${p.path ?? ''}`;
  const clientFields = new Map(client.filter((p) => p.code === 'invalid_params').map((p) => [fieldKey(p), p]));
  const shown: CanvasProblem[] = client.filter((p) => p.code === 'no_name');
  const seen = new Set<string>();
  for (const p of engine) {
    const worded = p.code === 'invalid_params' ? clientFields.get(fieldKey(p)) : undefined;
    if (worded && seen.has(fieldKey(p))) continue;
    if (worded) seen.add(fieldKey(p));
    shown.push(worded ?? p);
  }
  return shown;
}

/** Problems grouped by the node they are about. */
export function problemsByNode(problems: readonly CanvasProblem[]): Map<string, CanvasProblem[]> {
  const byNode = new Map<string, CanvasProblem[]>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
  }
  return byNode;
}
