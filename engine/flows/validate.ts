import type { z } from 'zod';
import type { FlowDocument, FlowProblem } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/**
 * Everything that keeps a flow from running as drawn, each problem naming its node or edge.
 * An empty list means the flow can be saved and activated.
 */
export function validateFlow(doc: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const nodes = new Map<string, FlowDocument['nodes'][number]>();
  for (const n of doc.nodes) {
    if (nodes.has(n.id)) problems.push({ code: 'duplicate_id', message: `two nodes have the id "${n.id}"`, nodeId: n.id });
    nodes.set(n.id, n);
  }
  const edgeIds = new Set<string>();
  for (const e of doc.edges) {
    if (edgeIds.has(e.id)) problems.push({ code: 'duplicate_id', message: `two edges have the id "${e.id}"`, edgeId: e.id });
    edgeIds.add(e.id);
  }

  let triggers = 0;
  for (const n of doc.nodes) {
    const type = registry.get(n.type);
    if (!type) {
      problems.push({ code: 'unknown_node_type', message: `"${n.label ?? n.id}" is of unknown type ${n.type}`, nodeId: n.id });
      continue;
    }
    if (type.spec.category === 'trigger') triggers++;
    const parsed = type.spec.params.safeParse(n.params);
    if (!parsed.success) {
      const shown = n.label ? `${type.spec.label} "${n.label}"` : type.spec.label;
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        const field = path ? fieldTitle(type.spec.params, path) : '';
        const reason = readable(issue, n.params, path);
        problems.push({
          code: 'invalid_params',
          message: `${shown}: ${field ? `${field}: ` : ''}${reason}`,
          nodeId: n.id,
          reason,
          ...(path ? { path } : {}),
        });
      }
    }
  }
  if (triggers === 0) problems.push({ code: 'no_trigger', message: 'the flow has no trigger: add one to say when it runs' });

  for (const e of doc.edges) {
    const source = nodes.get(e.source);
    const target = nodes.get(e.target);
    if (!source || !target) {
      const missing = [!source ? `source ${e.source}` : null, !target ? `target ${e.target}` : null].filter(Boolean).join(' and ');
      problems.push({ code: 'dangling_edge', message: `connection ${e.id} points to a missing ${missing}`, edgeId: e.id });
      continue;
    }
    const sourceSpec = registry.get(source.type)?.spec;
    const targetSpec = registry.get(target.type)?.spec;
    if (sourceSpec && !sourceSpec.outputs.some((p) => p.id === e.sourcePort)) {
      problems.push({ code: 'bad_port', message: `${sourceSpec.label} has no output "${e.sourcePort}"`, edgeId: e.id, nodeId: source.id });
    }
    if (targetSpec && !targetSpec.inputs.some((p) => p.id === e.targetPort)) {
      problems.push({ code: 'bad_port', message: `${targetSpec.label} has no input "${e.targetPort}"`, edgeId: e.id, nodeId: target.id });
    }
  }

  const cycleAt = findCycle(doc);
  if (cycleAt) problems.push({ code: 'cycle', message: `the flow loops back through "${cycleAt}"`, nodeId: cycleAt });
  return problems;
}

/** A field's title from its schema's meta ("Value"), else its path. */
function fieldTitle(schema: z.ZodType, path: string): string {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  const first = path.split('.')[0]!;
  const title = shape?.[first]?.meta()?.['title'];
  return typeof title === 'string' ? title : path;
}

/** zod's words, except for a field left out, which is simply required. */
function readable(issue: z.core.$ZodIssue, params: Record<string, unknown>, path: string): string {
  if (issue.code === 'invalid_type' && path && params[path.split('.')[0]!] === undefined) return 'required';
  return issue.message;
}

function findCycle(doc: FlowDocument): string | null {
  const out = new Map<string, string[]>();
  for (const e of doc.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): string | null => {
    const s = state.get(id);
    if (s === 1) return id;
    if (s === 2) return null;
    state.set(id, 1);
    for (const next of out.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    state.set(id, 2);
    return null;
  };
  for (const n of doc.nodes) {
    const found = visit(n.id);
    if (found) return found;
  }
  return null;
}
