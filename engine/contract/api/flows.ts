import { z } from 'zod';
import { FlowDocument, FlowFile, FlowProblem } from '../flow/flow-document.ts';
import { NodeSpecDto } from '../nodes/node-spec.ts';
import { method } from './method.ts';

export const RunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'skipped']);
export type RunStatus = z.infer<typeof RunStatus>;

export const StepStatus = z.enum(['done', 'skipped', 'failed']);
export type StepStatus = z.infer<typeof StepStatus>;

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
  /** The output port taken, for nodes that branch. */
  port: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  startedAt: z.string(),
  durationMs: z.number(),
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
  createdAt: z.string(),
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
  /** Saves a new version. With `expectedVersion`, refuses to overwrite someone else's newer save. */
  'flows.save': method(
    z.object({ id: z.string().optional(), document: FlowDocument, expectedVersion: z.number().int().optional() }),
    FlowDetailDto,
  ),
  'flows.validate': method(z.object({ document: FlowDocument }), z.array(FlowProblem)),
  'flows.activate': method(z.object({ id: z.string(), version: z.number().int().optional() }), FlowSummaryDto),
  'flows.deactivate': method(z.object({ id: z.string() }), FlowSummaryDto),
  'flows.delete': method(z.object({ id: z.string() }), z.object({ id: z.string() })),
  /** Takes an exported file as parsed JSON; the file is validated, not trusted. */
  'flows.import': method(z.object({ file: z.unknown(), activate: z.boolean().default(false) }), FlowDetailDto),
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
  'nodes.list': method(z.object({}), z.array(NodeSpecDto)),
};
