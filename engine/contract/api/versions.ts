import { z } from 'zod';
import { FlowDiff } from '../flow/flow-diff.ts';
import { FlowDetailDto } from './flows.ts';
import { method } from './method.ts';

/** One saved version of a flow, as the history lists it. */
export const FlowVersionDto = z.object({
  version: z.number(),
  /** sha256 of the document's canonical JSON (keys sorted): equal hashes, equal documents. */
  hash: z.string(),
  createdAt: z.string(),
  /** The version the flow runs (at most one). */
  active: z.boolean(),
  latest: z.boolean(),
  /** How many steps it has. */
  nodes: z.number(),
  /** How many runs ran on it (a run is pinned to the version it started on). */
  runs: z.number(),
});
export type FlowVersionDto = z.infer<typeof FlowVersionDto>;

export const FlowVersionsDiffDto = FlowDiff.extend({ from: z.number(), to: z.number() });
export type FlowVersionsDiffDto = z.infer<typeof FlowVersionsDiffDto>;

/**
 * A flow's history. Every `flows.save` of a changed document is a new version; saving a
 * document identical to the latest version (same hash) makes none and answers that version.
 * Versions are never edited or removed, so a run can always show the flow it ran.
 */
export const versionsApi = {
  /** Every version, newest first. */
  'flows.versions': method(z.object({ id: z.string() }), z.array(FlowVersionDto)),
  /** What changed from version `from` to version `to` (see FlowDiff; the editor diffs a draft itself with diffFlows). */
  'flows.diff': method(z.object({ id: z.string(), from: z.number().int(), to: z.number().int() }), FlowVersionsDiffDto),
  /**
   * Brings an older version back by saving its document as a NEW latest version, so history
   * only grows and the restore itself is on record; this is what the editor's "Restore" does.
   * The new version runs if the flow is on (it stays off if it is off); `activate` overrides
   * that. `flows.activate { id, version }` instead runs an older version as it is, without
   * a new version.
   */
  'flows.rollback': method(z.object({ id: z.string(), version: z.number().int(), activate: z.boolean().optional() }), FlowDetailDto),
};
