import type { z } from 'zod';
import type { CanonicalEvent, Customer, FlowDocument, FoAction, NodeSpec, Order, StepReasonCode } from '../contract/index.ts';
import type { Intent } from './intents.ts';

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
 * taken up any other way (after a restart, a retry, a wait) reads all of it from the database.
 */
export interface RunStart {
  runId: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  document: FlowDocument;
  customerId: string | null;
  dryRun: boolean;
  data: Omit<TriggerData, 'customer'>;
}

export interface StepContext<P> {
  params: P;
  data: TriggerData;
  /** Renders a Liquid template over the trigger data; throws with the template's problem. */
  render(template: string): Promise<string>;
  /** The run's time, for conditions and waits. */
  nowMs: number;
  /**
   * The ids of the order's stored fulfillment orders on which `action` is allowed now (the state
   * machine's check), when the engine can tell: a flow's FO step started by anything but a
   * `fulfillment.*` event acts on each of them.
   */
  fulfillmentOrders?: (orderId: string, action: FoAction) => string[];
}

/** A step's answer: which port to take, what it saw and made, and what it asks to be done. */
export type StepResult =
  | { status: 'done'; port?: string; input?: unknown; output?: unknown; intents?: Intent[] }
  | { status: 'skipped'; reason: string; input?: unknown; port?: string; code?: StepReasonCode; args?: Record<string, string> };

/** A node type: its spec (data, shared with the editor) and one function that runs it. */
export interface NodeType<P = unknown> {
  spec: NodeSpec;
  run(ctx: StepContext<P>): Promise<StepResult>;
}

export function defineNodeType<S extends NodeSpec>(spec: S, run: (ctx: StepContext<z.output<S['params']>>) => Promise<StepResult>): NodeType {
  return { spec, run: run as NodeType['run'] };
}
