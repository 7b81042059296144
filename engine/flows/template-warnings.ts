import type { FlowDocument, FlowProblem } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** Reads a Liquid template without data: null when it parses, else the problem with its place. */
export type CheckTemplate = (template: string) => string | null;

/** The variables a template (one that parses) names that no run's data holds, where each is first named. */
export type CheckVariables = (template: string) => { variable: string; line: number; col: number }[];

type Shape = Record<string, { meta(): Record<string, unknown> | undefined }>;

/** At most this many unknown variables are said per field: the first ones show what is wrong. */
const MAX_PER_FIELD = 3;

/**
 * A Liquid field that does not parse (a syntax error, an unknown filter or tag) fails every run
 * at its step: said before save, on the step and its field (issue 16), in the engine's words with
 * the line and column. A warning, not an error: the editor already shows it under the field, and
 * a flow saved half-written must not be lost.
 *
 * A field that parses but names a variable the step's data never has (`order.totl`, `ordr.note`:
 * not in the trigger's data, as the variable picker lists it) is a warning too: at run time it
 * fails the step, or reads as empty inside `if` and `default`, where a typo is never noticed.
 */
export function templateWarnings(doc: FlowDocument, registry: NodeRegistry, check: CheckTemplate, variables?: CheckVariables): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)?.spec;
    const shape = (spec?.params as unknown as { shape?: Shape } | undefined)?.shape;
    if (!spec || !shape) continue;
    for (const [field, schema] of Object.entries(shape)) {
      const meta = schema.meta?.();
      const widget = meta?.['widget'];
      const value = node.params[field];
      // A `tags` field is a list of templates (each tag, each header line), read one by one.
      const texts = widget === 'template' && typeof value === 'string' ? [value] : widget === 'tags' && Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
      const step = node.label?.trim() || spec.label;
      const title = typeof meta?.['title'] === 'string' ? meta['title'] : field;
      for (const text of texts.filter((t) => /[{][{%]/.test(t))) {
        const problem = check(text);
        if (problem) {
          problems.push({
            code: 'template_problem',
            severity: 'warning',
            nodeId: node.id,
            path: field,
            args: { node: step, field: title, problem },
            message: `${step}: ${title}: ${problem}; every run will fail at this step`,
          });
          continue;
        }
        for (const unknown of (variables?.(text) ?? []).slice(0, MAX_PER_FIELD)) {
          const at = { line: String(unknown.line), col: String(unknown.col) };
          problems.push({
            code: 'template_unknown_variable',
            severity: 'warning',
            nodeId: node.id,
            path: field,
            reason: `unknown variable "${unknown.variable}" at line ${at.line}, column ${at.col}: the trigger's data has no such field`,
            args: { node: step, field: title, variable: unknown.variable, ...at },
            message: `${step}: ${title}: unknown variable "${unknown.variable}" at line ${at.line}, column ${at.col}: the trigger's data has no such field (see "Insert variable" for the ones it has)`,
          });
        }
      }
    }
  }
  return problems;
}
