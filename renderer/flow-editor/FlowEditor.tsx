import './controls.css';
import './flow-editor.css';
import './layout/layout.css';
import { useState } from 'react';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { EditorHeader, viewTabId, type EditorView } from './EditorHeader.tsx';
import { ConnectDialog } from './connect/ConnectDialog.tsx';
import { EditorNotice } from './EditorNotice.tsx';
import { Palette } from './Palette.tsx';
import { FlowRuns } from './runs/FlowRuns.tsx';
import { SidePanel } from './SidePanel.tsx';
import type { FlowEditorStore } from './store/create-flow-editor-store.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';
import { useTidyLayout } from './useTidyLayout.ts';
import { FlowEditorProvider } from './store/FlowEditorProvider.tsx';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { useFlowActions } from './useFlowActions.ts';
import { useLeaveGuard } from './useLeaveGuard.ts';
import { useValidation } from './useValidation.ts';

/** The editor for one open flow, around its own store. */
export function FlowEditor({ store }: { store: FlowEditorStore }) {
  return (
    <FlowEditorProvider store={store}>
      <EditorLayout />
    </FlowEditorProvider>
  );
}

function EditorLayout() {
  // `#/flows/<id>?view=runs` (a link from a finished batch) opens on the flow's runs.
  const [view, setView] = useState<EditorView>(() => (/[?&]view=runs\b/.test(window.location.hash) ? 'runs' : 'editor'));
  const flowId = useFlowEditor((s) => s.flowId);
  const paletteOpen = useFlowEditor((s) => s.paletteOpen);
  const panelOpen = useFlowEditor((s) => s.panelOpen);
  const actions = useFlowActions();
  useValidation();
  useEditorShortcuts(actions.save);
  useLeaveGuard();
  useTidyLayout(flowId === null);

  return (
    <div className="flow-editor">
      <EditorHeader actions={actions} view={view} onView={setView} />
      {view === 'runs' && flowId ? (
        <div className="editor-runs" role="tabpanel" aria-labelledby={`${viewTabId}-runs`}>
          <FlowRuns flowId={flowId} />
        </div>
      ) : (
        <div className={['editor-body', paletteOpen ? '' : 'palette-collapsed', panelOpen ? '' : 'panel-collapsed'].filter(Boolean).join(' ')} role="tabpanel" aria-labelledby={`${viewTabId}-editor`}>
          <Palette />
          <div className="editor-canvas">
            <EditorNotice actions={actions} />
            <FlowCanvas />
          </div>
          <SidePanel />
          <ConnectDialog />
        </div>
      )}
    </div>
  );
}
