import type { FlowDocument } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** The accounts a user has for any of these connectors (their ids). */
export type AccountsOf = (connectors: readonly string[]) => string[];

/** A step's empty account field, and the connectors whose accounts fit it. */
export interface OpenAccountField {
  nodeId: string;
  field: string;
  connectors: string[];
}

/**
 * The account fields (params with widget 'account') a flow leaves empty. Templates leave them
 * empty on purpose: which SMTP server or SMS provider is the user's.
 */
export function accountFields(doc: FlowDocument, registry: NodeRegistry): OpenAccountField[] {
  const open: OpenAccountField[] = [];
  for (const node of doc.nodes) {
    const shape = (registry.get(node.type)?.spec.params as unknown as { shape?: Record<string, { meta(): Record<string, unknown> | undefined }> } | undefined)?.shape;
    for (const [field, schema] of Object.entries(shape ?? {})) {
      const meta = schema.meta?.();
      if (meta?.['widget'] !== 'account') continue;
      const value = node.params[field];
      if (typeof value === 'string' && value !== '') continue;
      const connectors = Array.isArray(meta['connectors']) ? (meta['connectors'] as string[]) : [String(meta['connector'])];
      open.push({ nodeId: node.id, field, connectors });
    }
  }
  return open;
}

/**
 * Fills each empty account field with the user's account when they have exactly one that fits
 * (one SMTP server, one SMS account): the template is then ready to turn on. With none or
 * several, the field stays empty and the editor asks.
 */
export function fillAccounts(doc: FlowDocument, registry: NodeRegistry, accountsOf: AccountsOf): FlowDocument {
  const open = accountFields(doc, registry);
  if (open.length === 0) return doc;
  const chosen = new Map<string, Record<string, string>>();
  for (const f of open) {
    const fits = accountsOf(f.connectors);
    if (fits.length === 1) chosen.set(f.nodeId, { ...chosen.get(f.nodeId), [f.field]: fits[0]! });
  }
  return { ...doc, nodes: doc.nodes.map((n) => (chosen.has(n.id) ? { ...n, params: { ...n.params, ...chosen.get(n.id) } } : n)) };
}
