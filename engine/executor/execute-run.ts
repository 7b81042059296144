import type { FlowNode, StepDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { RetryableStepError, type RunStart, type StepResult, type TriggerData } from '../nodes/node-executor.ts';
import type { Clock } from '../shared/clock.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { TemplateRenderer } from './templates.ts';
import { applyEffects } from './apply-effects.ts';
import { PermanentJobError } from '../queue/worker.ts';

export interface ExecutorDeps {
  repos: Repositories;
  registry: NodeRegistry;
  templates: TemplateRenderer;
  clock: Clock;
  bus: EventBus;
  fetch: typeof fetch;
}

/** Which attempt of the run's job this is, and how to mark the job done in the run's last write. */
export interface Attempt {
  attempts: number;
  maxAttempts: number;
  complete?: () => void;
}

type Outcome = { status: 'done' | 'skipped' | 'failed'; port: string | null; reason: string | null };
type StepOutcome = StepResult | { status: 'failed'; error: string; input?: unknown };
type Write = () => TimelineEntryDto[];

/**
 * Runs done back to back whose last writes wait to be committed together (`commit`): one
 * transaction for many runs instead of one each. A run for an order or customer already in
 * the group commits the group first, so it reads what the earlier runs wrote.
 */
export interface RunGroup {
  writes: Write[];
  after: (() => void)[];
  touched: Set<string>;
}

/**
 * Runs one run of one flow version for its event, walking from the trigger along the ports
 * each step takes. Steps that only change Flowdesk's own data are committed together with
 * their effects, in as few transactions as the flow allows: all of them with the run's end,
 * unless a step calls the outside world, before which everything so far is committed. A run
 * taken up again after a crash reads its recorded steps instead of doing them again; a step
 * that calls out carries the same idempotency key on every attempt.
 */
export function createExecutor(deps: ExecutorDeps) {
  const { repos, registry, templates, clock, bus } = deps;

  /**
   * The run as stored (flow version, event, order) and whether it had started; null when it
   * is over already (a job run twice after a crash).
   */
  function load(runId: string): { start: RunStart; started: boolean } | null {
    const run = repos.runs.get(runId);
    if (!run) throw new PermanentJobError(`run ${runId} does not exist`);
    if (run.status !== 'queued' && run.status !== 'running') return null;
    const document = repos.flows.getVersion(run.flowId, run.flowVersion);
    if (!document) throw new PermanentJobError(`flow ${run.flowId} version ${run.flowVersion} does not exist`);
    const event = repos.events.get(run.eventId);
    if (!event) throw new PermanentJobError(`event ${run.eventId} does not exist`);
    const stored = run.orderId ? repos.orders.get(run.orderId) : undefined;
    const start: RunStart = {
      runId, flowId: run.flowId, flowName: run.flowName, flowVersion: run.flowVersion, document, customerId: stored?.customerId ?? null,
      data: {
        event: { type: event.type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId },
        order: { ...event.order, id: run.orderId },
        previous: event.previous,
      },
    };
    return { start, started: run.status === 'running' };
  }

  async function runStep(runId: string, node: FlowNode, data: TriggerData, attempt: Attempt): Promise<StepOutcome> {
    const type = registry.get(node.type);
    if (!type) return { status: 'failed', error: `unknown node type ${node.type}` };
    const params = type.spec.params.safeParse(node.params);
    if (!params.success) return { status: 'failed', error: `invalid settings: ${params.error.issues.map((i) => i.message).join('; ')}`, input: node.params };
    try {
      return await type.executor.run({
        params: params.data,
        data,
        render: (t) => templates.render(t, data),
        idempotencyKey: `${runId}:${node.id}`,
        fetch: deps.fetch,
      });
    } catch (error) {
      // A passing failure of the outside world: retry the run, unless this was its last chance.
      if (error instanceof RetryableStepError && attempt.attempts < attempt.maxAttempts) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'failed', error: error instanceof RetryableStepError ? `${message} (gave up after ${attempt.attempts} attempts)` : message };
    }
  }

  return {
    /**
     * `handed` is what processing knew when it created this run in the transaction that just
     * committed (a run nobody has started): nothing is read back. Without it, all is read.
     */
    async execute(runId: string, attempt: Attempt = { attempts: 1, maxAttempts: 1 }, handed?: RunStart, group?: RunGroup): Promise<void> {
      const loaded = handed ? { start: handed, started: false } : load(runId);
      if (!loaded) {
        attempt.complete?.();
        return;
      }
      const { start: { flowName, document: doc, customerId }, started } = loaded;
      const run = loaded.start;
      const orderId = run.data.order.id;
      if (group) {
        const keys = [orderId, customerId].filter((k): k is string => k !== null);
        if (keys.some((k) => group.touched.has(k))) commit(group);
        for (const k of keys) group.touched.add(k);
      }
      // The customer as it is now (an earlier run may have tagged them), not as of the event.
      const customer = customerId ? (repos.customers.get(customerId) ?? null) : null;
      const data: TriggerData = { ...run.data, customer };
      const startMs = clock.now();
      const pending: Write[] = [];
      const flush = () => commit({ writes: pending, after: [], touched: new Set() });

      pending.push(() => {
        repos.runs.markStarted(runId, new Date(startMs).toISOString());
        if (!orderId || started) return [];
        return [repos.timeline.append({
          orderId, atMs: startMs, kind: 'run', runId,
          title: `Flow "${flowName}" started (version ${run.flowVersion})`,
          detail: { status: 'running', flowId: run.flowId, flowName, flowVersion: run.flowVersion, eventType: data.event.type },
        })];
      });

      // Only a run that had started can have steps recorded (done before a crash).
      const recorded = new Map<string, StepDto>(started ? repos.runs.steps(runId).map((s) => [s.nodeId, s]) : []);
      const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
      const trigger = doc.nodes.find((n) => registry.get(n.type)?.spec.triggers?.includes(data.event.type as never));
      let seq = recorded.size;
      let failure: string | null = trigger ? null : `no trigger in version ${run.flowVersion} listens to ${data.event.type}`;
      const queue: FlowNode[] = trigger ? [trigger] : [];
      const visited = new Set<string>();

      while (queue.length > 0 && failure === null) {
        const node = queue.shift()!;
        if (visited.has(node.id)) continue;
        visited.add(node.id);
        let outcome: Outcome;
        const prior = recorded.get(node.id);
        if (prior) {
          outcome = { status: prior.status, port: prior.port, reason: prior.reason };
        } else {
          // What was done so far is made durable before the outside world is called.
          if (registry.get(node.type)?.spec.effects === 'external') flush();
          const t0 = performance.now();
          const stepStartMs = clock.now();
          let result: StepOutcome;
          try {
            result = await runStep(runId, node, data, attempt);
          } catch (error) {
            flush();
            throw error;
          }
          outcome = recordStep(pending, runId, ++seq, node, result, stepStartMs, performance.now() - t0, orderId, flowName);
        }
        if (outcome.status === 'failed') {
          failure = `step "${node.label ?? node.id}" failed: ${outcome.reason ?? 'no reason given'}`;
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
      pending.push(() => {
        repos.runs.finish(runId, failure ? 'failed' : 'succeeded', failure, new Date(endMs).toISOString(), endMs - startMs);
        if (!orderId) return [];
        return [repos.timeline.append({
          orderId, atMs: endMs, kind: 'run', runId,
          title: failure ? `Flow "${flowName}" failed: ${failure}` : `Flow "${flowName}" finished`,
          detail: { status: failure ? 'failed' : 'succeeded', error: failure, flowId: run.flowId, flowName },
        })];
      });
      pending.push(() => {
        attempt.complete?.();
        return [];
      });
      const announce = () => {
        if (!bus.listening()) return;
        const summary = repos.runs.get(runId);
        if (summary) {
          const { eventId: _e, ...dto } = summary;
          bus.emit('run.finished', dto);
        }
        // A run may have changed its order (tags, notes): say so, as processing does.
        const order = orderId ? repos.orders.summary(orderId) : undefined;
        if (order) bus.emit('order.changed', order);
      };
      if (group) {
        group.writes.push(...pending);
        group.after.push(announce);
      } else {
        flush();
        announce();
      }
    },
    group: (): RunGroup => ({ writes: [], after: [], touched: new Set() }),
    commit,
  };

  /** Commits the writes in one transaction, then says what was appended and runs `after`. */
  function commit(group: RunGroup): void {
    const appended: TimelineEntryDto[] = [];
    if (group.writes.length > 0) {
      repos.tx(() => {
        for (const write of group.writes) appended.push(...write());
      });
    }
    const after = group.after.splice(0);
    group.writes.length = 0;
    group.touched.clear();
    for (const entry of appended) bus.emit('timeline.appended', entry);
    for (const fn of after) fn();
  }

  /** Queues the step's record, its timeline entry and its effects for the next commit. */
  function recordStep(
    pending: Write[], runId: string, seq: number, node: FlowNode, result: StepOutcome,
    startedMs: number, durationMs: number, orderId: string | null, flowName: string,
  ): Outcome {
    const nowMs = clock.now();
    const label = node.label ?? registry.get(node.type)?.spec.label ?? node.type;
    const reason = result.status === 'failed' ? result.error : result.status === 'skipped' ? result.reason : null;
    const outcome: Outcome = result.status === 'failed'
      ? { status: 'failed', port: null, reason }
      : { status: result.status, port: result.port ?? (result.status === 'skipped' ? null : 'out'), reason };
    pending.push(() => {
      const appended: TimelineEntryDto[] = [];
      repos.runs.insertStep({
        runId, seq, nodeId: node.id, nodeType: node.type, status: outcome.status, reason, port: outcome.port,
        input: result.input ?? null, output: result.status === 'done' ? (result.output ?? null) : null,
        startedAt: new Date(startedMs).toISOString(), durationMs,
      });
      if (orderId) {
        const title = outcome.status === 'done'
          ? `${label}: done${outcome.port && outcome.port !== 'out' ? ` (${outcome.port})` : ''}`
          : `${label}: ${outcome.status}: ${reason}`;
        appended.push(repos.timeline.append({
          orderId, atMs: nowMs, kind: 'step', runId, title,
          detail: { nodeId: node.id, nodeType: node.type, label, status: outcome.status, reason, port: outcome.port },
        }));
      }
      if (result.status === 'done' && result.effects) {
        appended.push(...applyEffects(repos, result.effects, { ms: nowMs, iso: new Date(nowMs).toISOString(), runId, flowName }));
      }
      return appended;
    });
    return outcome;
  }
}
export type Executor = ReturnType<typeof createExecutor>;
