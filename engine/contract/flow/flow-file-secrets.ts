import type { FlowDocument, FlowFileNeed, FlowNode } from './flow-document.ts';

/**
 * What an exported file holds where a secret was: visible in the editor's form, harmless if
 * sent (a server answers it with a refusal), and found again on import to say what to fill in.
 */
export const SECRET_PLACEHOLDER = '<fill in>';

/**
 * HTTP headers whose values are credentials, by name: Authorization, Cookie, and any name
 * with token, key, secret or password in it (X-Api-Key, X-Auth-Token…). Idempotency-Key is a
 * request id, not a secret.
 */
export function isCredentialHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n === 'idempotency-key') return false;
  return /auth|cookie|token|key|secret|passw/.test(n);
}

/** A node type's params as JSON Schema (NodeSpecDto.paramsSchema), or undefined if unknown. */
export type ParamsSchemaOf = (type: string) => Record<string, unknown> | undefined;

/** The params paths a schema marks `secret: true` (zod `.meta({ secret: true })`), nested objects included. */
export function secretPaths(schema: Record<string, unknown> | undefined, depth = 0): string[][] {
  if (!schema || depth > 8) return [];
  const out: string[][] = [];
  const properties = schema['properties'];
  if (properties && typeof properties === 'object') {
    for (const [key, field] of Object.entries(properties as Record<string, Record<string, unknown>>)) {
      if (field?.['secret'] === true) out.push([key]);
      else for (const rest of secretPaths(field, depth + 1)) out.push([key, ...rest]);
    }
  }
  // A union of shapes (one per mode, say): a secret in any of them is a secret.
  for (const branches of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[branches];
    if (Array.isArray(list)) for (const b of list as Record<string, unknown>[]) out.push(...secretPaths(b, depth + 1));
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.join('.')) && Boolean(seen.add(p.join('.'))));
}

/**
 * The document as it may leave the machine: every secret field and credential header value
 * replaced by the placeholder, and the list of what was replaced. Empty values are left as
 * they are (nothing to hide, nothing to fill in).
 */
export function withoutSecrets(doc: FlowDocument, schemaOf: ParamsSchemaOf): { flow: FlowDocument; needs: FlowFileNeed[] } {
  const needs: FlowFileNeed[] = [];
  const nodes = doc.nodes.map((node) => {
    // Params are JSON by construction (a document parsed from JSON): a JSON copy is a deep copy.
    const params = JSON.parse(JSON.stringify(node.params)) as Record<string, unknown>;
    for (const path of secretPaths(schemaOf(node.type))) {
      const holder = parentOf(params, path);
      const key = path[path.length - 1]!;
      if (!holder || isBlank(holder[key])) continue;
      holder[key] = SECRET_PLACEHOLDER;
      needs.push({ nodeId: node.id, field: path.join('.') });
    }
    for (const [field, value] of Object.entries(params)) {
      if (!isHeadersField(field)) continue;
      params[field] = mapHeaders(value, (name, v) => {
        if (!isCredentialHeader(name) || v.trim() === '') return v;
        needs.push({ nodeId: node.id, field, header: name });
        return SECRET_PLACEHOLDER;
      });
    }
    return { ...node, params } satisfies FlowNode;
  });
  return { flow: { ...doc, nodes }, needs };
}

/** The placeholders still in a document: the fields to fill in before the flow can work. */
export function neededFields(doc: FlowDocument, schemaOf: ParamsSchemaOf): FlowFileNeed[] {
  const needs: FlowFileNeed[] = [];
  for (const node of doc.nodes) {
    for (const path of secretPaths(schemaOf(node.type))) {
      if (parentOf(node.params, path)?.[path[path.length - 1]!] === SECRET_PLACEHOLDER) needs.push({ nodeId: node.id, field: path.join('.') });
    }
    for (const [field, value] of Object.entries(node.params)) {
      if (!isHeadersField(field)) continue;
      mapHeaders(value, (name, v) => {
        if (v.trim() === SECRET_PLACEHOLDER) needs.push({ nodeId: node.id, field, header: name });
        return v;
      });
    }
  }
  return needs;
}

function isHeadersField(field: string): boolean {
  return /headers$/i.test(field);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function parentOf(params: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let at: unknown = params;
  for (const key of path.slice(0, -1)) {
    if (!at || typeof at !== 'object' || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>) : undefined;
}

/** Headers as a list of "Name: value" lines (the HTTP node's form) or as a name → value object. */
function mapHeaders(value: unknown, fn: (name: string, value: string) => string): unknown {
  if (Array.isArray(value)) {
    return value.map((line) => {
      if (typeof line !== 'string') return line;
      const colon = line.indexOf(':');
      if (colon <= 0) return line;
      const name = line.slice(0, colon);
      const v = line.slice(colon + 1);
      const next = fn(name.trim(), v);
      return next === v ? line : `${name}: ${next}`;
    });
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, typeof v === 'string' ? fn(name, v) : v]));
  }
  return value;
}
