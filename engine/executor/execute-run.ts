import type { FlowDocument, FlowNode, StepDto, TimelineEntryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { StepResult, TriggerData } from '../nodes/node-executor.ts';
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
}

type Outcome = { status: 'done' | 'skipped' | 'failed'; port: string | null; reason: string | null };

/**
 * Runs one run of one flow version for its event, walking from the trigger along the ports
 * each step takes. Each step is committed with its effects; a run picked up again after a
 * crash replays recorded steps from the record instead of doing them twice.
 */
export function createExecutor(deps: ExecutorDeps) {
  const { repos, registry, templates, clock, bus } = deps;

  function triggerData(runId: string): { data: TriggerData; doc: FlowDocument; flowName: string } {
    const run = repos.runs.get(runId);
    if (!run) throw new PermanentJobError(`run ${runId} does not exist`);
    const doc = repos.flows.getVersion(run.flowId, run.flowVersion);
    if (!doc) throw new PermanentJobError(`flow ${run.flowId} version ${run.flowVersion} does not exist`);
    const event = repos.events.get(run.eventId);
    if (!event) throw new PermanentJobError(`event ${run.eventId} does not exist`);
    const stored = run.orderId ? repos.orders.get(run.orderId) : undefined;
    const customer = stored?.customerId ? (repos.customers.get(stored.customerId) ?? null) : null;
    return {
      doc,
      flowName: run.flowName,
      data: {
        event: { type: event.type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId },
        order: { ...event.order, id: run.orderId },
        customer,
        previous: event.previous,
      },
    };
  }

  async function runStep(node: FlowNode, data: TriggerData): Promise<StepResult | { status: 'failed'; error: string; input?: unknown }> {
    const type = registry.get(node.type);
    if (!type) return { status: 'failed', error: `unknown node type ${node.type}` };
    const params = type.spec.params.safeParse(node.params);
    if (!params.success) return { status: 'failed', error: `invalid settings: ${params.error.issues.map((i) => i.message).join('; ')}`, input: node.params };
    try {
      return await type.executor.run({ params: params.data, data, render: (t) => templates.render(t, data) });
    } catch (error) {
      return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    async execute(runId: string): Promise<void> {
      const { data, doc, flowName } = triggerData(runId);
      const run = repos.runs.get(runId)!;
      if (run.status === 'succeeded' || run.status === 'failed') return;
      const startMs = clock.now();
      let started: TimelineEntryDto | null = null;
      repos.tx(() => {
        repos.runs.markStarted(runId, new Date(startMs).toISOString());
        if (data.order.id && run.status === 'queued') {
          started = repos.timeline.append({
            orderId: data.order.id, atMs: startMs, kind: 'run', runId,
            title: `Flow "${flowName}" started (version ${run.flowVersion})`,
            detail: { status: 'running', flowId: run.flowId, flowVersion: run.flowVersion, eventType: data.event.type },
          });
        }
      });
      if (started) bus.emit('timeline.appended', started);

      const recorded = new Map<string, StepDto>(repos.runs.steps(runId).map((s) => [s.nodeId, s]));
      const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
      const trigger = doc.nodes.find((n) => registry.get(n.type)?.spec.triggers?.includes(data.event.type as never));
      let seq = recorded.size;
      let failure: string | null = null;
      const queue: FlowNode[] = trigger ? [trigger] : [];
      const visited = new Set<string>();
      if (!trigger) failure = `no trigger in version ${run.flowVersion} listens to ${data.event.type}`;

      while (queue.length > 0 && failure === null) {
        const node = queue.shift()!;
        if (visited.has(node.id)) continue;
        visited.add(node.id);
        let outcome: Outcome;
        const prior = recorded.get(node.id);
        if (prior) {
          outcome = { status: prior.status, port: prior.port, reason: prior.reason };
        } else {
          const t0 = performance.now();
          const stepStartMs = clock.now();
          const result = await runStep(node, data);
          outcome = commitStep(runId, ++seq, node, result, stepStartMs, performance.now() - t0, data, flowName);
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
      finishRun(runId, failure, startMs, data, flowName);
    },
  };

  function commitStep(
    runId: string, seq: number, node: FlowNode, result: Awaited<ReturnType<typeof runStep>>,
    startedMs: number, durationMs: number, data: TriggerData, flowName: string,
  ): Outcome {
    const nowMs = clock.now();
    const label = node.label ?? registry.get(node.type)?.spec.label ?? node.type;
    const appended: TimelineEntryDto[] = [];
    const reason = result.status === 'failed' ? result.error : result.status === 'skipped' ? result.reason : null;
    const outcome: Outcome = result.status === 'failed'
      ? { status: 'failed', port: null, reason }
      : { status: result.status, port: result.port ?? (result.status === 'skipped' ? null : 'out'), reason };
    repos.tx(() => {
      repos.runs.insertStep({
        runId, seq, nodeId: node.id, nodeType: node.type, status: outcome.status, reason, port: outcome.port,
        input: result.input ?? null, output: result.status === 'done' ? (result.output ?? null) : null,
        startedAt: new Date(startedMs).toISOString(), durationMs,
      });
      if (data.order.id) {
        const title = outcome.status === 'done'
          ? `${label}: done${outcome.port && outcome.port !== 'out' ? ` (${outcome.port})` : ''}`
          : `${label}: ${outcome.status}: ${reason}`;
        appended.push(repos.timeline.append({
          orderId: data.order.id, atMs: nowMs, kind: 'step', runId, title,
          detail: { nodeId: node.id, nodeType: node.type, status: outcome.status, reason, port: outcome.port },
        }));
      }
      if (result.status === 'done' && result.effects) {
        appended.push(...applyEffects(repos, result.effects, { ms: nowMs, iso: new Date(nowMs).toISOString(), runId, flowName }));
      }
    });
    for (const entry of appended) bus.emit('timeline.appended', entry);
    return outcome;
  }

  function finishRun(runId: string, failure: string | null, startMs: number, data: TriggerData, flowName: string): void {
    const endMs = clock.now();
    let entry: TimelineEntryDto | null = null;
    repos.tx(() => {
      repos.runs.finish(runId, failure ? 'failed' : 'succeeded', failure, new Date(endMs).toISOString(), endMs - startMs);
      if (data.order.id) {
        entry = repos.timeline.append({
          orderId: data.order.id, atMs: endMs, kind: 'run', runId,
          title: failure ? `Flow "${flowName}" failed: ${failure}` : `Flow "${flowName}" finished`,
          detail: { status: failure ? 'failed' : 'succeeded', error: failure },
        });
      }
    });
    if (entry) bus.emit('timeline.appended', entry);
    const summary = repos.runs.get(runId);
    if (summary) {
      const { eventId: _e, ...dto } = summary;
      bus.emit('run.finished', dto);
    }
  }
}
export type Executor = ReturnType<typeof createExecutor>;
