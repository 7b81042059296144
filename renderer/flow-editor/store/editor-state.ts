import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { FlowDetailDto, FlowDocument, NodeSpecDto, StepDto } from '../../../engine/contract/index.ts';
import type { CanvasProblem } from '../../canvas/core/problems.ts';
import type { FormField } from '../../canvas/core/schema-form.ts';
import type { LayoutPref, LayoutPrefs } from './layout-prefs.ts';
import type { CanvasEdge, CanvasNode } from '../../canvas/document-mapping.ts';

export interface GraphSlice {
  name: string;
  description: string | undefined;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  setName: (name: string) => void;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  /** Draws an edge if the rules allow it (no loop, no duplicate); says whether it did. */
  connect: (connection: Connection) => boolean;
  /** Adds a node of a spec type with the schema's defaults, selected; returns its id. */
  addNode: (type: string, position: XYPosition) => string | null;
  setParam: (nodeId: string, key: string, value: unknown) => void;
  setNodeLabel: (nodeId: string, label: string) => void;
  removeNodes: (ids: readonly string[]) => void;
  select: (nodeId: string | null) => void;
  moveNodes: (positions: ReadonlyMap<string, XYPosition>) => void;
  copySelection: () => number;
  paste: () => number;
}

export interface Snapshot {
  name: string;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  lastMark: { key: string; at: number } | null;
  /**
   * Keeps the graph as it is before a change. Changes with the same key in quick succession
   * (typing in a field, one drag) make one step of history.
   */
  record: (key?: string) => void;
  undo: () => void;
  redo: () => void;
}

export interface DocumentSlice {
  specs: ReadonlyMap<string, NodeSpecDto>;
  fields: ReadonlyMap<string, readonly FormField[]>;
  /** Null for a flow not saved yet. */
  flowId: string | null;
  /** The version the canvas was loaded from or last saved as. */
  version: number | null;
  latestVersion: number | null;
  activeVersion: number | null;
  /** The document as last saved, to tell unsaved changes. */
  savedKey: string;
  /** A run's document: look, select, but change nothing. */
  readOnly: boolean;
  /** A run's steps by node id, to colour the canvas by outcome. */
  steps: ReadonlyMap<string, StepDto>;
  load: (detail: FlowDetailDto) => void;
  markSaved: (detail: FlowDetailDto, saved: FlowDocument) => void;
  setActiveVersion: (version: number | null) => void;
}

export type SidePanelTab = 'step' | 'problems' | 'versions';

export type EditorNotice =
  | { kind: 'invalid'; problems: CanvasProblem[] }
  | { kind: 'conflict'; latestVersion: number | null }
  | { kind: 'error'; message: string }
  | { kind: 'saved'; version: number }
  | { kind: 'activated'; version: number }
  | { kind: 'deactivated' };

export interface UiSlice extends LayoutPrefs {
  tab: SidePanelTab;
  setTab: (tab: SidePanelTab) => void;
  problems: CanvasProblem[];
  problemsByNode: ReadonlyMap<string, CanvasProblem[]>;
  setProblems: (problems: CanvasProblem[]) => void;
  notice: EditorNotice | null;
  setNotice: (notice: EditorNotice | null) => void;
  busy: 'saving' | 'activating' | null;
  setBusy: (busy: UiSlice['busy']) => void;
  /** "Connect…" open on a step (by keyboard): the source, and the output and step the list is on, shown on the canvas. */
  connecting: { nodeId: string; port: string | null; target: string | null } | null;
  setConnecting: (connecting: UiSlice['connecting']) => void;
  /** Shows or collapses the palette or the side panel, or turns the mini map on or off; remembered. */
  setLayout: (pref: LayoutPref, value: boolean) => void;
}

export type EditorState = GraphSlice & HistorySlice & DocumentSlice & UiSlice;
