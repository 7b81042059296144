import { z } from 'zod';
import { FlowDocument, FlowFile, FlowFileNeed, FlowProblem } from '../flow/flow-document.ts';
import { NodeSpecDto } from '../nodes/node-spec.ts';
import { method } from './method.ts';
import { RunStatus, StepStatus } from '../timeline.ts';
import { WaitReason } from '../wait-reason.ts';
import { StepReasonCode } from '../run-reasons.ts';


/**
 * One intent a step returned, as the run recorded it: its rendered inputs, and whether it was
 * done (a live run) or only recorded as "would do" (a dry run: nothing left the engine).
 */
export const IntentRecord = z.object({
  kind: z.string(),
  args: z.record(z.string(), z.unknown()),
  outcome: z.enum(['done', 'would_do']),
  result: z.unknown().optional(),
});
export type IntentRecord = z.infer<typeof IntentRecord>;

export const FlowSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number(),
  activeVersion: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRun: z.object({ id: z.string(), status: RunStatus, at: z.string() }).nullable(),
});
export type FlowSummaryDto = z.infer<typeof FlowSummaryDto>;

export const FlowDetailDto = FlowSummaryDto.extend({
  version: z.number(),
  document: FlowDocument,
});
export type FlowDetailDto = z.infer<typeof FlowDetailDto>;

export const StepDto = z.object({
  seq: z.number(),
  nodeId: z.string(),
  nodeType: z.string(),
  status: StepStatus,
  reason: z.string().nullable(),
  /** The reason by code and its facts (a skip, a template failure), for the run view to say in the user's language. */
  reasonCode: StepReasonCode.optional(),
  reasonArgs: z.record(z.string(), z.string()).optional(),
  /** The output port taken, for nodes that branch. */
  port: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** What the step asked for (tags, a message, a request), done or recorded as "would do". */
  intents: z.array(IntentRecord),
  /** A waiting step's due time. */
  dueAt: z.string().nullable(),
});
export type StepDto = z.infer<typeof StepDto>;

export const RunSummaryDto = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  flowVersion: z.number(),
  status: RunStatus,
  eventType: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  inboxId: z.number().nullable(),
  dryRun: z.boolean(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  /** When a waiting run goes on. */
  dueAt: z.string().nullable(),
  /** Why it waits, when a provider deferred a step (a wait step's run has none). */
  waitReason: WaitReason.nullish(),
  createdAt: z.string(),
  /** A re-run or replay (issue 15): the run it ran again, or null (a replay on a flow that had not run on that delivery). */
  replayOf: z.string().nullish(),
  /** Run again by hand on stored trigger data (a re-run or a delivery's replay), not by a new delivery. */
  replay: z.boolean().optional(),
  /** What a replay could not do as asked (its failed step no longer exists: run from the start instead). */
  replayNote: z.string().nullish(),
});
export type RunSummaryDto = z.infer<typeof RunSummaryDto>;

export const RunDetailDto = RunSummaryDto.extend({
  steps: z.array(StepDto),
  document: FlowDocument,
});
export type RunDetailDto = z.infer<typeof RunDetailDto>;

export const flowsApi = {
  'flows.list': method(z.object({}), z.array(FlowSummaryDto)),
  'flows.get': method(z.object({ id: z.string(), version: z.number().int().optional() }), FlowDetailDto),
  /**
   * Saves a new version. A document identical to the latest version (same content hash) makes
   * no new version: the latest is answered as it is. With `expectedVersion`, refuses to
   * overwrite someone else's newer save.
   */
  'flows.save': method(
    z.object({ id: z.string().optional(), document: FlowDocument, expectedVersion: z.number().int().optional() }),
    FlowDetailDto,
  ),
  'flows.validate': method(z.object({ document: FlowDocument }), z.array(FlowProblem)),
  'flows.activate': method(z.object({ id: z.string(), version: z.number().int().optional() }), FlowSummaryDto),
  'flows.deactivate': method(z.object({ id: z.string() }), FlowSummaryDto),
  'flows.delete': method(z.object({ id: z.string() }), z.object({ id: z.string() })),
  /**
   * Takes an exported file as parsed JSON; the file is validated, not trusted, and a refused file
   * changes nothing. `needs` lists the secret fields the file left blank: a flow with needs is
   * imported turned off, whatever `activate` says, so it is not run before they are filled in.
   */
  'flows.import': method(
    z.object({ file: z.unknown(), activate: z.boolean().default(false) }),
    FlowDetailDto.extend({ needs: z.array(FlowFileNeed) }),
  ),
  /** The file for a version (default: the latest). Secrets are replaced by a placeholder and listed in `needs`. */
  'flows.export': method(z.object({ id: z.string(), version: z.number().int().optional() }), FlowFile),
  'runs.list': method(
    z.object({
      flowId: z.string().optional(),
      orderId: z.string().optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.array(RunSummaryDto),
  ),
  'runs.get': method(z.object({ id: z.string() }), RunDetailDto),
  /**
   * Runs a flow version on a past order as a dry run: every step runs on the order as it is
   * now, and every action is recorded as "would do": nothing is sent, tagged or written. Waits
   * are recorded, not waited. `event` picks the trigger event (default: the flow's first).
   */
  'runs.dryRun': method(
    z.object({ flowId: z.string(), version: z.number().int().optional(), orderId: z.string().min(1), event: z.string().optional() }),
    RunDetailDto,
  ),
  'nodes.list': method(z.object({}), z.array(NodeSpecDto)),
};
