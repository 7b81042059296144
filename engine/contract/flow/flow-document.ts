import { z } from 'zod';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/** How deep a node's params may nest: enough for any form, far from what breaks a stack. */
export const MAX_PARAMS_DEPTH = 32;

/** The nesting depth of a JSON value, counted without recursion (so a hostile value cannot overflow). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth]);
  }
  return deepest;
}

export const FlowNode = z.object({
  id: Id,
  /** A node type id from the registry, e.g. "logic.compare". */
  type: z.string().min(1),
  typeVersion: z.number().int().positive(),
  position: z.object({ x: z.number(), y: z.number() }),
  params: z.record(z.string(), z.unknown()).refine((p) => jsonDepth(p, MAX_PARAMS_DEPTH) <= MAX_PARAMS_DEPTH, {
    message: `settings nested deeper than ${MAX_PARAMS_DEPTH} levels`,
  }),
  label: z.string().max(200).optional(),
});
export type FlowNode = z.infer<typeof FlowNode>;

export const FlowEdge = z.object({
  id: Id,
  source: Id,
  sourcePort: z.string().min(1),
  target: Id,
  targetPort: z.string().min(1),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

/** A flow as drawn: flat node and edge lists keyed by id. */
export const FlowDocument = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  nodes: z.array(FlowNode).max(500),
  edges: z.array(FlowEdge).max(2000),
});
export type FlowDocument = z.infer<typeof FlowDocument>;

/** The flow file's schema version: raised when a file this Flowdesk writes could not be read by an older one. */
export const FLOW_FILE_VERSION = 1;
export const FLOW_FILE_FORMAT = 'flowdesk.flow/v1';

/** The schema version a flow file's `format` names ("flowdesk.flow/v3" → 3), or null if it names none. */
export function flowFileVersionOf(format: unknown): number | null {
  const m = typeof format === 'string' ? /^flowdesk\.flow\/v(\d{1,6})$/.exec(format) : null;
  return m ? Number(m[1]) : null;
}

/** Says why a `format` is not this Flowdesk's, in words a user can act on. */
export function flowFileFormatProblem(format: unknown): string {
  const version = flowFileVersionOf(format);
  if (version !== null && version > FLOW_FILE_VERSION) {
    return `this flow was exported by a newer Flowdesk (format ${version}); update Flowdesk to import it`;
  }
  return `not a Flowdesk flow file (format should be "${FLOW_FILE_FORMAT}")`;
}

/**
 * A field a file left blank because it held a secret (a password, an API key, a credential
 * header): whoever imports the file fills it in. `header` names the HTTP header for a
 * headers list.
 */
export const FlowFileNeed = z.object({ nodeId: z.string(), field: z.string(), header: z.string().optional() });
export type FlowFileNeed = z.infer<typeof FlowFileNeed>;

/** The file a flow is exported to and imported from. Secrets are never in it (see `needs`). */
export const FlowFile = z.object({
  format: z.literal(FLOW_FILE_FORMAT, { error: (issue) => flowFileFormatProblem(issue.input) }),
  exportedAt: z.string().optional(),
  /** The fields left for the importer to fill in. */
  needs: z.array(FlowFileNeed).max(5000).optional(),
  flow: FlowDocument,
});
export type FlowFile = z.infer<typeof FlowFile>;

export const FlowProblemCode = z.enum([
  'no_trigger',
  'unknown_node_type',
  'invalid_params',
  'duplicate_id',
  'dangling_edge',
  'bad_port',
  'cycle',
  /** A warning: no path from a trigger reaches the step. */
  'unreachable',
  /** A warning: a condition with nothing connected to Yes or No. */
  'condition_leads_nowhere',
  /** A warning: a Liquid field that does not parse (syntax, unknown filter or tag). */
  'template_problem',
  /** A warning: a Liquid field names a variable the trigger's data never holds (`order.totl`). */
  'template_unknown_variable',
  /** A warning: a step needs a customer field (email, phone…) that a trigger's platform never or rarely delivers. */
  'platform_lacks_field',
  /** A write-back step none (error) or not all (warning) of the flow's platforms can do through their API. */
  'platform_cannot_write',
]);
export type FlowProblemCode = z.infer<typeof FlowProblemCode>;

export const FlowProblem = z.object({
  code: FlowProblemCode,
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** The params field a problem is about, for `invalid_params` (dotted into nested params: `condition.rules.0.value`). */
  path: z.string().optional(),
  /** For `invalid_params`: what is wrong, without the step's and field's names ("enter a number"). */
  reason: z.string().optional(),
  /** An error keeps the flow from being saved; a warning says it will not work as hoped, and lets it be saved. Absent: error. */
  severity: z.enum(['error', 'warning']).optional(),
  /** What the editor's wording of the code fills in (step, field, platforms), in the user's language. */
  args: z.record(z.string(), z.string()).optional(),
});
export type FlowProblem = z.infer<typeof FlowProblem>;
