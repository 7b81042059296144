import type { FlowDetailDto, FlowDocument, FlowFile, FlowFileNeed, FlowSummaryDto, Platform } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { ActiveFlows } from './active-flows.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { validateFlow } from './validate.ts';
import { flowWarnings } from './warnings.ts';
import { writeBackProblems } from './write-back-problems.ts';
import { reachWarnings } from './reach-warnings.ts';
import { templateWarnings, type CheckTemplate, type CheckVariables } from './template-warnings.ts';
import { flowRequirements, unmetRequirements } from './requirements.ts';
import { createFlowHistory, versionHash } from './flow-versions.ts';
import { fromFlowFile, toFlowFile } from './flow-files.ts';

export interface FlowServiceHooks {
  /** A flow stopped running (turned off or deleted): its waiting runs are cancelled. */
  onStopped?(flowId: string, why: 'deactivated' | 'deleted'): void;
  /** A version of the flow was turned on (first time, another version, or again): its schedules are re-planned. */
  onActivated?(flowId: string, version: number): void;
  /** Reads a Liquid template (the executor's renderer): the editor's problems name a field that will not parse. */
  checkTemplate?: CheckTemplate;
  /** The variables a template names that the trigger's data never holds (the variable picker's list). */
  checkVariables?: CheckVariables;
}

/**
 * Flows and their versions: every save of a changed document is a new version (an unchanged
 * one, by content hash, answers the latest); at most one version is active.
 */
export function createFlowService(repos: Repositories, registry: NodeRegistry, activeFlows: ActiveFlows, clock: Clock, hooks: FlowServiceHooks = {}) {
  const now = () => new Date(clock.now()).toISOString();
  const history = createFlowHistory(repos);
  const connectedPlatforms = () => [...new Set(repos.connections.list().map((c) => c.platform))];

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
    const problems = [...validateFlow(doc, registry), ...writeBackProblems(doc, registry, connectedPlatforms()).filter((p) => p.severity === 'error')];
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
    hooks.onActivated?.(id, v);
    return summary(id);
  }

  function save(id: string | undefined, doc: FlowDocument, expectedVersion?: number): FlowDetailDto {
    refuseProblems(doc);
    const flowId = id ?? newId('flw');
    const hash = versionHash(doc);
    repos.tx(() => {
      const existing = id ? repos.flows.get(id) : undefined;
      if (id && !existing) throw notFound('flow', id);
      // Nothing changed: no version (even from a stale editor: there is nothing to overwrite).
      if (existing && history.hashOf(flowId, existing.latestVersion) === hash) return;
      if (existing && expectedVersion !== undefined && existing.latestVersion !== expectedVersion) {
        throw new EngineError('version_conflict', `flow ${id} is at version ${existing.latestVersion}, not ${expectedVersion}: reload it before saving`, {
          latestVersion: existing.latestVersion,
        });
      }
      if (!existing) repos.flows.create(flowId, doc.name, now());
      repos.flows.addVersion(flowId, (existing?.latestVersion ?? 0) + 1, doc, now(), hash);
    });
    return detail(flowId);
  }

  return {
    list: (): FlowSummaryDto[] => repos.flows.list().map((f) => ({ ...f, lastRun: repos.runs.lastForFlow(f.id) })),
    get: detail,
    save,
    /** Errors (which refuse a save) and warnings (which do not), for the editor. */
    validate: (doc: FlowDocument) => [
      ...validateFlow(doc, registry),
      ...reachWarnings(doc, registry),
      ...(hooks.checkTemplate ? templateWarnings(doc, registry, hooks.checkTemplate, hooks.checkVariables) : []),
      ...flowWarnings(doc, registry),
      ...writeBackProblems(doc, registry, connectedPlatforms()),
    ],
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
    /** A refused file creates nothing. A flow whose secrets are still to fill in is not turned on. */
    import(file: unknown, activateIt: boolean): FlowDetailDto & { needs: FlowFileNeed[] } {
      const { flow, needs } = fromFlowFile(file, registry);
      const saved = save(undefined, flow);
      if (activateIt && needs.length === 0) activate(saved.id, saved.version);
      return { ...detail(saved.id), needs };
    },
    export(id: string, version?: number): FlowFile {
      return toFlowFile(detail(id, version).document, registry, now());
    },
    versions(id: string) {
      const s = summary(id);
      return history.versions(id, s.activeVersion, s.latestVersion);
    },
    diff(id: string, from: number, to: number) {
      summary(id);
      return history.diff(id, from, to);
    },
    /**
     * Saves an old version's document as the new latest version (history only grows). It runs
     * if the flow is on, unless `activateIt` says otherwise; a flow that is off stays off.
     */
    rollback(id: string, version: number, activateIt?: boolean): FlowDetailDto {
      const s = summary(id);
      const saved = save(id, history.document(id, version));
      if (activateIt ?? s.activeVersion !== null) activate(id, saved.version);
      return detail(id);
    },
  };
}
export type FlowService = ReturnType<typeof createFlowService>;
