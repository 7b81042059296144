import type { z } from 'zod';
import type { CanonicalEvent, Customer, FlowDocument, NodeSpec, Order } from '../contract/index.ts';
import type { Effect } from '../executor/effects.ts';

/** What a flow sees of its trigger: the names templates and conditions use. */
export interface TriggerData {
  event: { type: string; platform: string; occurredAt: string; connectionId: string };
  order: Order & { id: string | null };
  customer: Customer | null;
  previous: CanonicalEvent['previous'];
}

/**
 * What a run starts from, as processing knew it when it created the run in the same
 * transaction: handed to the worker that runs it next (in memory only, never stored), so the
 * run, its event, its order and its flow version are not read back and parsed again. A run
 * taken up any other way (after a restart, a retry) reads all of it from the database.
 */
export interface RunStart {
  runId: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  document: FlowDocument;
  customerId: string | null;
  data: Omit<TriggerData, 'customer'>;
}

export interface StepContext<P> {
  params: P;
  data: TriggerData;
  render(template: string): Promise<string>;
  /** The same for every attempt of this step: `<runId>:<nodeId>`. Sent with external calls. */
  idempotencyKey: string;
  /** The transport for calls to the outside world. */
  fetch: typeof fetch;
}

/**
 * A failure worth trying again (a network error, a 5xx, a 429): the run is retried with
 * backoff and this step done again with the same idempotency key; the last attempt records
 * the step as failed.
 */
export class RetryableStepError extends Error {
  override name = 'RetryableStepError';
}

export type StepResult =
  | { status: 'done'; port?: string; input?: unknown; output?: unknown; effects?: Effect[] }
  | { status: 'skipped'; reason: string; input?: unknown; port?: string };

export interface NodeExecutor<P = unknown> {
  run(ctx: StepContext<P>): Promise<StepResult>;
}

/** A node type: its spec (data, shared with the editor) and the function that runs it. */
export interface NodeType<P = unknown> {
  spec: NodeSpec;
  executor: NodeExecutor<P>;
}

export function defineNodeType<S extends NodeSpec>(spec: S, executor: NodeExecutor<z.output<S['params']>>): NodeType {
  return { spec, executor: executor as NodeExecutor };
}
