import type { FlowDocument, FlowProblem } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/**
 * Steps that silently never run (issue 16): a step no path from a trigger reaches, and a
 * condition nothing follows (its answer changes nothing). A condition with one branch connected
 * is a filter, the common case, and is not warned about. Warnings: the flow still saves.
 */
export function reachWarnings(doc: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const category = (type: string) => registry.get(type)?.spec.category;
  const reached = new Set<string>();
  const stack = doc.nodes.filter((n) => category(n.type) === 'trigger').map((n) => n.id);
  // Without a trigger the flow has an error of its own (no_trigger): nothing to say here.
  if (stack.length === 0) return [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  const problems: FlowProblem[] = [];
  for (const node of doc.nodes) {
    const kind = category(node.type);
    if (!kind) continue;
    const step = node.label?.trim() || registry.get(node.type)!.spec.label;
    if (!reached.has(node.id)) {
      problems.push({ code: 'unreachable', severity: 'warning', nodeId: node.id, args: { node: step }, message: `${step}: no path from the trigger leads here, so this step never runs` });
    } else if (kind === 'condition' && (next.get(node.id) ?? []).length === 0) {
      problems.push({ code: 'condition_leads_nowhere', severity: 'warning', nodeId: node.id, args: { node: step }, message: `${step}: nothing is connected to Yes or No, so its answer changes nothing` });
    }
  }
  return problems;
}
