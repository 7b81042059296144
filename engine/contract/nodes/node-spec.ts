import { z } from 'zod';
import type { CanonicalEventType } from '../events.ts';
import { Platform } from '../platform.ts';
import type { ContactField } from '../platform-fields.ts';
import { WriteAction } from '../store-api.ts';

export const NodeCategory = z.enum(['trigger', 'condition', 'action']);
export type NodeCategory = z.infer<typeof NodeCategory>;

export const PortSpec = z.object({ id: z.string(), label: z.string() });
export type PortSpec = z.infer<typeof PortSpec>;

/**
 * A node type as data: what the editor draws and validates, and what the engine runs.
 * The one zod `params` schema drives both the generated form and validation at save.
 *
 * A params field that holds a secret (a password, an API key, a token) is marked
 * `.meta({ secret: true })`; the mark reaches the JSON Schema as `secret: true`. An exported
 * flow file never carries such a value: it is replaced by a placeholder and listed in the
 * file's `needs` (flow-file-secrets.ts), as are the values of credential-looking HTTP headers
 * (Authorization, *token*, *key*, *secret*) in a `headers` field.
 */
export interface NodeSpec<P extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  label: string;
  description: string;
  category: NodeCategory;
  /** The connector that contributes it ("orders", "logic", "flowdesk", "shopify", …). */
  connector: string;
  /** An icon key the renderer maps to a glyph: a platform or connector name. */
  icon: string;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  params: P;
  /** For triggers: the canonical events that start the flow. */
  triggers?: readonly CanonicalEventType[];
  /** A node that acts on a platform (its API) needs the store to have a connection to it. */
  requiresPlatform?: Platform;
  /** A newer type does what this one did: flows that use this one still run and edit, the palette offers the newer. */
  replacedBy?: string;
  /**
   * What the step, with these params, needs to know about the customer (an email step left
   * to "the customer's address" needs their email; one to a fixed address needs nothing). The
   * editor warns when a trigger's platform never delivers it (platform-fields.ts).
   */
  needs?: (params: Record<string, unknown>) => readonly ContactField[];
  /**
   * The write-back action the step performs on the order's platform (issue 13): checked at save
   * against what each of the flow's platforms can do (store-api.ts `writeBackSupport`).
   */
  writes?: WriteAction;
  /** The step writes back only when the connection has write-back on, and keeps its change in Flowdesk either way ("Add order tag"). */
  writesOptionally?: WriteAction;
}

/** Defines a spec with its params type kept. */
export function defineNodeSpec<P extends z.ZodType>(spec: NodeSpec<P>): NodeSpec<P> {
  return spec;
}

/** What crosses the API: the spec with its params schema as JSON Schema. */
export const NodeSpecDto = z.object({
  type: z.string(),
  version: z.number(),
  label: z.string(),
  description: z.string(),
  category: NodeCategory,
  connector: z.string(),
  icon: z.string(),
  inputs: z.array(PortSpec),
  outputs: z.array(PortSpec),
  paramsSchema: z.record(z.string(), z.unknown()),
  triggers: z.array(z.string()).optional(),
  requiresPlatform: Platform.optional(),
  replacedBy: z.string().optional(),
  writes: WriteAction.optional(),
  writesOptionally: WriteAction.optional(),
});
export type NodeSpecDto = z.infer<typeof NodeSpecDto>;

export const IN_PORT = { id: 'in', label: 'In' } as const;
export const OUT_PORT = { id: 'out', label: 'Next' } as const;
