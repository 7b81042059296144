import { z } from 'zod';
import type { FlowDetailDto, FlowDocument, FlowFile, FlowSummaryDto, Platform } from '../contract/index.ts';
import { FLOW_FILE_FORMAT, FlowFile as FlowFileSchema } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { ActiveFlows } from './active-flows.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { validateFlow } from './validate.ts';
import { flowRequirements, unmetRequirements } from './requirements.ts';

export interface FlowServiceHooks {
  /** A flow stopped running (turned off or deleted): its waiting runs are cancelled. */
  onStopped?(flowId: string, why: 'deactivated' | 'deleted'): void;
}

/** Flows and their versions: every save is a new version; at most one version is active. */
export function createFlowService(repos: Repositories, registry: NodeRegistry, activeFlows: ActiveFlows, clock: Clock, hooks: FlowServiceHooks = {}) {
  const now = () => new Date(clock.now()).toISOString();

  function summary(id: string): FlowSummaryDto {
    const f = repos.flows.get(id);
    if (!f) throw notFound('flow', id);
    return { ...f, lastRun: repos.runs.lastForFlow(id) };
  }

  function detail(id: string, version?: number): FlowDetailDto {
    const s = summary(id);
    const v = version ?? s.latestVersion;
    const document = repos.flows.getVersion(id, v);
    if (!document) throw new EngineError('not_found', `flow ${id} has no version ${v}`);
    return { ...s, version: v, document };
  }

  function refuseProblems(doc: FlowDocument): void {
    const problems = validateFlow(doc, registry);
    if (problems.length > 0) {
      throw new EngineError('invalid_flow', `the flow cannot be saved: ${problems.map((p) => p.message).join('; ')}`, { problems });
    }
  }

  function activate(id: string, version?: number): FlowSummaryDto {
    const s = summary(id);
    const v = version ?? s.latestVersion;
    const doc = repos.flows.getVersion(id, v);
    if (!doc) throw new EngineError('not_found', `flow ${id} has no version ${v}`);
    refuseProblems(doc);
    repos.flows.setActive(id, v, now());
    activeFlows.invalidate();
    return summary(id);
  }

  function save(id: string | undefined, doc: FlowDocument, expectedVersion?: number): FlowDetailDto {
    refuseProblems(doc);
    const flowId = id ?? newId('flw');
    repos.tx(() => {
      const existing = id ? repos.flows.get(id) : undefined;
      if (id && !existing) throw notFound('flow', id);
      if (existing && expectedVersion !== undefined && existing.latestVersion !== expectedVersion) {
        throw new EngineError('version_conflict', `flow ${id} is at version ${existing.latestVersion}, not ${expectedVersion}: reload it before saving`, {
          latestVersion: existing.latestVersion,
        });
      }
      if (!existing) repos.flows.create(flowId, doc.name, now());
      repos.flows.addVersion(flowId, (existing?.latestVersion ?? 0) + 1, doc, now());
    });
    return detail(flowId);
  }

  return {
    list: (): FlowSummaryDto[] => repos.flows.list().map((f) => ({ ...f, lastRun: repos.runs.lastForFlow(f.id) })),
    get: detail,
    save,
    validate: (doc: FlowDocument) => validateFlow(doc, registry),
    /** The active flows no connection on these platforms could serve (a connection is about to go). */
    unservable(remaining: Platform[]): { id: string; name: string }[] {
      return repos.flows
        .listActive()
        .filter((flow) => unmetRequirements(flowRequirements(flow.document, registry), remaining).length > 0)
        .map((flow) => ({ id: flow.id, name: flow.name }));
    },
    activate,
    deactivate(id: string): FlowSummaryDto {
      summary(id);
      repos.flows.setActive(id, null, now());
      activeFlows.invalidate();
      hooks.onStopped?.(id, 'deactivated');
      return summary(id);
    },
    delete(id: string): { id: string } {
      summary(id);
      repos.flows.delete(id, now());
      activeFlows.invalidate();
      hooks.onStopped?.(id, 'deleted');
      return { id };
    },
    import(file: unknown, activateIt: boolean): FlowDetailDto {
      const parsed = FlowFileSchema.safeParse(file);
      if (!parsed.success) {
        throw new EngineError('invalid_flow', `not a Flowdesk flow file (${FLOW_FILE_FORMAT}): ${z.prettifyError(parsed.error)}`);
      }
      const saved = save(undefined, parsed.data.flow);
      if (activateIt) activate(saved.id, saved.version);
      return detail(saved.id);
    },
    export(id: string, version?: number): FlowFile {
      const d = detail(id, version);
      return { format: FLOW_FILE_FORMAT, exportedAt: now(), flow: d.document };
    },
  };
}
export type FlowService = ReturnType<typeof createFlowService>;
