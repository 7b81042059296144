import type { DeferWhy, FlowNode, NodeSpec, StepDto, StepReasonCode, WaitReason } from '../contract/index.ts';
import { waitReasonOf } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { RunStart, StepContext, StepResult, TriggerData } from '../nodes/node-type.ts';
import type { Clock } from '../shared/clock.ts';
import { DeferStepError, RetryableError, SkipStepError } from '../shared/errors.ts';
import type { TemplateRenderer } from './templates.ts';
import { TemplateError } from './liquid-errors.ts';
import type { EffectSink, FailedStep, Performed, RunStore, StoreWrite } from './ports.ts';

export interface ExecutorDeps {
  store: RunStore;
  /** Live runs' sink, and dry runs' (the run's `dryRun` picks one). */
  sinks: { apply: EffectSink; record: EffectSink };
  registry: NodeRegistry;
  templates: TemplateRenderer;
  clock: Clock;
  /** What steps may look up beyond their data (the order's stored fulfillment orders on which an action is allowed). */
  lookups?: Pick<StepContext<unknown>, 'fulfillmentOrders'>;
}

/** Which attempt of the run's job this is, and how to mark the job done in the run's last write. */
export interface Attempt {
  attempts: number;
  maxAttempts: number;
  complete?: () => void;
}

/**
 * Runs done back to back whose last writes wait to be committed together (`commit`): one
 * transaction for many runs instead of one each. A run for an order or customer already in
 * the group commits the group first, so it reads what the earlier runs wrote.
 */
export interface RunGroup {
  writes: StoreWrite[];
  after: (() => void)[];
  touched: Set<string>;
}

type Outcome = { status: StepDto['status']; port: string | null; reason: string | null };
type Ran = { result: StepResult; performed: Performed | null } | { failed: string; input?: unknown; code?: StepReasonCode; args?: Record<string, string> };
/** The provider said "not now" (quota, night hours): the run parks and the step is tried again then. */
type Deferred = { deferUntil: number; reason: string; why: DeferWhy | undefined };

const takesUp = new Set(['queued', 'running', 'waiting']);

/**
 * A step machine over two ports: a `RunStore` and an `EffectSink`. A run walks from its
 * trigger along the ports each step takes; each step is recorded, and a step recorded before
 * (a restart, a retry, a wait taken up) is never done again. Local changes commit with their
 * step, in as few transactions as the flow allows; before a step calls the outside world,
 * everything so far is committed. A wait parks the run with a due time.
 */
/** The params field that holds this exact template (or a list holding it), with its title ("Body"), for an error to point at. */
function fieldOf(spec: NodeSpec, params: unknown, template: string): { key: string; title: string } | null {
  const shape = (spec.params as unknown as { shape?: Record<string, { meta(): Record<string, unknown> | undefined }> }).shape;
  for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (value !== template && !(Array.isArray(value) && value.includes(template))) continue;
    const title = shape?.[key]?.meta?.()?.['title'];
    return { key, title: typeof title === 'string' ? title : key };
  }
  return null;
}

/** A template that failed in one of the step's fields: its words name the field, its facts say it in any language. */
class FieldTemplateError extends Error {
  override name = 'FieldTemplateError';
  readonly field: { key: string; title: string };
  readonly problem: TemplateError;
  constructor(field: { key: string; title: string }, problem: TemplateError) {
    super(`${field.title}: ${problem.message}`, { cause: problem });
    this.field = field;
    this.problem = problem;
  }

  /** The step's reason code and its facts (`timeline.stepReason.template_failed`). */
  reasonArgs(): Record<string, string> {
    const p = this.problem;
    return {
      field: this.field.key, fieldTitle: this.field.title, problem: p.kind, token: p.token ?? '',
      line: String(p.position?.line ?? ''), col: String(p.position?.col ?? ''), message: p.message,
    };
  }
}

export function createExecutor(deps: ExecutorDeps) {
  const { store, registry, templates, clock } = deps;

  /** A step as a user knows it: the name given on the canvas, else its type's ("Send HTTP request"), never its id. */
  const stepName = (node: FlowNode) => node.label?.trim() || registry.get(node.type)?.spec.label || node.type;

  /** Renders one of the step's fields; a template error names the field it is in ("Body: unknown variable …"). */
  async function renderField(spec: NodeSpec, params: unknown, template: string, data: TriggerData): Promise<string> {
    try {
      return await templates.render(template, data);
    } catch (error) {
      const field = fieldOf(spec, params, template);
      if (field && error instanceof TemplateError) throw new FieldTemplateError(field, error);
      if (field && error instanceof Error) throw new Error(`${field.title}: ${error.message}`, { cause: error });
      throw error;
    }
  }

  async function runStep(run: RunStart, node: FlowNode, data: TriggerData, sink: EffectSink, attempt: Attempt, flush: () => Promise<void>, atMs: number): Promise<Ran | Deferred> {
    const type = registry.get(node.type);
    if (!type) return { failed: `unknown node type ${node.type}` };
    const params = type.spec.params.safeParse(node.params);
    if (!params.success) return { failed: `invalid settings: ${params.error.issues.map((i) => i.message).join('; ')}`, input: node.params };
    let result: StepResult;
    try {
      result = await type.run({ ...deps.lookups, params: params.data, data, render: (t) => renderField(type.spec, params.data, t, data), nowMs: clock.now() });
    } catch (error) {
      if (error instanceof FieldTemplateError) return { failed: error.message, code: 'template_failed', args: error.reasonArgs() };
      return { failed: error instanceof Error ? error.message : String(error) };
    }
    const intents = result.status === 'done' ? (result.intents ?? []) : [];
    if (intents.length === 0) return { result, performed: null };
    try {
      // What was done so far is made durable before the outside world is called.
      if (sink.callsOut(intents)) await flush();
      const ctx = { runId: run.runId, nodeId: node.id, flowId: run.flowId, flowName: run.flowName, orderId: run.data.order.id, atMs, idempotencyKey: `${run.runId}:${node.id}` };
      return { result, performed: await sink.perform(intents, ctx) };
    } catch (error) {
      // This recipient cannot be reached this way: the step is skipped with the provider's reason and the run goes on.
      if (error instanceof SkipStepError) return { result: { status: 'skipped', port: result.port ?? 'out', reason: error.message, input: result.input, code: (error.code as StepReasonCode | undefined) ?? 'provider_refused', args: error.args ?? { answer: error.message } }, performed: null };
      if (error instanceof DeferStepError) return { deferUntil: error.untilMs, reason: error.message, why: error.why };
      // A passing failure of the outside world: retry the run, unless this was its last chance.
      if (error instanceof RetryableError && attempt.attempts < attempt.maxAttempts) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { failed: error instanceof RetryableError ? `${message} (gave up after ${attempt.attempts} attempts)` : message, input: result.input };
    }
  }

  function outcomeOf(ran: Ran): Outcome {
    if ('failed' in ran) return { status: 'failed', port: null, reason: ran.failed };
    const r = ran.result;
    if (r.status === 'skipped') return { status: 'skipped', port: r.port ?? null, reason: r.reason };
    return { status: ran.performed?.waitUntilMs != null ? 'waiting' : 'done', port: r.port ?? 'out', reason: null };
  }

  return {
    /**
     * `handed` is what processing knew when it created this run in the transaction that just
     * committed (a run nobody has started): nothing is read back. Without it, all is read.
     */
    async execute(runId: string, attempt: Attempt = { attempts: 1, maxAttempts: 1 }, handed?: RunStart, group?: RunGroup): Promise<void> {
      const loaded = handed ? { start: handed, status: 'queued' as const, steps: [] } : await store.load(runId);
      if (!loaded || !takesUp.has(loaded.status)) {
        // Over already (a job run twice after a crash), cancelled while waiting, or gone.
        attempt.complete?.();
        return;
      }
      const run = loaded.start;
      const sink = run.dryRun ? deps.sinks.record : deps.sinks.apply;
      const orderId = run.data.order.id;
      if (group) {
        const keys = [orderId, run.customerId].filter((k): k is string => k !== null);
        if (keys.some((k) => group.touched.has(k))) await commit(group);
        for (const k of keys) group.touched.add(k);
      }
      const customer = run.customerId ? await store.customer(run.customerId) : null;
      const data: TriggerData = { ...run.data, customer };
      const startMs = clock.now();
      const pending: StoreWrite[] = [store.started(run, startMs, loaded.status === 'queued')];
      const flush = async () => {
        await store.commit(pending.splice(0));
      };

      const recorded = new Map(loaded.steps.map((s) => [s.nodeId, s]));
      const doc = run.document;
      const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
      const trigger = doc.nodes.find((n) => registry.get(n.type)?.spec.triggers?.includes(data.event.type as never));
      let seq = loaded.steps.reduce((max, s) => Math.max(max, s.seq), 0);
      let failure: string | null = trigger ? null : `no trigger in version ${run.flowVersion} listens to ${data.event.type}`;
      let failedStep: FailedStep | null = null;
      let parkedUntil: number | null = null;
      let parkedWhy: WaitReason | null = null;
      const queue: FlowNode[] = trigger ? [trigger] : [];
      const visited = new Set<string>();

      while (queue.length > 0 && failure === null && parkedUntil === null) {
        const node = queue.shift()!;
        if (visited.has(node.id)) continue;
        visited.add(node.id);
        let outcome: Outcome;
        const prior = recorded.get(node.id);
        if (prior?.status === 'waiting') {
          const dueMs = Date.parse(prior.dueAt ?? '');
          // Woken before its time (a clock moved): park again until it.
          if (clock.now() < dueMs) {
            parkedUntil = dueMs;
            break;
          }
          pending.push(store.waitOver(run, node.id));
          outcome = { status: 'done', port: prior.port ?? 'out', reason: null };
        } else if (prior) {
          outcome = { status: prior.status, port: prior.port, reason: prior.reason };
        } else {
          const t0 = performance.now();
          const stepStartMs = clock.now();
          let ran: Ran | Deferred;
          try {
            ran = await runStep(run, node, data, sink, attempt, flush, stepStartMs);
          } catch (error) {
            await flush();
            throw error;
          }
          // Nothing is recorded for a deferred step, so that waking up runs it again (same idempotency key).
          if ('deferUntil' in ran) {
            parkedUntil = ran.deferUntil;
            parkedWhy = waitReasonOf(node.id, ran.reason, ran.why);
            break;
          }
          outcome = outcomeOf(ran);
          const waitUntil = 'failed' in ran ? null : (ran.performed?.waitUntilMs ?? null);
          const r = 'failed' in ran ? null : ran.result;
          pending.push(store.step(run, {
            seq: ++seq, node, status: outcome.status, reason: outcome.reason, port: outcome.port,
            ...(r?.status === 'skipped' && r.code ? { reasonCode: r.code, reasonArgs: r.args } : {}),
            ...('failed' in ran && ran.code ? { reasonCode: ran.code, reasonArgs: ran.args } : {}),
            input: 'failed' in ran ? (ran.input ?? null) : (r!.input ?? null),
            output: r?.status === 'done' ? (r.output ?? null) : null,
            startedMs: stepStartMs, durationMs: performance.now() - t0, dueMs: waitUntil,
          }, 'failed' in ran ? null : ran.performed));
          if (waitUntil !== null) {
            parkedUntil = waitUntil;
            break;
          }
        }
        if (outcome.status === 'failed') {
          failedStep = { label: node.label?.trim() || null, nodeType: node.type, typeLabel: registry.get(node.type)?.spec.label ?? null };
          failure = `${stepName(node)} failed: ${outcome.reason ?? 'no reason given'}`;
          break;
        }
        for (const e of doc.edges) {
          if (e.source === node.id && e.sourcePort === outcome.port) {
            const next = nodes.get(e.target);
            if (next) queue.push(next);
          }
        }
      }

      const endMs = clock.now();
      if (parkedUntil !== null) pending.push(store.parked(run, parkedUntil, endMs, parkedWhy));
      else pending.push(store.finished(run, { status: failure ? 'failed' : 'succeeded', error: failure, ...(failedStep ? { failedStep } : {}) }, endMs, endMs - startMs));
      pending.push(() => {
        attempt.complete?.();
        return [];
      });
      const announce = () => store.announce(run);
      if (group) {
        group.writes.push(...pending);
        group.after.push(announce);
      } else {
        await flush();
        announce();
      }
    },
    group: (): RunGroup => ({ writes: [], after: [], touched: new Set() }),
    commit,
  };

  /** Commits the group's writes in one transaction, then runs what waited for them. */
  async function commit(group: RunGroup): Promise<void> {
    const writes = group.writes.splice(0);
    const after = group.after.splice(0);
    group.touched.clear();
    if (writes.length > 0) await store.commit(writes);
    for (const fn of after) fn();
  }
}
export type Executor = ReturnType<typeof createExecutor>;
