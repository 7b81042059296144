import { z } from 'zod';
import { method } from './method.ts';
import { CaptureFile, CapturedDelivery, ReplayMode } from '../capture-file.ts';
import { Platform } from '../platform.ts';
import { InboxEntryDto, InboxVerdict } from './inbox.ts';
import { RunDetailDto, RunSummaryDto } from './flows.ts';
import { RunBatchDto } from './runs.ts';

/** Which deliveries: the inbox's filters (also the bulk replay's and the export's). */
export const DeliveryFilter = z.object({
  connectionId: z.string().optional(),
  platform: Platform.optional(),
  topic: z.string().max(255).optional(),
  verdict: InboxVerdict.optional(),
  /** Only those recorded as duplicates (true) or only the others (false). */
  duplicate: z.boolean().optional(),
  /** Free text: matched against the topic, the delivery key, the reason, the outcome and the order number. */
  query: z.string().trim().max(200).optional(),
  /** Received at or after / before (ISO 8601). */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
export type DeliveryFilter = z.infer<typeof DeliveryFilter>;

/** A delivery's stored bytes checked again against its connection's secret, now. */
export const ReverifyDto = z.object({ verdict: InboxVerdict, reason: z.string().nullable() });
export type ReverifyDto = z.infer<typeof ReverifyDto>;

export const ReplayResultDto = z.object({
  inboxId: z.number().int(),
  mode: ReplayMode,
  dryRun: z.boolean(),
  /** The stored bytes, verified again as received. */
  verification: ReverifyDto,
  /** How the replayed body stands: the original bytes, an edited body signed again with the connection's secret, or edited and unsigned. */
  payload: z.enum(['original', 'resigned', 'unsigned']),
  /** For a re-signed edited body: the verdict its new signature gets from the connection's adapter. */
  signedVerification: ReverifyDto.nullable().default(null),
  /** The runs the replay made (each marked as a replay on the order's timeline); empty when no flow listens. */
  runs: z.array(RunSummaryDto),
});
export type ReplayResultDto = z.infer<typeof ReplayResultDto>;

/** One rendered input of a step's intent that differs between two runs (`field` dotted into the intent's args). */
export const InputDiff = z.object({ kind: z.string(), field: z.string(), original: z.unknown(), replay: z.unknown() });

export const NodeDiff = z.object({
  nodeId: z.string(),
  label: z.string().nullable(),
  nodeType: z.string(),
  original: z.object({ status: z.string(), port: z.string().nullable() }).nullable(),
  replay: z.object({ status: z.string(), port: z.string().nullable() }).nullable(),
  /** Same status, same port and same rendered inputs. */
  same: z.boolean(),
  inputs: z.array(InputDiff),
});
export type NodeDiff = z.infer<typeof NodeDiff>;

/** Replay-as-diff: the current version run dry on a past delivery, beside the run it had. */
export const RunDiffDto = z.object({
  inboxId: z.number().int(),
  flowId: z.string(),
  original: RunDetailDto.nullable(),
  replay: RunDetailDto,
  /** The node ids each run went through, in order. */
  path: z.object({ original: z.array(z.string()), replay: z.array(z.string()) }),
  samePath: z.boolean(),
  nodes: z.array(NodeDiff),
});
export type RunDiffDto = z.infer<typeof RunDiffDto>;

/** What a bulk replay or dry run would do: how many took each path, how often each action fired. */
export const BatchSummaryDto = z.object({
  batchId: z.string(),
  paths: z.array(z.object({ path: z.array(z.string()), runs: z.number().int() })),
  actions: z.array(z.object({ kind: z.string(), nodeId: z.string(), label: z.string().nullable(), runs: z.number().int() })),
  skipped: z.array(z.object({ reason: z.string(), runs: z.number().int() })),
  failed: z.array(z.object({ error: z.string(), runs: z.number().int() })),
});
export type BatchSummaryDto = z.infer<typeof BatchSummaryDto>;

export const replayApi = {
  /** Deliveries matching the filter, newest first (the Inbox screen). */
  'inbox.search': method(
    z.object({ filter: DeliveryFilter.default({}), limit: z.number().int().min(1).max(1000).default(100), beforeId: z.number().int().optional() }),
    z.array(InboxEntryDto),
  ),
  /** The stored bytes verified again against the connection's secret as it is now. */
  'inbox.verify': method(z.object({ id: z.number().int() }), ReverifyDto),
  /** A capture file of the deliveries named, or of those the filter finds (at most 10,000). */
  'inbox.export': method(
    z.object({ ids: z.array(z.number().int()).min(1).max(10_000).optional(), filter: DeliveryFilter.optional() })
      .refine((a) => (a.ids === undefined) !== (a.filter === undefined), 'give either ids or a filter'),
    CaptureFile,
  ),
  /**
   * Imports a capture file (parsed JSON) or a HAR (`har`): every delivery is checked first, and
   * one that cannot be taken (no connection for its platform and store, a bad shape) refuses the
   * whole file, naming it. Imported deliveries are verified and processed like webhooks.
   */
  'inbox.import': method(
    z.object({ file: z.unknown(), format: z.enum(['capture', 'har']).default('capture'), connectionId: z.string().optional() }),
    z.object({ imported: z.number().int(), entries: z.array(InboxEntryDto) }),
  ),
  /**
   * Replays one delivery through its flows (issue 15): `as_ran` (each run's pinned version),
   * `current` (the flows' current versions) or `from_failed`; dry or live. `body` replaces the
   * payload (signed again with the connection's secret, or marked unsigned with `sign: false`).
   * Replays are runs marked as replays; no delivery is added to the inbox.
   */
  'deliveries.replay': method(
    z.object({ inboxId: z.number().int(), mode: ReplayMode.default('current'), dryRun: z.boolean().default(true), body: z.string().max(5_000_000).optional(), sign: z.boolean().default(true) }),
    ReplayResultDto,
  ),
  /** The current version of a flow run dry on a past delivery, beside its original run. */
  'deliveries.diff': method(z.object({ inboxId: z.number().int(), flowId: z.string() }), RunDiffDto),
  /**
   * Replays (or dry-runs) every delivery the filter finds as a batch: progress and cancel as
   * `runs.batch` / `runs.cancelBatch`, what it would do as `runs.batchSummary`.
   */
  'deliveries.replayBulk': method(
    z.object({ filter: DeliveryFilter, flowId: z.string(), mode: ReplayMode.default('current'), dryRun: z.boolean().default(true), limit: z.number().int().min(1).max(10_000).default(1000) }),
    RunBatchDto,
  ),
  'runs.batchSummary': method(z.object({ id: z.string() }), BatchSummaryDto),
  /** Runs a failed or skipped run again on its flow's current version, from the start or from its failed step. */
  'runs.rerun': method(z.object({ runId: z.string(), from: z.enum(['start', 'failed_step']).default('start'), dryRun: z.boolean().default(false) }), RunSummaryDto),
  /** Every run of a flow that failed with this error (as the runs list shows it), run again as a batch. */
  'runs.rerunFailed': method(
    z.object({ flowId: z.string(), error: z.string().min(1), from: z.enum(['start', 'failed_step']).default('start'), dryRun: z.boolean().default(false) }),
    RunBatchDto,
  ),
  /**
   * A captured request as this connection's platform would sign it, with the connection's
   * secrets (`flowdesk replay` to this engine: secrets never leave it). `verified`: whether the
   * bytes as given already verify, so they need no new signature.
   */
  'connections.sign': method(
    z.object({ id: z.string(), delivery: CapturedDelivery.pick({ method: true, path: true, headers: true, bodyBase64: true }) }),
    z.object({ verified: z.boolean(), path: z.string(), headers: z.record(z.string(), z.string()), bodyBase64: z.string() }),
  ),
};
