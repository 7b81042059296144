import { useMemo } from 'react';
import { FlowProblem, type FlowDetailDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { clientProblems, fromEngine, shownProblems, type CanvasProblem } from '../canvas/core/problems.ts';
import { toDocument } from '../canvas/document-mapping.ts';
import { handOff } from './store-handoff.ts';
import type { EditorState } from './store/editor-state.ts';
import { useFlowEditorStore } from './store/flow-editor-context.ts';
import { isDirty } from './useDirty.ts';

export interface FlowActions {
  /** Saves a new version; `overwrite` saves over a newer version someone else saved. */
  save: (options?: { overwrite?: boolean }) => Promise<FlowDetailDto | null>;
  /** Turns the flow on at its latest version, saving first if there are unsaved changes. */
  activate: () => Promise<void>;
  deactivate: () => Promise<void>;
  /** Replaces the canvas with the latest saved version. */
  reload: () => Promise<void>;
}

function problemsOf(details: unknown): FlowProblem[] {
  const parsed = FlowProblem.array().safeParse((details as { problems?: unknown } | undefined)?.problems);
  return parsed.success ? parsed.data : [];
}

/** The engine's refusal as the editor words problems (see shownProblems). */
function refused(s: EditorState, details: unknown): CanvasProblem[] {
  return shownProblems(clientProblems(toDocument(s), { specs: s.specs, fields: s.fields }), fromEngine(problemsOf(details)));
}

function latestOf(details: unknown): number | null {
  const latest = (details as { latestVersion?: unknown } | undefined)?.latestVersion;
  return typeof latest === 'number' ? latest : null;
}

export function useFlowActions(): FlowActions {
  const client = useApiClient();
  const store = useFlowEditorStore();

  return useMemo(() => {
    const ui = () => store.getState();

    async function save(options: { overwrite?: boolean } = {}): Promise<FlowDetailDto | null> {
      const s = ui();
      const document = toDocument(s);
      const expected = options.overwrite && s.notice?.kind === 'conflict' ? s.notice.latestVersion : s.version;
      if (document.name.trim() === '') {
        // The engine cannot even read a nameless document: say so as a problem.
        s.setNotice({ kind: 'invalid', problems: clientProblems(document, s).filter((p) => p.code === 'no_name') });
        return null;
      }
      s.setBusy('saving');
      s.setNotice(null);
      try {
        const detail = await client.call('flows.save', {
          ...(s.flowId ? { id: s.flowId, ...(expected !== null ? { expectedVersion: expected } : {}) } : {}),
          document,
        });
        ui().markSaved(detail, document);
        ui().setNotice({ kind: 'saved', version: detail.version });
        if (!s.flowId) {
          handOff(detail.id, store);
          window.location.hash = pageHref('flows', detail.id);
        }
        return detail;
      } catch (error) {
        const e = toApiError(error, 'flows.save');
        if (e.code === 'invalid_flow') {
          ui().setNotice({ kind: 'invalid', problems: refused(ui(), e.details) });
          ui().setTab('problems');
        } else if (e.code === 'version_conflict') {
          ui().setNotice({ kind: 'conflict', latestVersion: latestOf(e.details) });
        } else {
          ui().setNotice({ kind: 'error', message: e.message });
        }
        return null;
      } finally {
        ui().setBusy(null);
      }
    }

    async function activate(): Promise<void> {
      let s = ui();
      let version = s.version;
      if (!s.flowId || isDirty(s)) {
        const saved = await save();
        if (!saved) return;
        version = saved.version;
      }
      s = ui();
      if (!s.flowId) return;
      s.setBusy('activating');
      try {
        const summary = await client.call('flows.activate', { id: s.flowId, ...(version !== null ? { version } : {}) });
        ui().setActiveVersion(summary.activeVersion);
        ui().setNotice({ kind: 'activated', version: summary.activeVersion ?? version ?? 0 });
      } catch (error) {
        const e = toApiError(error, 'flows.activate');
        if (e.code === 'invalid_flow') {
          ui().setNotice({ kind: 'invalid', problems: refused(ui(), e.details) });
          ui().setTab('problems');
        } else ui().setNotice({ kind: 'error', message: e.message });
      } finally {
        ui().setBusy(null);
      }
    }

    async function deactivate(): Promise<void> {
      const s = ui();
      if (!s.flowId) return;
      s.setBusy('activating');
      try {
        const summary = await client.call('flows.deactivate', { id: s.flowId });
        ui().setActiveVersion(summary.activeVersion);
        ui().setNotice({ kind: 'deactivated' });
      } catch (error) {
        ui().setNotice({ kind: 'error', message: toApiError(error).message });
      } finally {
        ui().setBusy(null);
      }
    }

    async function reload(): Promise<void> {
      const s = ui();
      if (!s.flowId) return;
      try {
        ui().load(await client.call('flows.get', { id: s.flowId }));
      } catch (error) {
        ui().setNotice({ kind: 'error', message: toApiError(error).message });
      }
    }

    return { save, activate, deactivate, reload };
  }, [client, store]);
}
