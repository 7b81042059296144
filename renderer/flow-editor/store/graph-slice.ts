import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { copyPiece, pastePiece } from '../../canvas/core/clipboard.ts';
import { canConnect } from '../../canvas/core/connection-rules.ts';
import { newId } from '../../canvas/core/ids.ts';
import { defaultParams } from '../../canvas/core/schema-form.ts';
import { toCanvasEdge, toCanvasNode, toFlowEdge, toFlowNode, type CanvasNode } from '../../canvas/document-mapping.ts';
import { holdPiece, nextPaste } from './app-clipboard.ts';
import type { EditorState, GraphSlice } from './editor-state.ts';

const editOnly = new Set(['add', 'remove', 'replace', 'position']);

function updateNode(nodes: CanvasNode[], id: string, update: (node: CanvasNode) => CanvasNode): CanvasNode[] {
  return nodes.map((n) => (n.id === id ? update(n) : n));
}

function takenIds(s: EditorState): Set<string> {
  return new Set([...s.nodes.map((n) => n.id), ...s.edges.map((e) => e.id)]);
}

export const createGraphSlice: StateCreator<EditorState, [], [], GraphSlice> = (set, get) => ({
  name: '',
  description: undefined,
  nodes: [],
  edges: [],

  setName(name) {
    if (get().readOnly) return;
    get().record('name');
    set({ name });
  },

  onNodesChange(changes) {
    const s = get();
    const allowed = s.readOnly ? changes.filter((c) => !editOnly.has(c.type)) : changes;
    if (allowed.length === 0) return;
    const moved = allowed.flatMap((c) => (c.type === 'position' ? [c.id] : []));
    if (moved.length > 0) s.record(`move:${moved.join(',')}`);
    // Removals are recorded once, in onBeforeDelete or removeNodes, for nodes and edges together.
    const picked = allowed.some((c) => c.type === 'select' && c.selected);
    set({ nodes: applyNodeChanges(allowed, get().nodes), ...(picked ? { tab: 'step' as const } : {}) });
  },

  onEdgesChange(changes) {
    const s = get();
    const allowed = s.readOnly ? changes.filter((c) => !editOnly.has(c.type)) : changes;
    if (allowed.length === 0) return;
    set({ edges: applyEdgeChanges(allowed, s.edges) });
  },

  connect(connection) {
    const s = get();
    if (s.readOnly || !connection.sourceHandle || !connection.targetHandle) return false;
    const link = { source: connection.source, target: connection.target, sourcePort: connection.sourceHandle, targetPort: connection.targetHandle };
    if (!canConnect(s.nodes.map((n) => n.id), s.edges.map(toFlowEdge), link)) return false;
    s.record();
    const edge = toCanvasEdge({ id: newId('e', takenIds(s)), ...link });
    set({ edges: [...get().edges, edge] });
    return true;
  },

  addNode(type, position) {
    const s = get();
    const spec = s.specs.get(type);
    if (s.readOnly || !spec) return null;
    s.record();
    const id = newId('n', takenIds(s));
    const node: CanvasNode = {
      ...toCanvasNode({ id, type, typeVersion: spec.version, position, params: defaultParams(s.fields.get(type) ?? []) }),
      selected: true,
    };
    set({ nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), tab: 'step' });
    return id;
  },

  setParam(nodeId, key, value) {
    const s = get();
    if (s.readOnly) return;
    s.record(`param:${nodeId}:${key}`);
    set({
      nodes: updateNode(s.nodes, nodeId, (n) => {
        const params = { ...n.data.params };
        if (value === undefined) delete params[key];
        else params[key] = value;
        return { ...n, data: { ...n.data, params } };
      }),
    });
  },

  setNodeLabel(nodeId, label) {
    const s = get();
    if (s.readOnly) return;
    s.record(`label:${nodeId}`);
    set({
      nodes: updateNode(s.nodes, nodeId, (n) => {
        const { label: _old, ...data } = n.data;
        return { ...n, data: label ? { ...data, label } : data };
      }),
    });
  },

  removeNodes(ids) {
    const s = get();
    if (s.readOnly || ids.length === 0) return;
    const gone = new Set(ids);
    s.record();
    set({ nodes: s.nodes.filter((n) => !gone.has(n.id)), edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)) });
  },

  select(nodeId) {
    const s = get();
    set({
      nodes: s.nodes.map((n) => ((n.id === nodeId) === Boolean(n.selected) ? n : { ...n, selected: n.id === nodeId })),
      edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    });
  },

  moveNodes(positions) {
    const s = get();
    if (s.readOnly) return;
    s.record();
    set({ nodes: s.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) });
  },

  copySelection() {
    const s = get();
    const chosen = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
    if (chosen.size === 0) return 0;
    holdPiece(copyPiece(s.nodes.map(toFlowNode), s.edges.map(toFlowEdge), chosen));
    return chosen.size;
  },

  paste() {
    const s = get();
    const next = s.readOnly ? null : nextPaste();
    if (!next) return 0;
    const known = next.piece.nodes.filter((n) => s.specs.has(n.type));
    const ids = new Set(known.map((n) => n.id));
    const edges = next.piece.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const pasted = pastePiece({ nodes: known, edges }, takenIds(s), next.offset);
    s.record();
    set({
      nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes.map((n) => ({ ...toCanvasNode(n), selected: true }))],
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges.map(toCanvasEdge)],
    });
    return pasted.nodes.length;
  },
});
