import type { FlowDocument, FlowProblem } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** Reads a Liquid template without data: null when it parses, else the problem with its place. */
export type CheckTemplate = (template: string) => string | null;

type Shape = Record<string, { meta(): Record<string, unknown> | undefined }>;

/**
 * A Liquid field that does not parse (a syntax error, an unknown filter or tag) fails every run
 * at its step: said before save, on the step and its field (issue 16), in the engine's words with
 * the line and column. A warning, not an error: the editor already shows it under the field, and
 * a flow saved half-written must not be lost.
 */
export function templateWarnings(doc: FlowDocument, registry: NodeRegistry, check: CheckTemplate): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)?.spec;
    const shape = (spec?.params as unknown as { shape?: Shape } | undefined)?.shape;
    if (!spec || !shape) continue;
    for (const [field, schema] of Object.entries(shape)) {
      const meta = schema.meta?.();
      const value = node.params[field];
      if (meta?.['widget'] !== 'template' || typeof value !== 'string' || !/[{][{%]/.test(value)) continue;
      const problem = check(value);
      if (!problem) continue;
      const step = node.label?.trim() || spec.label;
      const title = typeof meta['title'] === 'string' ? meta['title'] : field;
      problems.push({
        code: 'template_problem',
        severity: 'warning',
        nodeId: node.id,
        path: field,
        args: { node: step, field: title, problem },
        message: `${step}: ${title}: ${problem}; every run will fail at this step`,
      });
    }
  }
  return problems;
}
